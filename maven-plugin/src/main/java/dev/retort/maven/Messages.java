package dev.retort.maven;

import java.nio.file.Path;

/** Every message the plugin writes itself; the command line's own messages are passed through. */
final class Messages {

  /** What stands for a password wherever one would be shown. */
  static final String MASK = "****";

  private Messages() {}

  static String skipped(String goal) {
    return "Skipping retort:" + goal + " (retort.skip is true)";
  }

  static String noRegistry(String artifactId) {
    return "No Retort registry on the runtime classpath of " + artifactId + ": compile first"
        + " (mvn compile retort:<goal>), with retort-processor on the annotation processor path;"
        + " or add the module that holds the @Revision classes as a dependency";
  }

  static String noRegistryInAggregator(String artifactId, String goal) {
    return "Skipping retort:" + goal + " in " + artifactId + ": a pom module without a Retort"
        + " registry on its classpath";
  }

  static String noServer(String serverId) {
    return "No <server> with id " + serverId + " in settings.xml: add one with the database's"
        + " <username> and <password>, or fix serverId (-Dretort.serverId)";
  }

  static String cannotDecrypt(String serverId, String problem) {
    return "Cannot decrypt the password of <server> " + serverId + " in settings.xml: " + problem
        + "; check settings-security.xml, or encrypt it again with mvn --encrypt-password";
  }

  static String downgradeNeedsTarget() {
    return "retort:downgrade needs a target: -Dretort.target=-1 (one step back), a revision id or"
        + " unique prefix, label@base, or base (everything)";
  }

  static String exitedWithoutReason(String command, int status) {
    return "retort " + command + " exited with status " + status + " without saying why;"
        + " run Maven with -X to see its output";
  }

  static String unreadableClasspath(String artifactId, String problem) {
    return "Cannot read the runtime classpath of " + artifactId + ": " + problem;
  }

  static String versionDrift(String artifact, String projectVersion, String pluginVersion) {
    return "The project depends on " + artifact + " " + projectVersion + ", but the migrations run"
        + " with the plugin's " + pluginVersion + ": give the plugin and the dependency the same"
        + " version";
  }

  static String wroteScript(String range, Path file) {
    return "Wrote the SQL of " + range + " to " + file;
  }

  static String cannotWriteScript(Path file, String problem) {
    return "Cannot write the SQL script to " + file + ": " + problem
        + "; fix outputFile (-Dretort.outputFile)";
  }
}

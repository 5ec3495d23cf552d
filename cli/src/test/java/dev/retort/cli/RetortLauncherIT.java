package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code retort} command as a user runs it, after {@code package}: {@code java -jar} on the
 * executable jar, and the launcher script, on a project whose classes are not on the command
 * line's classpath.
 */
class RetortLauncherIT {

  private static final Path LAUNCHER = Path.of("src/main/bin/retort").toAbsolutePath();

  @TempDir static Path project;
  private static Path jar;
  private static Path classes;

  @TempDir Path folder;

  /** What a process printed (both streams) and its exit status. */
  record Run(int status, String output) {}

  @BeforeAll
  static void findTheJarAndCompileAProject() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(f -> f.getFileName().toString().matches("retort-cli-.*-all\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("No executable jar in"
              + " target/: run this test with ./mvnw verify, after package"));
    }
    Path sources = Files.createDirectories(project.resolve("src"));
    Files.writeString(sources.resolve("CreateUsers.java"), "package shop.db;\n"
        + "import dev.retort.annotations.Revision;\n"
        + "import dev.retort.runtime.Migration;\n"
        + "import org.jooq.DSLContext;\n"
        + "@Revision(id = \"t1\", message = \"Create users\")\n"
        + "public final class CreateUsers implements Migration {\n"
        + "  @Override public void upgrade(DSLContext db) {\n"
        + "    db.createTable(\"users\").column(\"id\", org.jooq.impl.SQLDataType.INTEGER).execute();\n"
        + "  }\n"
        + "  @Override public void downgrade(DSLContext db) { db.dropTable(\"users\").execute(); }\n"
        + "}\n");
    classes = project.resolve("classes");
    assertThat(Sources.compile(sources, classes)).isEmpty();
  }

  private Run run(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .directory(folder.toFile());
    builder.environment().remove("RETORT_URL");
    builder.environment().remove("RETORT_CLASSPATH");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(process.exitValue(), output);
  }

  private Run retort(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
    command.addAll(List.of(args));
    return run(command, Map.of());
  }

  @Test
  void javaJar_runsTheCommandLine_andKnowsItsVersion() throws Exception {
    String version = jar.getFileName().toString()
        .replaceFirst("^retort-cli-", "").replaceFirst("-all\\.jar$", "");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Run run = run(List.of(java, "-jar", jar.toAbsolutePath().toString(), "--version"), Map.of());

    assertWithMessage(run.output()).that(run.status()).isEqualTo(0);
    assertThat(run.output()).isEqualTo("retort " + version + "\n");
  }

  @Test
  void theLauncher_migratesTheProjectNamedByTheClasspathSetting() throws Exception {
    Files.writeString(folder.resolve("retort.properties"), "url=jdbc:h2:file:"
        + folder.resolve("db") + "\nuser=sa\nclasspath=" + classes + "\n");

    Run upgrade = retort("upgrade");
    Run history = retort("history", "-i");
    Run audit = retort("history", "--audit");

    assertWithMessage(upgrade.output()).that(upgrade.status()).isEqualTo(0);
    assertThat(upgrade.output()).containsMatch(
        "^INFO Running upgrade <base> -> t1, Create users \\(\\d+ ms\\)\n");
    assertThat(history.output()).isEqualTo("<base> -> t1 (head) (current), Create users\n");
    assertThat(audit.output()).containsMatch("upgrade +t1 +\\d+ ms +succeeded, Create users");
  }

  @Test
  void theLauncher_withTheClasspathInTheEnvironment_andAnUnknownCommand() throws Exception {
    Run typo = retort("upgrayedd");
    Run heads = run(List.of("bash", LAUNCHER.toString(), "heads", "--url", "jdbc:h2:mem:x"),
        Map.of("RETORT_CLASSPATH", classes.toString()));

    assertThat(typo.status()).isEqualTo(2);
    assertThat(typo.output()).startsWith("ERROR: Unmatched argument at index 0: 'upgrayedd'\n");
    assertWithMessage(heads.output()).that(heads.status()).isEqualTo(0);
    assertThat(heads.output()).isEqualTo("<base> -> t1 (head), Create users\n");
  }

  @Test
  void theLauncher_withoutAJar_saysHowToBuildOne() throws Exception {
    Path bin = Files.createDirectories(folder.resolve("elsewhere/bin"));
    Path copy = bin.resolve("retort");
    Files.copy(LAUNCHER, copy);
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));

    Run run = run(List.of(copy.toString(), "current"), Map.of());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.output()).startsWith("ERROR: no retort-cli-*-all.jar beside " + bin);
    assertThat(run.output()).contains("./mvnw -pl cli -am package, or set RETORT_JAR");
  }

  @Test
  void theLauncher_throughASymbolicLink_findsItsJar() throws Exception {
    Path link = folder.resolve("retort");
    Files.createSymbolicLink(link, LAUNCHER);

    Run run = run(List.of(link.toString(), "--version"), Map.of());

    assertWithMessage(run.output()).that(run.status()).isEqualTo(0);
    assertThat(run.output()).startsWith("retort ");
  }

}

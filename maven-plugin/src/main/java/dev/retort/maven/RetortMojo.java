package dev.retort.maven;

import dev.retort.cli.RetortCli;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every goal shares: it runs one of the command line's commands in Maven's JVM, with the
 * project's runtime classpath (where the registry and the JDBC driver are), and turns the
 * command's exit status into the build's result.
 *
 * <p>Settings, strongest first: {@code -Dretort.*} on Maven's command line, the plugin's
 * {@code <configuration>}, the {@code <server>} named by {@code serverId} in {@code settings.xml}
 * (user and password only), {@code RETORT_URL}, {@code RETORT_USER} and {@code RETORT_PASSWORD}
 * in the environment, and the project's {@code retort.properties}: the command line's own order
 * of flags, environment and file, with Maven's sources as the flags.
 */
public abstract class RetortMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  @Inject
  private SettingsDecrypter decrypter;

  /** The database's JDBC URL; overrides {@code RETORT_URL} and the file's {@code url}. */
  @Parameter(property = "retort.url")
  private String url;

  /** The database user; overrides {@code RETORT_USER} and the file's {@code user}. */
  @Parameter(property = "retort.user")
  private String user;

  /**
   * The database password; overrides {@code RETORT_PASSWORD} and the file's {@code password}.
   * Prefer {@code serverId}, the environment or {@code -Dretort.password} to writing it into the
   * POM. Never printed, also not by {@code mvn -X}.
   */
  @Sensitive
  @Parameter(property = "retort.password")
  private String password;

  /**
   * The id of a {@code <server>} in {@code settings.xml} whose {@code <username>} and
   * {@code <password>} (encrypted or not) log in to the database, unless {@code user} and
   * {@code password} are set.
   */
  @Parameter(property = "retort.serverId")
  private String serverId;

  /**
   * The command line's configuration file. Default: {@code retort.properties} in the project's
   * folder, when there is one.
   */
  @Parameter(property = "retort.configFile")
  private File configFile;

  /** Skips the goal. */
  @Parameter(property = "retort.skip", defaultValue = "false")
  private boolean skip;

  /** The command this goal runs, as typed after {@code retort}. */
  abstract String command();

  /**
   * The command's options and arguments.
   *
   * @throws MojoExecutionException if the goal's configuration is incomplete
   */
  abstract List<String> options() throws MojoExecutionException;

  /**
   * Shows the command's results: by default each line at INFO, except the one that becomes a
   * failure's message.
   *
   * @throws MojoExecutionException if the results cannot be kept
   */
  void results(CliOutcome outcome) throws MojoExecutionException {
    outcome.results().forEach(line -> getLog().info(line));
  }

  /**
   * Runs the goal's command.
   *
   * @throws MojoExecutionException if the command could not do its job: a configuration, a
   *     connection or a migration failed (the message is the command's one line)
   * @throws MojoFailureException if {@code check} found revisions pending or {@code verify} a
   *     proof that failed
   */
  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info(Messages.skipped(command()));
      return;
    }
    List<String> args = CliArguments.of(command(), connection(), options(),
        getLog().isDebugEnabled());
    VersionDrift.between(project.getArtifacts(), plugin.getArtifacts())
        .forEach(warning -> getLog().warn(warning));
    Optional<CliOutcome> ran = runInProject(args);
    if (ran.isEmpty()) {
      getLog().info(Messages.noRegistryInAggregator(project.getArtifactId(), command()));
      return;
    }
    CliOutcome outcome = ran.get();
    outcome.details().forEach(line -> getLog().debug(line));
    results(outcome);
    Optional<CliOutcome.Stop> stop = outcome.stop(command());
    if (stop.isPresent()) {
      if (stop.get().kind() == CliOutcome.Kind.FAILURE) {
        throw new MojoFailureException(stop.get().message());
      }
      throw new MojoExecutionException(stop.get().message());
    }
  }

  /** A {@code -Dretort.NAME} on Maven's command line, which wins over the POM's value. */
  final String setting(String name, String configured) {
    String commandLine = session.getUserProperties().getProperty("retort." + name);
    return commandLine != null ? commandLine : configured;
  }

  final MavenProject project() {
    return project;
  }

  private Connection connection() throws MojoExecutionException {
    String user = setting("user", this.user);
    String password = setting("password", this.password);
    String serverId = setting("serverId", this.serverId);
    if (serverId != null && (user == null || password == null)) {
      Server server = session.getSettings().getServer(serverId);
      if (server == null) {
        throw new MojoExecutionException(Messages.noServer(serverId));
      }
      SettingsDecryptionResult decrypted =
          decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem problem : decrypted.getProblems()) {
        if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
          throw new MojoExecutionException(Messages.cannotDecrypt(serverId, problem.getMessage()));
        }
      }
      user = user != null ? user : decrypted.getServer().getUsername();
      password = password != null ? password : decrypted.getServer().getPassword();
    }
    String file = setting("configFile", configFile == null ? null : configFile.getPath());
    Path config = file != null ? project.getBasedir().toPath().resolve(file)
        : defaultConfigFile();
    return new Connection(setting("url", url), user, password, config);
  }

  private Path defaultConfigFile() {
    Path file = project.getBasedir().toPath().resolve("retort.properties");
    return Files.isRegularFile(file) ? file : null;
  }

  /**
   * Runs the command with the project's classpath, capturing what it prints; nothing for a
   * {@code pom} module without a registry (the parent of modules that have one).
   */
  private Optional<CliOutcome> runInProject(List<String> args) throws MojoExecutionException {
    List<String> classpath;
    try {
      classpath = project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException(
          Messages.unreadableClasspath(project.getArtifactId(), e.getMessage()), e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ProjectRealm realm = ProjectRealm.open(classpath, getClass().getClassLoader())) {
      if (!realm.hasRegistry()) {
        if ("pom".equals(project.getPackaging())) {
          return Optional.empty();
        }
        throw new MojoExecutionException(Messages.noRegistry(project.getArtifactId()));
      }
      int status = realm.run(() -> {
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
          return RetortCli.run(args.toArray(String[]::new), outStream, errStream);
        }
      });
      return Optional.of(CliOutcome.of(status, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new MojoExecutionException(
          Messages.unreadableClasspath(project.getArtifactId(), e.getMessage()), e);
    }
  }
}

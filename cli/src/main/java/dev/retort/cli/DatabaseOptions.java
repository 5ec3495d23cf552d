package dev.retort.cli;

import dev.retort.runtime.Fleet;
import dev.retort.runtime.PasswordMask;
import dev.retort.runtime.RegistryNotFoundException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.UrlDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every command shares: where the configuration is, and how to reach the database. */
final class DatabaseOptions {

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: ./retort.properties).")
  Path config;

  @Option(names = "--url", paramLabel = "JDBC_URL",
      description = "Database URL; overrides RETORT_URL and the file's url.")
  String url;

  @Option(names = "--user", paramLabel = "USER",
      description = "Database user; overrides RETORT_USER and the file.")
  String user;

  @Option(names = "--password", paramLabel = "PASSWORD", description = "Database password;"
      + " overrides RETORT_PASSWORD and the file. Prefer RETORT_PASSWORD: flags show up in"
      + " process listings.")
  String password;

  @Option(names = "--classpath", paramLabel = "PATH", description = "Where the project's"
      + " classes are (its registry, migrations, JDBC driver), separated by the platform's path"
      + " separator; dir/* for the jars in dir. Overrides RETORT_CLASSPATH and the file's"
      + " classpath.")
  String classpath;

  @Option(names = "--lock-timeout", paramLabel = "DURATION", description = "How long to wait"
      + " for another runner's lock (e.g. 30s, 10m; default 10m); overrides lock_timeout.")
  String lockTimeout;

  @Option(names = "--lease-duration", paramLabel = "DURATION", description = "How long a lease"
      + " lock (H2, SQLite) lives without renewal (default 30s); overrides lease_duration.")
  String leaseDuration;

  @Option(names = "--lock", paramLabel = "KIND", description = "automatic (the database's own"
      + " lock: advisory on PostgreSQL, named on MySQL and MariaDB; the default) or lease-row (a"
      + " lease row in the lock table, for CockroachDB and engines without advisory locks);"
      + " overrides lock.")
  String lock;

  @Option(names = "--from-sources", description = {"Read the revisions from the migration"
      + " sources (migrations.source) instead of the compiled registry, so that the graph"
      + " commands work while the build is broken. Only heads, branches, show, history, graph"
      + " and current take it: they run no migration code."})
  boolean fromSources;

  /** The commands that read only the graph (and the version table): no migration code runs. */
  static final Set<String> READ_FROM_SOURCES =
      Set.of("heads", "branches", "show", "history", "graph", "current");

  /** The commands that always read the sources, without a build. */
  private static final Set<String> READ_SOURCES_ALREADY = Set.of("create", "merge");

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  private boolean sourcesNoted;

  /** The data source of the last {@link #retort(String)}: a fleet's members share it. */
  private UrlDataSource dataSource;

  /** The run this command belongs to: its environment, and where passwords are masked. */
  private RetortCli run() {
    return (RetortCli) command.root().userObject();
  }

  /**
   * The settings of this run.
   *
   * @throws IllegalArgumentException if --from-sources is given to a command that cannot read
   *     the revisions from the sources
   */
  Config config() {
    if (fromSources && !READ_FROM_SOURCES.contains(command.name())) {
      throw new IllegalArgumentException(READ_SOURCES_ALREADY.contains(command.name())
          ? CliMessages.fromSourcesNotNeeded(command.name())
          : CliMessages.fromSourcesNeedsBuild(command.name()));
    }
    RetortCli run = run();
    Map<String, String> environment = run.environment();
    // Known before the file is read, so an error reading it cannot print them either.
    run.mask(PasswordMask.of(Arrays.asList(password, environment.get("RETORT_PASSWORD")),
        Arrays.asList(url, environment.get("RETORT_URL"))));
    Path file = config != null ? config : Path.of(Config.DEFAULT_FILE);
    Config loaded;
    try {
      loaded = Config.load(file, config != null, environment, new Config.Flags(url, user,
          password, lockTimeout, leaseDuration, classpath));
    } catch (IOException e) {
      throw new UncheckedIOException(CliMessages.cannotReadConfiguration(file, e.getMessage()), e);
    }
    run.mask(PasswordMask.of(loaded.password(), loaded.url()));
    return loaded;
  }

  /** Retort on the configured database, with the registry on the classpath. */
  Retort retort() {
    return retort(config().requireUrl());
  }

  /** Retort with the registry on the classpath, on this URL. */
  Retort retort(String url) {
    Config config = config();
    RetortSettings settings;
    try {
      settings = RetortSettings.defaults()
          .withSchema(config.schema())
          .withVersionTable(config.versionTable())
          .withHistoryTable(config.historyTable())
          .withLockTable(config.lockTable());
    } catch (IllegalArgumentException invalid) {
      throw new IllegalArgumentException(
          CliMessages.invalidTableSetting(invalid.getMessage(), config.file()), invalid);
    }
    if (config.lockTimeout() != null) {
      settings = settings.withLockTimeout(config.lockTimeout());
    }
    if (config.leaseDuration() != null) {
      settings = settings.withLeaseDuration(config.leaseDuration());
    }
    RetortSettings.LockKind lockKind = lock != null ? Config.lockKind(lock, "--lock")
        : config.lock();
    if (lockKind != null) {
      settings = settings.withLockKind(lockKind);
    }
    ClassLoader project = run().projectClassLoader(config.classpath());
    UrlDataSource dataSource = UrlDataSource.of(url, config.user(), config.password(), project);
    this.dataSource = dataSource;
    Retort retort;
    if (fromSources) {
      retort = Retort.using(dataSource, sourceRegistry(config));
    } else if (config.registry() != null) {
      retort = Retort.using(dataSource, registryNamed(config.registry(), project));
    } else {
      try {
        retort = Retort.using(dataSource);
        // Created now, not at the first command: several registries are refused here, where
        // the advice can name the setting that picks one.
        retort.registry();
      } catch (RegistryNotFoundException notOne) {
        // None, or several of which none covers the rest: the same ServiceLoader lookup tells
        // which. With several, the runtime's advice is for Java code; here the file picks one.
        if (registriesOn(project).size() > 1) {
          throw new RegistryNotFoundException(
              CliMessages.severalRegistries(notOne.getMessage(), config.file()));
        }
        throw notOne;
      }
    }
    return retort.withSettings(settings);
  }

  /**
   * The fleet of these schemas on the configured database, with the registry and the settings a
   * single run would use.
   */
  Fleet fleet(java.util.List<String> schemas) {
    Retort single = retort();
    return Fleet.ofSchemas(dataSource, single.registry(), schemas)
        .withSettings(single.settings());
  }

  /** Where this run prints. */
  LogSink sink() {
    return run().sink();
  }

  /** The configured database, with the project's driver: for the query that lists schemas. */
  javax.sql.DataSource dataSource() {
    if (dataSource == null) {
      retort();
    }
    return dataSource;
  }

  /**
   * The revisions the migration sources declare, read without compiling, and the one-line note
   * on standard error (once) that they were.
   */
  private SourceRegistry sourceRegistry(Config config) {
    Path folder = config.migrationsSource();
    if (folder == null) {
      throw new IllegalArgumentException(CliMessages.noMigrationsSourceToRead(config.file()));
    }
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(
          CliMessages.migrationsSourceNotAFolder(folder, config.file()));
    }
    SourceRegistry registry;
    try {
      registry = SourceRegistry.of(MigrationSources.read(folder), folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!sourcesNoted) {
      command.commandLine().getErr().println(CliMessages.readFromSources(folder));
      sourcesNoted = true;
    }
    return registry;
  }

  /** The registry with this class name, among those ServiceLoader finds: no reflection needed. */
  private static RevisionRegistry registryNamed(String className, ClassLoader project) {
    List<RevisionRegistry> found = registriesOn(project);
    return found.stream().filter(r -> r.getClass().getName().equals(className)).findFirst()
        .orElseThrow(() -> new RegistryNotFoundException(CliMessages.noRegistryNamed(className,
            found.stream().map(r -> r.getClass().getName()).toList())));
  }

  /** The registries ServiceLoader finds, as RevisionRegistry.onClasspath() looks them up. */
  private static List<RevisionRegistry> registriesOn(ClassLoader project) {
    return ServiceLoader.load(RevisionRegistry.class, project).stream()
        .map(ServiceLoader.Provider::get).toList();
  }
}

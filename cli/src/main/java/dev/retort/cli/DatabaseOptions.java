package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RegistryNotFoundException;
import dev.retort.runtime.RevisionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine.Option;

/** The options every command shares: where the configuration is, and how to reach the database. */
final class DatabaseOptions {

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: ./retort.properties).")
  Path config;

  @Option(names = "--url", paramLabel = "JDBC_URL",
      description = "Database URL; overrides RETORT_URL and the file's url.")
  String url;

  @Option(names = "--user", paramLabel = "USER", description = "Database user; overrides RETORT_USER and the file.")
  String user;

  @Option(names = "--password", paramLabel = "PASSWORD", description = "Database password; overrides RETORT_PASSWORD and"
      + " the file. Prefer RETORT_PASSWORD: flags show up in process listings.")
  String password;

  Config config() {
    Path file = config != null ? config : Path.of(Config.DEFAULT_FILE);
    try {
      return Config.load(file, config != null, System.getenv(), url, user, password);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
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
          .withHistoryTable(config.historyTable());
    } catch (IllegalArgumentException invalid) {
      throw new IllegalArgumentException(invalid.getMessage() + " Fix schema, version_table or"
          + " history_table in " + config.file() + ".", invalid);
    }
    UrlDataSource dataSource = new UrlDataSource(url, config.user(), config.password());
    Retort retort;
    if (config.registry() != null) {
      retort = Retort.using(dataSource, registryNamed(config.registry()));
    } else {
      try {
        retort = Retort.using(dataSource);
      } catch (RegistryNotFoundException notOne) {
        // None, or several of which none covers the rest: the same ServiceLoader lookup tells
        // which. With several, the runtime's advice is for Java code; here the file picks one.
        if (registriesOnClasspath().size() > 1) {
          throw new RegistryNotFoundException(notOne.getMessage() + "; on the command line, set"
              + " registry= to one of them in " + config.file());
        }
        throw notOne;
      }
    }
    return retort.withSettings(settings);
  }

  /** The registry with this class name, among those ServiceLoader finds: no reflection needed. */
  private static RevisionRegistry registryNamed(String className) {
    List<RevisionRegistry> found = registriesOnClasspath();
    return found.stream().filter(r -> r.getClass().getName().equals(className)).findFirst()
        .orElseThrow(() -> new RegistryNotFoundException("No registry " + className
            + " on the classpath; found " + found.stream().map(r -> r.getClass().getName())
            .toList() + ". Fix registry in the configuration file."));
  }

  /** The registries ServiceLoader finds, as RevisionRegistry.onClasspath() looks them up. */
  private static List<RevisionRegistry> registriesOnClasspath() {
    return ServiceLoader.load(RevisionRegistry.class).stream()
        .map(ServiceLoader.Provider::get).toList();
  }
}

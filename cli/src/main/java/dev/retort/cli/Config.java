package dev.retort.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The command line's settings, from three sources in rising precedence: the {@code
 * retort.properties} file (the seed's {@code alembic.ini}), the environment ({@code RETORT_URL},
 * {@code RETORT_USER}, {@code RETORT_PASSWORD}), and flags.
 *
 * <p>{@link #toString()} never shows the password.
 */
record Config(
    String url,
    String user,
    String password,
    String schema,
    String versionTable,
    String historyTable,
    String registry,
    Path migrationsSource,
    String migrationsPackage,
    String classNameTemplate,
    Path templateFile,
    Path file,
    String lintSince) {

  /** New migrations are named M0001_Message, M0002_..., so files sort in creation order. */
  static final String DEFAULT_CLASS_NAME_TEMPLATE = "M{seq}_{Message}";

  static final String DEFAULT_FILE = "retort.properties";

  /**
   * @param file the properties file; a missing default file is fine, a missing named one is not
   * @param explicitFile whether the user named the file
   */
  static Config load(Path file, boolean explicitFile, Map<String, String> environment,
      String urlFlag, String userFlag, String passwordFlag) throws IOException {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      }
    } else if (explicitFile) {
      throw new IllegalArgumentException("No configuration file at " + file.toAbsolutePath()
          + "; pass an existing file to --config, or leave it out to use " + DEFAULT_FILE);
    }
    String url = pick(urlFlag, environment.get("RETORT_URL"), properties.getProperty("url"));
    Path folder = file.toAbsolutePath().getParent();
    String source = properties.getProperty("migrations.source");
    String template = properties.getProperty("template");
    return new Config(
        url,
        pick(userFlag, environment.get("RETORT_USER"), properties.getProperty("user")),
        pick(passwordFlag, environment.get("RETORT_PASSWORD"), properties.getProperty("password")),
        blankToNull(properties.getProperty("schema")),
        properties.getProperty("version_table", "retort_version"),
        properties.getProperty("history_table", "retort_history"),
        properties.getProperty("registry"),
        source == null ? null : folder.resolve(source),
        properties.getProperty("migrations.package"),
        properties.getProperty("class_name_template", DEFAULT_CLASS_NAME_TEMPLATE),
        template == null ? null : folder.resolve(template),
        file,
        blankToNull(properties.getProperty("lint_since")));
  }

  /** The database URL, which every command but create, merge and sql needs. */
  String requireUrl() {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("No database URL: set url in " + file
          + ", RETORT_URL in the environment, or pass --url jdbc:...");
    }
    return url;
  }

  /** The folder of migration sources, which create and merge write into. */
  Path requireMigrationsSource() {
    if (migrationsSource == null || migrationsPackage == null) {
      throw new IllegalArgumentException("create and merge need migrations.source (the folder"
          + " of migration classes) and migrations.package in " + file);
    }
    if (!java.nio.file.Files.isDirectory(migrationsSource)) {
      throw new IllegalArgumentException("migrations.source " + migrationsSource
          + " is not a folder; fix it in " + file);
    }
    return migrationsSource;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String pick(String flag, String environment, String file) {
    return flag != null ? flag : environment != null ? environment : file;
  }

  @Override
  public String toString() {
    return "Config[url=" + Secrets.redact(url, password) + ", user=" + user + ", password=" + (password == null ? "" : "***")
        + ", schema=" + schema + "]";
  }
}

package dev.retort.cli;

import dev.retort.runtime.PasswordMask;
import dev.retort.runtime.RetortSettings;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The command line's settings, from three sources in rising precedence: the {@code
 * retort.properties} file (the seed's {@code alembic.ini}), the environment ({@code RETORT_URL},
 * {@code RETORT_USER}, {@code RETORT_PASSWORD}, {@code RETORT_CLASSPATH}), and flags. An empty
 * value, in any of them, means unset: {@code RETORT_USER=} leaves the user to the file, or to the
 * URL.
 *
 * <p>{@link #toString()} never shows the password.
 *
 * @param lockTimeout how long to wait for another runner's lock; {@code null} for the runtime's
 *     default
 * @param leaseDuration how long a lease lock lives without renewal; {@code null} for the default
 * @param classpath where the project's classes are (its registry, migrations and driver), in
 *     addition to the command line's own classpath
 * @param lock the lock to take ({@code lock=lease-row}); {@code null} for the database's own
 */
record Config(
    String url,
    String user,
    String password,
    String schema,
    String versionTable,
    String historyTable,
    String lockTable,
    Duration lockTimeout,
    Duration leaseDuration,
    List<Path> classpath,
    String registry,
    Path migrationsSource,
    String migrationsPackage,
    String classNameTemplate,
    Path templateFile,
    Path file,
    String lintSince,
    RetortSettings.LockKind lock) {

  /** New migrations are named M0001_Message, M0002_..., so files sort in creation order. */
  static final String DEFAULT_CLASS_NAME_TEMPLATE = "M{seq}_{Message}";

  static final String DEFAULT_FILE = "retort.properties";

  /** What the flags say; {@code null} (or empty) where a flag was not given. */
  record Flags(String url, String user, String password, String lockTimeout,
      String leaseDuration, String classpath) {

    static final Flags NONE = new Flags(null, null, null, null, null, null);
  }

  /** As {@link #load(Path, boolean, Map, Flags)} with only the connection's flags. */
  static Config load(Path file, boolean explicitFile, Map<String, String> environment,
      String urlFlag, String userFlag, String passwordFlag) throws IOException {
    return load(file, explicitFile, environment,
        new Flags(urlFlag, userFlag, passwordFlag, null, null, null));
  }

  /**
   * @param file the properties file; a missing default file is fine, a missing named one is not
   * @param explicitFile whether the user named the file
   * @throws IllegalArgumentException if a named file is missing, or a duration does not parse
   */
  static Config load(Path file, boolean explicitFile, Map<String, String> environment,
      Flags flags) throws IOException {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      }
    } else if (explicitFile) {
      throw new IllegalArgumentException(CliMessages.noConfigurationFile(file, DEFAULT_FILE));
    }
    Path folder = file.toAbsolutePath().getParent();
    String source = unsetIfEmpty(properties.getProperty("migrations.source"));
    String template = unsetIfEmpty(properties.getProperty("template"));
    return new Config(
        pick(flags.url(), environment.get("RETORT_URL"), properties.getProperty("url")),
        pick(flags.user(), environment.get("RETORT_USER"), properties.getProperty("user")),
        pick(flags.password(), environment.get("RETORT_PASSWORD"),
            properties.getProperty("password")),
        blankToNull(properties.getProperty("schema")),
        pick(null, null, properties.getProperty("version_table"), "retort_version"),
        pick(null, null, properties.getProperty("history_table"), "retort_history"),
        pick(null, null, properties.getProperty("lock_table"), "retort_lock"),
        duration("lock_timeout", pick(flags.lockTimeout(), null,
            properties.getProperty("lock_timeout")), file),
        duration("lease_duration", pick(flags.leaseDuration(), null,
            properties.getProperty("lease_duration")), file),
        classpath(flags.classpath(), environment.get("RETORT_CLASSPATH"),
            properties.getProperty("classpath"), folder),
        unsetIfEmpty(properties.getProperty("registry")),
        source == null ? null : folder.resolve(source),
        unsetIfEmpty(properties.getProperty("migrations.package")),
        pick(null, null, properties.getProperty("class_name_template"),
            DEFAULT_CLASS_NAME_TEMPLATE),
        template == null ? null : folder.resolve(template),
        file,
        blankToNull(properties.getProperty("lint_since")),
        lockKind(blankToNull(properties.getProperty("lock")), file.toString()));
  }

  /**
   * The lock a setting names: {@code automatic} or {@code lease-row}; {@code null} when unset.
   *
   * @throws IllegalArgumentException for anything else, naming where it was set
   */
  static RetortSettings.LockKind lockKind(String value, String where) {
    if (value == null) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "automatic" -> RetortSettings.LockKind.AUTOMATIC;
      case "lease-row", "lease_row" -> RetortSettings.LockKind.LEASE_ROW;
      default -> throw new IllegalArgumentException(CliMessages.invalidLockKind(value, where));
    };
  }

  /** The database URL, which every command but create, merge and sql needs. */
  String requireUrl() {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(CliMessages.noUrl(file));
    }
    return url;
  }

  /** The folder of migration sources, which create and merge write into. */
  Path requireMigrationsSource() {
    if (migrationsSource == null || migrationsPackage == null) {
      throw new IllegalArgumentException(CliMessages.noMigrationsSource(file));
    }
    if (!Files.isDirectory(migrationsSource)) {
      throw new IllegalArgumentException(
          CliMessages.migrationsSourceNotAFolder(migrationsSource, file));
    }
    return migrationsSource;
  }

  /**
   * A duration as people write it ({@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}) or in
   * ISO-8601 ({@code PT30S}); {@code null} when unset.
   */
  static Duration duration(String setting, String value, Path file) {
    if (value == null) {
      return null;
    }
    String text = value.strip().toLowerCase(Locale.ROOT);
    java.util.regex.Matcher plain = DURATION.matcher(text);
    Duration duration = null;
    if (plain.matches()) {
      long amount = Long.parseLong(plain.group(1));
      duration = switch (plain.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m", "min" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    } else if (text.startsWith("pt") || text.startsWith("p")) {
      try {
        duration = Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (java.time.format.DateTimeParseException notIso) {
        duration = null;
      }
    }
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(CliMessages.invalidDuration(setting, value, file));
    }
    return duration;
  }

  private static final java.util.regex.Pattern DURATION =
      java.util.regex.Pattern.compile("(\\d{1,9})\\s*(ms|s|min|m|h)");

  /**
   * The classpath entries, separated as the platform separates them ({@code :} here); an entry
   * {@code dir/*} stands for the jars in {@code dir}, as with {@code java -cp}. The file's
   * entries are relative to its folder, the environment's and the flag's to the working folder.
   */
  private static List<Path> classpath(String flag, String environment, String file,
      Path folder) {
    String value = pick(flag, environment, null);
    Path base = Path.of("").toAbsolutePath();
    if (value == null) {
      value = unsetIfEmpty(file);
      base = folder;
    }
    if (value == null) {
      return List.of();
    }
    List<Path> entries = new ArrayList<>();
    for (String entry : value.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
      if (!entry.isBlank()) {
        entries.add(base.resolve(entry.strip()).normalize());
      }
    }
    return List.copyOf(entries);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String unsetIfEmpty(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** The first that is set: an empty value is unset, as an absent one is. */
  private static String pick(String flag, String environment, String file) {
    return pick(flag, environment, file, null);
  }

  private static String pick(String flag, String environment, String file, String fallback) {
    for (String value : new String[] {flag, environment, file}) {
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return fallback;
  }

  @Override
  public String toString() {
    return "Config[url=" + PasswordMask.of(password, url).mask(url) + ", user=" + user
        + ", password=" + (password == null ? "" : "***") + ", schema=" + schema + "]";
  }
}

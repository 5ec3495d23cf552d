package dev.retort.jooq;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.SQLDialect;

/**
 * The one place that knows how H2 imitates each production dialect: the compatibility mode and
 * the name case that H2's documentation gives for it. The migrations render in H2's own dialect
 * (H2 is the database they run on); the mode makes H2 accept and store what they create as the
 * production database would, as far as H2 can.
 *
 * @param settings what follows the database name in H2's URL, each starting with {@code ;}
 */
record InMemoryDialect(SQLDialect family, String settings) {

  /** Supported families, by name, with H2's settings for each. */
  private static final Map<String, String> SETTINGS = new TreeMap<>(Map.of(
      "H2", "",
      "POSTGRES", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "YUGABYTEDB", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "MYSQL", ";MODE=MySQL;DATABASE_TO_LOWER=TRUE",
      "MARIADB", ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE",
      "HSQLDB", ";MODE=HSQLDB",
      "DERBY", ";MODE=Derby"));

  /**
   * The in-memory settings for a jOOQ dialect name, in any case ({@code postgres}, {@code
   * POSTGRES_15}): its family decides.
   *
   * @throws IllegalArgumentException if jOOQ has no such dialect, or H2 has no mode for it
   */
  static InMemoryDialect of(String dialect) {
    SQLDialect parsed;
    try {
      parsed = SQLDialect.valueOf(dialect.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(Messages.unknownDialect(dialect, supported()), unknown);
    }
    SQLDialect family = parsed.family();
    String settings = SETTINGS.get(family.name());
    if (settings == null) {
      throw new IllegalArgumentException(Messages.unsupportedDialect(dialect, supported()));
    }
    return new InMemoryDialect(family, settings);
  }

  /** A JDBC URL of a private in-memory database with these settings. */
  String url(String name) {
    return "jdbc:h2:mem:" + name + settings;
  }

  /** Whether H2 folds unquoted names to lower case, as this dialect does. */
  boolean lowerCase() {
    return settings.contains("DATABASE_TO_LOWER=TRUE");
  }

  static Set<String> supported() {
    return new TreeSet<>(SETTINGS.keySet());
  }
}

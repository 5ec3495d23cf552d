package dev.retort.review.lint;

import dev.retort.review.Dialects;
import dev.retort.review.schema.ColumnType;
import java.util.Set;

/**
 * Which column type changes rewrite the table, per database. PostgreSQL keeps a table as it is
 * when the old type is binary coercible to the new one and no value changes; MariaDB and MySQL
 * change a type in place only when a {@code varchar} grows within the same length-prefix size.
 * Everything else rewrites (or, on MariaDB, copies) the table.
 */
final class TypeChanges {

  /** PostgreSQL's text types; jOOQ models {@code text} as {@code clob}. */
  private static final Set<String> TEXT = Set.of("varchar", "clob", "longvarchar", "text");
  private static final Set<String> NUMERIC = Set.of("numeric", "decimal");
  private static final Set<String> TIMES = Set.of("timestamp", "timestamp with time zone",
      "time", "time with time zone", "interval");

  /** PostgreSQL's precision of a timestamp, time or interval declared without one. */
  private static final int DEFAULT_TIME_PRECISION = 6;

  /**
   * MariaDB and MySQL store a {@code varchar}'s length in one byte up to 255 bytes, in two above;
   * at four bytes a character ({@code utf8mb4}), 63 characters is the most one byte holds.
   */
  private static final int ONE_LENGTH_BYTE_CHARACTERS = 63;

  private TypeChanges() {}

  /** Whether changing a column from one type to the other rewrites the table. */
  static boolean rewrites(Dialects dialect, ColumnType from, ColumnType to) {
    return switch (dialect) {
      case POSTGRES -> !postgresKeepsTheTable(from, to);
      case MYSQL -> !mysqlChangesInPlace(from, to);
      case OTHER -> false;
    };
  }

  private static boolean postgresKeepsTheTable(ColumnType from, ColumnType to) {
    if (TEXT.contains(from.base()) && TEXT.contains(to.base())) {
      // varchar(n) to varchar(m >= n), to varchar, or to text; text to varchar without a limit.
      boolean unlimited = !to.base().equals("varchar") || to.length() == 0;
      return unlimited || (from.base().equals("varchar") && from.length() > 0
          && to.length() >= from.length());
    }
    if (NUMERIC.contains(from.base()) && NUMERIC.contains(to.base())) {
      // More precision at the same scale, or no limit at all.
      return to.precision() == 0
          || (from.precision() > 0 && to.precision() >= from.precision()
              && to.scale() == from.scale());
    }
    if (TIMES.contains(from.base()) && from.base().equals(to.base())) {
      return precision(to) >= precision(from);
    }
    return from.equals(to);
  }

  private static int precision(ColumnType type) {
    return type.precision() == 0 ? DEFAULT_TIME_PRECISION : type.precision();
  }

  private static boolean mysqlChangesInPlace(ColumnType from, ColumnType to) {
    if (!from.base().equals("varchar") || !to.base().equals("varchar")) {
      return from.equals(to);
    }
    return to.length() >= from.length()
        && (to.length() <= ONE_LENGTH_BYTE_CHARACTERS || from.length() > ONE_LENGTH_BYTE_CHARACTERS);
  }
}

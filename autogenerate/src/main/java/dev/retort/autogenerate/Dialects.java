package dev.retort.autogenerate;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jooq.SQLDialect;

/** Every dialect fact autogenerate relies on, in one place. */
final class Dialects {

  /** PostgreSQL reads defaults back with a cast to the column's type: {@code 'x'::character varying}. */
  private static final Pattern POSTGRES_CAST =
      Pattern.compile("^\\(?(.*?)\\)?::[a-z ]+(\\([0-9, ]+\\))?(\\[\\])?$");

  private static final Pattern STANDARD_CAST =
      Pattern.compile("^(?i:cast)\\((.*) (?i:as) [a-z ]+(\\([0-9, ]+\\))?\\)$");

  /**
   * PostgreSQL's {@code CREATE [UNIQUE] INDEX CONCURRENTLY} and {@code DROP INDEX CONCURRENTLY}:
   * the word changes how the index is built or dropped (without blocking writes), not the index,
   * and jOOQ's parser does not read it.
   */
  private static final Pattern CONCURRENTLY = Pattern.compile(
      "\\b((?:create\\s+(?:unique\\s+)?index|drop\\s+index)\\s+)concurrently\\b",
      Pattern.CASE_INSENSITIVE);

  private Dialects() {}

  /**
   * A schema file's DDL as jOOQ's parser is to read it: on PostgreSQL, without CONCURRENTLY, whose
   * index is the same. The word is blanked, not removed, so that a statement's line and column
   * stay as the file has them for the errors that name them.
   */
  static String asParsed(SQLDialect dialect, String script) {
    return switch (dialect.family()) {
      case POSTGRES, YUGABYTEDB -> CONCURRENTLY.matcher(script)
          .replaceAll(match -> match.group(1) + " ".repeat("concurrently".length()));
      default -> script;
    };
  }

  /** The name a database stores for an unquoted identifier. */
  static String foldUnquoted(SQLDialect dialect, String name) {
    return switch (dialect.family()) {
      case H2, HSQLDB, DERBY, FIREBIRD -> name.toUpperCase(Locale.ROOT);
      // MariaDB and MySQL keep names as written; lower case is the convention.
      default -> name.toLowerCase(Locale.ROOT);
    };
  }

  /**
   * A default expression as comparable text: without the casts PostgreSQL adds when it reads
   * defaults back, and without letter case outside string literals.
   */
  static String comparableDefault(String sql) {
    String text = sql.strip();
    var cast = POSTGRES_CAST.matcher(text);
    if (cast.matches()) {
      text = cast.group(1).strip();
    }
    // jOOQ reads PostgreSQL's 'x'::character varying back as cast('x' as varchar).
    var standardCast = STANDARD_CAST.matcher(text);
    if (standardCast.matches()) {
      text = standardCast.group(1).strip();
    }
    if (text.startsWith("'")) {
      return text;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    // The same default, as different databases spell it.
    return switch (lower) {
      case "current_timestamp()", "now()", "localtimestamp", "current_timestamp" ->
          "current_timestamp";
      case "current_date()", "current_date" -> "current_date";
      case "true", "1" -> lower.equals("1") ? "1" : "true";
      default -> lower;
    };
  }

  /**
   * The precision a database gives a time stamp declared without one: so {@code timestamp} and
   * {@code timestamp(6)} are the same type on PostgreSQL and H2, and {@code timestamp(0)} on
   * MariaDB.
   */
  static int defaultTimestampPrecision(SQLDialect dialect) {
    return switch (dialect.family()) {
      case MARIADB, MYSQL -> 0;
      default -> 6;
    };
  }

  /**
   * The name PostgreSQL gives a constraint the schema leaves unnamed, which autogenerate also
   * gives the constraints it adds, so that their downgrade can drop them by name everywhere.
   *
   * @param kind {@code pkey}, {@code key} (unique), {@code fkey} or {@code check}
   */
  static String defaultConstraintName(String kind, Ident table, java.util.List<Ident> columns) {
    StringBuilder name = new StringBuilder(table.name());
    if (!kind.equals("pkey")) {
      columns.forEach(column -> name.append('_').append(column.name()));
    }
    name.append('_').append(kind);
    // PostgreSQL cuts names at 63 bytes.
    return name.length() > 63 ? name.substring(0, 63) : name.toString();
  }

  /** Whether the database names unnamed constraints as {@link #defaultConstraintName} does. */
  static boolean namesConstraintsPredictably(SQLDialect dialect) {
    return dialect.family() == SQLDialect.POSTGRES;
  }

  /**
   * An expression or query as comparable text, the same however a database wrote it back: letter
   * case, quotes, qualifiers ({@code "PUBLIC"."USERS"."ID"} is {@code id}), casts, parentheses
   * and blanks are left out; string literals are kept as they are. Only for telling whether two
   * are the same, never to run.
   */
  static String comparableSql(String sql) {
    StringBuilder out = new StringBuilder();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = sql.indexOf('\'', i + 1);
        while (end >= 0 && end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
          end = sql.indexOf('\'', end + 2);
        }
        end = end < 0 ? sql.length() - 1 : end;
        out.append(sql, i, end + 1);
        i = end;
      } else if (c == '"' || c == '`' || c == '(' || c == ')' || c == ';'
          || Character.isWhitespace(c)) {
        continue;
      } else {
        out.append(Character.toLowerCase(c));
      }
    }
    // Qualifiers (schema.table.column is column) and PostgreSQL's casts.
    return out.toString().replaceAll("([a-z_][a-z0-9_$]*\\.)+(?=[a-z_*])", "")
        .replaceAll("::[a-z]+(\\[\\])?", "");
  }

  /**
   * A sequence flag as comparable: null where the value is the one the database gives a
   * sequence declared without it (H2 reads back {@code cache 32} and the type's bounds; PostgreSQL
   * {@code cache 1}, minimum 1 and the bigint maximum).
   */
  static Long sequenceFlag(String flag, Long value, Long incrementBy) {
    if (value == null) {
      return null;
    }
    boolean ascending = incrementBy == null || incrementBy > 0;
    return switch (flag) {
      case "start" -> value == 1 && ascending ? null : value;
      case "increment" -> value == 1 ? null : value;
      case "min" -> (ascending && (value == 1 || value == Long.MIN_VALUE
          || value == Integer.MIN_VALUE)) ? null : value;
      case "max" -> (ascending && (value == Long.MAX_VALUE || value == Integer.MAX_VALUE))
          ? null : value;
      case "cache" -> value == 1 || value == 32 ? null : value;
      default -> value;
    };
  }
}

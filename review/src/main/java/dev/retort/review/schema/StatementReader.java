package dev.retort.review.schema;

import dev.retort.review.schema.Statement.Form;
import dev.retort.review.schema.Statement.Kind;
import java.util.Locale;
import java.util.Set;
import org.jooq.DDLQuery;
import org.jooq.DMLQuery;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;

/**
 * Reads the statements of a revision in one dialect: a query the migration built with jOOQ's DSL
 * is taken as it is; plain SQL is parsed with jOOQ's parser, after {@link PostgresForms} took off
 * the PostgreSQL options jOOQ cannot parse.
 */
public final class StatementReader {

  private static final Set<String> DDL_VERBS =
      Set.of("create", "alter", "drop", "comment", "rename");

  private final SQLDialect dialect;
  private final DSLContext parser;

  /** A reader of statements rendered for this dialect. */
  public StatementReader(SQLDialect dialect) {
    this.dialect = dialect;
    this.parser = DSL.using(dialect, new Settings().withParseDialect(dialect));
  }

  /**
   * One statement.
   *
   * @param number its position in the revision's upgrade, from 1
   * @param sql the statement as rendered in the dialect
   * @param recorded the query the migration executed, or null when only the SQL is known; only a
   *     DDL or DML query is taken as it is, anything else (plain SQL, {@code
   *     db.execute("...")}) is read from its SQL
   */
  public Statement read(int number, String sql, Query recorded) {
    if (recorded instanceof DDLQuery || recorded instanceof DMLQuery<?>) {
      return plain(number, sql, recorded, false, false, false);
    }
    String text = withoutSemicolon(sql);
    if (dialect.family() == SQLDialect.POSTGRES) {
      Form.ValidateConstraint validate = PostgresForms.validate(text);
      if (validate != null) {
        return new Statement(number, sql, Kind.DDL, null, validate, false, false, false);
      }
      Form.ConstraintUsingIndex usingIndex = PostgresForms.usingIndex(text);
      if (usingIndex != null) {
        return new Statement(number, sql, Kind.DDL, null, usingIndex, false, false, false);
      }
      PostgresForms.Stripped stripped = PostgresForms.strip(text);
      return parsed(number, sql, stripped.sql(), stripped.concurrently(), stripped.notValid(),
          stripped.usingExpression());
    }
    return parsed(number, sql, text, false, false, false);
  }

  private Statement parsed(int number, String sql, String text, boolean concurrently,
      boolean notValid, boolean usingExpression) {
    Query query;
    try {
      query = parser.parser().parseQuery(text);
    } catch (RuntimeException unreadable) {
      Form.UnparsedIndex index = dialect.family() == SQLDialect.POSTGRES
          ? PostgresForms.indexHeader(sql) : null;
      return index != null
          ? new Statement(number, sql, Kind.DDL, null, index, concurrently, false, false)
          : new Statement(number, sql, Kind.UNREADABLE, null,
              new Form.Unreadable(firstLine(unreadable.getMessage())), false, false, false);
    }
    if (query == null) {
      return new Statement(number, sql, Kind.OTHER, null, new Form.Plain(), false, false, false);
    }
    return plain(number, sql, query, concurrently, notValid, usingExpression);
  }

  private static Statement plain(int number, String sql, Query query, boolean concurrently,
      boolean notValid, boolean usingExpression) {
    return new Statement(number, sql, kind(query, sql), query, new Form.Plain(), concurrently,
        notValid, usingExpression);
  }

  private static Kind kind(Query query, String sql) {
    if (query instanceof DMLQuery<?> || query instanceof QOM.Truncate<?>) {
      return Kind.DATA;
    }
    // The parser reads a session statement (SET lock_timeout ...) as a DDL query it ignores.
    String verb = sql.stripLeading().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    return query instanceof DDLQuery && DDL_VERBS.contains(verb) ? Kind.DDL : Kind.OTHER;
  }

  private static String withoutSemicolon(String sql) {
    String text = sql.strip();
    while (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).stripTrailing();
    }
    return text;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "jOOQ's parser cannot read it";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

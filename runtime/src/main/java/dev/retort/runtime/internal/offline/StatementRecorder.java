package dev.retort.runtime.internal.offline;

import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationStep.Direction;
import dev.retort.runtime.OfflineSchema.Origin;
import dev.retort.runtime.OfflineSchema.Statement;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.internal.database.DatabaseProfile;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Parser;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockExecuteContext;
import org.jooq.tools.jdbc.MockResult;

/**
 * Runs a migration against a connection that only listens, and records each statement it would
 * execute: as SQL with values inlined, rendered as an online run renders it, and as the jOOQ
 * {@link Query} the migration built with the DSL, captured by an {@link ExecuteListener} on the
 * recording context, or else as jOOQ's parser reads the plain SQL. A migration that reads data is
 * stopped at the read: what it writes after it depends on what it reads.
 */
public final class StatementRecorder {

  private final SQLDialect dialect;
  private final Settings settings;
  private final Parser parser;
  private final DatabaseProfile profile;

  public StatementRecorder(SQLDialect dialect, RetortSettings settings) {
    this.dialect = dialect;
    this.settings = inlined(settings);
    this.parser = DSL.using(dialect).parser();
    this.profile = DatabaseProfile.of(dialect);
  }

  /**
   * jOOQ's parse of a statement's SQL, as the schema model reads it ({@link
   * DatabaseProfile#asModelled}: PostgreSQL's CONCURRENTLY left out).
   *
   * @throws RuntimeException (jOOQ's ParserException) if the parser cannot read it
   */
  public Query parse(String sql) {
    return parser.parseQuery(profile.asModelled(sql));
  }

  /** The dialect the statements are rendered in. */
  public SQLDialect dialect() {
    return dialect;
  }

  /**
   * Settings that render SQL as a person would read it: values inlined, on one line, names as
   * the settings say (as online).
   */
  public static Settings inlined(RetortSettings settings) {
    return settings.jooqSettings().withStatementType(StatementType.STATIC_STATEMENT)
        .withRenderFormatted(false);
  }

  /** The statements a migration's upgrade or downgrade runs. */
  public Recording record(Migration migration, Direction direction) {
    Session session = new Session();
    DSLContext recording = DSL.using(new MockConnection(session::execute), dialect, settings);
    recording.configuration().set(new DefaultExecuteListenerProvider(session));
    try {
      if (direction == Direction.UP) {
        migration.upgrade(recording);
      } else {
        migration.downgrade(recording);
      }
    } catch (RuntimeException failure) {
      if (session.read == null) {
        return new Recording.Threw(session.detached(), failure);
      }
    }
    // A migration may catch the refusal of its read and go on: what it ran after is not kept.
    return session.read != null
        ? new Recording.ReadsData(session.detached(), session.read)
        : new Recording.Complete(session.detached());
  }

  /** One recording: the statements so far, and the query jOOQ is executing. */
  private final class Session implements ExecuteListener {
    private static final long serialVersionUID = 1L;

    private final transient List<Statement> statements = new ArrayList<>();
    private transient Query[] executing = new Query[0];
    private String read;

    @Override
    public void executeStart(ExecuteContext context) {
      executing = context.batchQueries().length > 0 ? context.batchQueries()
          : new Query[] {context.query()};
    }

    @Override
    public void end(ExecuteContext context) {
      executing = new Query[0];
    }

    MockResult[] execute(MockExecuteContext context) {
      String[] sql = context.batch() ? context.batchSQL() : new String[] {context.sql()};
      MockResult[] results = new MockResult[sql.length];
      for (int i = 0; i < sql.length; i++) {
        Query query = executing.length == sql.length ? executing[i] : null;
        if (read != null || readsData(query, sql[i])) {
          if (read == null) {
            read = sql[i];
          }
          throw new ReadRefused(read);
        }
        statements.add(statement(sql[i], query));
        results[i] = new MockResult(0);
      }
      return results;
    }

    /** The statements, with the migration's queries detached from the recording connection. */
    List<Statement> detached() {
      statements.forEach(statement -> statement.query()
          .filter(query -> statement.origin() == Origin.DSL).ifPresent(query -> query.attach(null)));
      return statements;
    }
  }

  private Statement statement(String sql, Query query) {
    if (query != null && builtWithTheDsl(query)) {
      return new Statement(sql, Origin.DSL, Optional.of(query));
    }
    if (!profile.asModelled(sql).equals(sql)) {
      // Words jOOQ's parser does not read (PostgreSQL's CONCURRENTLY): no query stands for the
      // statement as written, so readers that judge how it runs (review) read its SQL; the
      // schema model parses it without them.
      return new Statement(sql, Origin.UNPARSED, Optional.empty());
    }
    try {
      return new Statement(sql, Origin.PARSED, Optional.ofNullable(parser.parseQuery(sql)));
    } catch (RuntimeException unparsed) {
      return new Statement(sql, Origin.UNPARSED, Optional.empty());
    }
  }

  /**
   * Whether jOOQ built the query from its DSL rather than from a string of plain SQL. jOOQ marks
   * the queries it has no model of, plain SQL ({@code db.execute("...")}, {@code
   * DSL.query("...")}), with its package-private {@code QOM.UEmptyQuery}; every other query the
   * DSL built.
   */
  private static boolean builtWithTheDsl(Query query) {
    return PLAIN_SQL == null || !PLAIN_SQL.isInstance(query);
  }

  /** jOOQ's marker of a plain SQL query; {@code null} if a jOOQ version lacks it. */
  private static final Class<?> PLAIN_SQL = plainSqlMarker();

  private static Class<?> plainSqlMarker() {
    try {
      return Class.forName("org.jooq.impl.QOM$UEmptyQuery", false, Query.class.getClassLoader());
    } catch (ClassNotFoundException missing) {
      return null;
    }
  }

  private static boolean readsData(Query query, String sql) {
    if (query instanceof Select<?>) {
      return true;
    }
    String start = sql.stripLeading().toLowerCase(Locale.ROOT);
    return start.startsWith("select") || start.startsWith("with") || start.startsWith("values")
        || start.startsWith("show") || start.startsWith("table ");
  }

  /** Thrown into a migration at its first read, which the recording cannot answer. */
  private static final class ReadRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReadRefused(String sql) {
      super(Messages.noDataOffline(sql), null, false, false);
    }
  }
}

package dev.retort.runtime.internal;

import dev.retort.runtime.Migration;
import dev.retort.runtime.OfflineRenderingException;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockResult;

/**
 * Runs a migration against a connection that only listens, and returns the SQL it would execute,
 * with values inlined. A migration that reads data cannot be rendered that way: what it writes
 * depends on what it reads.
 */
public final class StatementRecorder {

  private StatementRecorder() {}

  /**
   * The statements of a revision's upgrade or downgrade.
   *
   * @throws OfflineRenderingException if the migration reads data
   */
  public static List<String> statements(RevisionInfo revision, Migration migration,
      boolean upgrade, SQLDialect dialect, RetortSettings settings) {
    List<String> statements = new ArrayList<>();
    DSLContext recording = DSL.using(new MockConnection(context -> {
      String sql = context.sql();
      if (readsData(sql)) {
        throw new OfflineRenderingException("Revision " + revision.id() + " ("
            + revision.className() + ") reads data (" + sql + "), so what it writes depends on"
            + " the database's contents and cannot be rendered offline. Review its code, or run"
            + " it against a copy of the database.");
      }
      statements.add(sql);
      return new MockResult[] {new MockResult(0)};
    }), dialect, inlined(settings));
    if (upgrade) {
      migration.upgrade(recording);
    } else {
      migration.downgrade(recording);
    }
    return statements;
  }

  /**
   * Settings that render SQL as a person would read it: values inlined, on one line, names as
   * the settings say (as online).
   */
  static Settings inlined(RetortSettings settings) {
    return settings.jooqSettings().withStatementType(StatementType.STATIC_STATEMENT)
        .withRenderFormatted(false);
  }

  private static boolean readsData(String sql) {
    String start = sql.stripLeading().toLowerCase(Locale.ROOT);
    return start.startsWith("select") || start.startsWith("with") || start.startsWith("values")
        || start.startsWith("show") || start.startsWith("table ");
  }
}

package dev.retort.jooq;

import dev.retort.runtime.MigrationFailedException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A private in-memory H2 database with every revision applied, up to all heads, by Retort's own
 * runtime: the schema the migrations build, with nothing of Retort's left in it unless asked.
 */
final class SchemaAtHead {

  private SchemaAtHead() {}

  /**
   * Builds the database and returns a connection to it; the database lives until that
   * connection is closed.
   *
   * @throws SQLException if H2 cannot open the database
   * @throws IllegalStateException if a migration fails (the message names it and says why)
   * @throws dev.retort.runtime.RetortException if Retort cannot apply the revisions
   */
  static Connection build(CodegenSettings settings, RevisionRegistry registry)
      throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(settings.dialect().url("retort-codegen-" + UUID.randomUUID()));
    dataSource.setUser("sa");
    dataSource.setPassword("");
    // Opened first and kept: an in-memory H2 database ends with its last connection, and Retort
    // opens and closes its own as it goes.
    Connection keeper = dataSource.getConnection();
    try {
      try {
        Retort.using(dataSource, registry).withSettings(settings.retort()).upgrade("heads");
      } catch (MigrationFailedException failed) {
        // Retort's own advice (repair, stamp) is for a database that lives on; this one is
        // thrown away, and the fix is in the migration or in the choice of generator.
        throw new IllegalStateException(Messages.migrationFailed(failed.revision().id(),
            failed.revision().className(), settings.dialect().family().name(),
            oneLine(failed.getCause() == null ? failed : failed.getCause())), failed);
      }
      if (!settings.includeStateTables()) {
        dropStateTables(DSL.using(keeper, SQLDialect.H2), settings.retort());
      }
      return keeper;
    } catch (RuntimeException e) {
      keeper.close();
      throw e;
    }
  }

  private static String oneLine(Throwable problem) {
    return String.valueOf(problem.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * Drops Retort's tables, so that the generator never sees them, nor their keys and indexes.
   * Their names are unquoted, as Retort creates them, so they fold to the same case.
   */
  private static void dropStateTables(DSLContext db, RetortSettings retort) {
    for (String table : List.of(retort.versionTable(), retort.historyTable(), retort.lockTable())) {
      db.dropTableIfExists(DSL.unquotedName(table)).execute();
    }
  }
}

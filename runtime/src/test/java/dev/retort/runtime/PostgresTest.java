package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.internal.database.ForwardingDataSource;
import dev.retort.runtime.internal.database.ObservedConnection;
import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** What only PostgreSQL can show: statements it refuses inside a transaction. */
class PostgresTest {

  @Test
  void aNonTransactionalRevision_runsOutsideATransaction() throws Exception {
    DataSource dataSource = TestDatabase.POSTGRES.create();
    Retort retort = Retort.using(dataSource, TestRegistry.builder()
        .revision("a1")
        .revision("b1", "a1").nonTransactional()
        .upgrade(db -> db.execute("create index concurrently ix_t_a1 on t_a1 (id)"))
        .downgrade(db -> db.execute("drop index concurrently ix_t_a1"))
        .build());

    assertThat(retort.upgrade()).hasSize(2);
    assertThat(DSL.using(dataSource, org.jooq.SQLDialect.POSTGRES)
        .fetchValue("select count(*) from pg_indexes where indexname = 'ix_t_a1'", Integer.class))
        .isEqualTo(1);
    assertThat(retort.downgrade("a1")).hasSize(1);
  }

  /**
   * A runner killed during a long statement would leave it running until it ends; the profile
   * has the server check the client while a statement runs, on Retort's own session only.
   */
  @Test
  void aMigrationsSession_hasTheServerWatchForADeadClient() throws Exception {
    DataSource dataSource = TestDatabase.POSTGRES.create();
    String[] during = new String[1];
    Retort retort = Retort.using(dataSource, TestRegistry.builder()
        .revision("a1").upgrade(db ->
            during[0] = String.valueOf(db.fetchValue("show client_connection_check_interval")))
        .build());

    retort.upgrade();

    assertThat(during[0]).isEqualTo("2s");
    assertThat(String.valueOf(DSL.using(dataSource, org.jooq.SQLDialect.POSTGRES)
        .fetchValue("show client_connection_check_interval"))).isEqualTo("0");
  }

  /**
   * A pool's init SQL may set the dead-client check itself; the connection goes back to the pool
   * with the pool's value, not the server's default.
   */
  @Test
  void thePoolsOwnDeadClientCheck_isWhatThePoolGetsBack() throws Exception {
    DataSource server = TestDatabase.POSTGRES.create();
    List<String> atClose = new CopyOnWriteArrayList<>();
    DataSource pool = new ForwardingDataSource(server) {
      @Override
      public Connection getConnection() throws SQLException {
        Connection physical = delegate.getConnection();
        try (Statement statement = physical.createStatement()) {
          statement.execute("set client_connection_check_interval = '7s'");
        }
        return ObservedConnection.of(physical, (method, arguments) -> {
          if (method.equals("close")) {
            atClose.add(checkInterval(physical));
          }
        });
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
      }
    };
    String[] during = new String[1];
    Retort retort = Retort.using(pool, TestRegistry.builder()
        .revision("a1").upgrade(db ->
            during[0] = String.valueOf(db.fetchValue("show client_connection_check_interval")))
        .build());

    retort.upgrade();

    assertThat(during[0]).isEqualTo("2s");
    assertThat(atClose).isNotEmpty();
    assertThat(atClose).containsNoneOf("0", "2s");
    assertThat(Set.copyOf(atClose)).containsExactly("7s");
  }

  private static String checkInterval(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("show client_connection_check_interval")) {
      row.next();
      return row.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theStateTables_canLiveInASchemaOfTheirOwn_withNamesOfTheirOwn() throws Exception {
    DataSource dataSource = TestDatabase.POSTGRES.create();
    DSL.using(dataSource, org.jooq.SQLDialect.POSTGRES).execute("create schema ops");
    Retort retort = Retort.using(dataSource, TestRegistry.builder().revision("a1").build())
        .withSettings(RetortSettings.defaults().withSchema("ops")
            .withVersionTable("schema_version").withHistoryTable("schema_history"));

    retort.upgrade();

    assertThat(DSL.using(dataSource, org.jooq.SQLDialect.POSTGRES)
        .fetchValue("select version_num from ops.schema_version", String.class)).isEqualTo("a1");
    assertThat(DSL.using(dataSource, org.jooq.SQLDialect.POSTGRES)
        .fetchValue("select count(*) from ops.schema_history", Integer.class)).isEqualTo(1);
    assertThat(TestDatabase.tables(dataSource)).doesNotContain("retort_version");
    assertThat(retort.current().get(0).id()).isEqualTo("a1");
  }

  @Test
  void aFailedNonTransactionalRevision_isNotRolledBack_andBlocksUntilRepaired() throws Exception {
    DataSource dataSource = TestDatabase.POSTGRES.create();
    Retort retort = Retort.using(dataSource, TestRegistry.builder()
        .revision("a1").nonTransactional()
        .upgrade(db -> db.execute("create index concurrently ix_missing on no_such_table (id)"))
        .build());

    MigrationFailedException failed =
        assertThrows(MigrationFailedException.class, retort::upgrade);

    assertThat(failed.rolledBack()).isFalse();
    assertThat(failed).hasMessageThat().endsWith(Messages.notRolledBack(
        Messages.outsideATransaction(), "upgrade", List.of("a1")));
    assertThrows(UnresolvedFailureException.class, retort::upgrade);
    retort.repair();
    assertThrows(MigrationFailedException.class, retort::upgrade);
  }

  /**
   * A lock connection terminated by an administrator (or a proxy) released the lock on the
   * server; Retort's release then fails, which is worth one warning line, not a stack trace.
   */
  @Test
  void aTerminatedLockConnection_isWarnedAboutInOneLine() throws Exception {
    DataSource dataSource = TestDatabase.POSTGRES.create();
    Retort retort = Retort.using(dataSource, TestRegistry.builder().revision("a1").upgrade(db ->
        db.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
            + " and database = (select oid from pg_database where datname = current_database())"
            + " and pid <> pg_backend_pid()")).build());

    String log = LoggingTest.captureStandardError(retort::upgrade);

    List<String> warnings = log.lines().filter(line -> line.contains(" WARN ")).toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("Could not release the migration lock ");
    assertThat(log).doesNotContain("\tat ");
    assertThat(retort.current().get(0).id()).isEqualTo("a1");
  }
}

package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A state table setting that names an application's table (say {@code version_table=users}) is
 * refused before Retort reads or writes anything: once, {@code stamp --purge} issued {@code
 * DELETE FROM users}, and only the failing insert after it saved the rows.
 */
class StateTableSettingsTest {

  private static final List<String> USERS = List.of("1 ada", "2 grace");
  private static final List<String> USERS_COLUMNS = List.of("id", "name");

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anApplicationTableAsTheVersionTable_isRefusedByEveryCommand_andKeepsItsRows(
      TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    createUsers(dataSource);
    TestRegistry registry = TestRegistry.chain(2).build();
    Retort retort = Retort.using(dataSource, registry)
        .withSettings(RetortSettings.defaults().withVersionTable("users"));
    String refusal = Messages.notRetortsTable("version table", "users", USERS_COLUMNS,
        List.of("version_num"));

    for (Runnable command : List.<Runnable>of(
        () -> retort.stamp(true, "r0001"),
        () -> retort.stamp("head"),
        retort::upgrade,
        () -> retort.downgrade("base"),
        retort::repair,
        retort::current,
        retort::validate)) {
      RetortException refused = assertThrows(RetortException.class, command::run);
      assertThat(refused).hasMessageThat().isEqualTo(refusal);
    }

    assertThat(users(dataSource)).isEqualTo(USERS);
    assertThat(TestDatabase.tables(dataSource)).containsNoneOf("retort_history", "retort_lock",
        "t_r0001");
  }

  /**
   * H2 answers "not found, but similar names exist" for a table named in another letter case, and
   * for the very table while another session creates it: either way it is not there yet.
   */
  @Test
  void onH2_aQuotedTableNamedInLowerCase_isAnotherTable_andRetortCreatesItsOwn()
      throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    try (Connection connection = dataSource.getConnection()) {
      DSL.using(connection).execute("create table \"retort_version\" (id int)");
    }
    Retort retort = Retort.using(dataSource, TestRegistry.chain(2).build());

    assertThat(retort.upgrade()).hasSize(2);
    assertThat(retort.current()).hasSize(1);
    try (Connection connection = dataSource.getConnection()) {
      assertThat(DSL.using(connection).fetch("select * from \"retort_version\"")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anApplicationTableAsTheHistoryTable_isRefusedBeforeAnythingRuns(TestDatabase database)
      throws Exception {
    assertRefused(database, settings -> settings.withHistoryTable("users"), "history table",
        List.of("id", "revision", "direction", "message", "checksum", "started_at",
            "finished_at", "duration_ms", "db_user", "host", "retort_version", "success",
            "rolled_back"));
  }

  /** PostgreSQL and MariaDB lock with the server's session locks and never use the table. */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2", "SQLITE"})
  void anApplicationTableAsTheLockTable_isRefusedWhereTheLockIsALeaseRow(TestDatabase database)
      throws Exception {
    assertRefused(database, settings -> settings.withLockTable("users"), "lock table",
        List.of("id", "owner", "heartbeat", "acquired_at"));
  }

  private static void assertRefused(TestDatabase database, UnaryOperator<RetortSettings> setting,
      String role, List<String> expected) throws Exception {
    DataSource dataSource = database.create();
    createUsers(dataSource);
    Retort retort = Retort.using(dataSource, TestRegistry.chain(2).build())
        .withSettings(setting.apply(RetortSettings.defaults()));

    RetortException refused = assertThrows(RetortException.class, retort::upgrade);

    assertThat(refused).hasMessageThat()
        .isEqualTo(Messages.notRetortsTable(role, "users", USERS_COLUMNS, expected));
    assertThat(users(dataSource)).isEqualTo(USERS);
    assertThat(TestDatabase.tables(dataSource)).doesNotContain("t_r0001");
  }

  private static void createUsers(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DSLContext db = DSL.using(connection, JDBCUtils.dialect(connection));
      db.execute("create table users (id integer primary key, name varchar(50))");
      db.execute("insert into users values (1, 'ada'), (2, 'grace')");
    }
  }

  private static List<String> users(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return DSL.using(connection, JDBCUtils.dialect(connection))
          .fetch("select id, name from users order by id")
          .map(row -> row.get(0, Integer.class) + " " + row.get(1, String.class));
    }
  }
}

package dev.retort.runtime.internal.database;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.runtime.UrlDataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/** Each database family's facts, in one profile, found from a connection or a dialect alike. */
class DatabaseProfileTest {

  @Test
  void aConnectionsProfile_isFoundByTheProductItsDriverReports() throws Exception {
    try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:profile");
        Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      assertThat(DatabaseProfile.of(h2)).isInstanceOf(DatabaseProfile.H2Profile.class);
      assertThat(DatabaseProfile.of(sqlite)).isInstanceOf(DatabaseProfile.SqliteProfile.class);
    }
  }

  @Test
  void whetherDdlRollsBack_isTheFamilysFact() {
    assertThat(DatabaseProfile.of(SQLDialect.POSTGRES).transactionalDdl()).isTrue();
    assertThat(DatabaseProfile.of(SQLDialect.SQLITE).transactionalDdl()).isTrue();
    assertThat(DatabaseProfile.of(SQLDialect.H2).transactionalDdl()).isFalse();
    assertThat(DatabaseProfile.of(SQLDialect.MARIADB).transactionalDdl()).isFalse();
    assertThat(DatabaseProfile.of(SQLDialect.MYSQL).transactionalDdl()).isFalse();
    assertThat(DatabaseProfile.of(SQLDialect.HSQLDB).transactionalDdl()).isFalse();
    assertThat(DatabaseProfile.of(SQLDialect.MARIADB).name()).isEqualTo("MariaDB");
  }

  @Test
  void aMissingTable_isRecognisedAsEachFamilyReportsIt() {
    SQLException postgres = new SQLException("relation does not exist", "42P01");
    SQLException mysql = new SQLException("Table doesn't exist", "42S02");
    SQLException h2EmptyDatabase = new SQLException("Table not found (this database is empty)",
        "42S04");
    SQLException h2Candidates = new SQLException(
        "Table \"RETORT_VERSION\" not found (candidates are: \"retort_version\")", "42S03");
    SQLException sqlite = new SQLException("[SQLITE_ERROR] no such table: retort_version");
    SQLException syntax = new SQLException("syntax error", "42601");

    assertThat(DatabaseProfile.of(SQLDialect.POSTGRES).isMissingTable(postgres)).isTrue();
    assertThat(DatabaseProfile.of(SQLDialect.POSTGRES).isMissingTable(syntax)).isFalse();
    assertThat(DatabaseProfile.of(SQLDialect.MARIADB).isMissingTable(mysql)).isTrue();
    assertThat(DatabaseProfile.of(SQLDialect.H2).isMissingTable(h2EmptyDatabase)).isTrue();
    assertThat(DatabaseProfile.of(SQLDialect.H2).isMissingTable(mysql)).isTrue();
    assertThat(DatabaseProfile.of(SQLDialect.H2).isMissingTable(h2Candidates)).isTrue();
    assertThat(DatabaseProfile.of(SQLDialect.MARIADB).isMissingTable(h2Candidates)).isFalse();
    assertThat(DatabaseProfile.of(SQLDialect.SQLITE).isMissingTable(sqlite)).isTrue();
    assertThat(DatabaseProfile.of(SQLDialect.SQLITE).isMissingTable(syntax)).isFalse();
    assertThat(DatabaseProfile.of(SQLDialect.DERBY).isMissingTable(postgres)).isTrue();
  }

  @Test
  void aMissingRight_isTheStandardsSqlState() {
    assertThat(DatabaseProfile.of(SQLDialect.POSTGRES).isInsufficientPrivilege("42501")).isTrue();
    assertThat(DatabaseProfile.of(SQLDialect.POSTGRES).isInsufficientPrivilege("42P01"))
        .isFalse();
  }

  @Test
  void onlyAnH2UrlWithAutoServer_handsOverBetweenProcesses() {
    assertThat(DatabaseProfile.handsOverBetweenProcesses("jdbc:h2:./shop;AUTO_SERVER=TRUE"))
        .isTrue();
    assertThat(DatabaseProfile.handsOverBetweenProcesses(
        "JDBC:H2:file:/srv/shop;db_close_delay=-1;auto_server=true;MODE=PostgreSQL")).isTrue();
    assertThat(DatabaseProfile.handsOverBetweenProcesses("jdbc:h2:tcp://127.0.0.1:1/mem:x"))
        .isFalse();
    assertThat(DatabaseProfile.handsOverBetweenProcesses("jdbc:h2:./shop;AUTO_SERVER=FALSE"))
        .isFalse();
    assertThat(DatabaseProfile.handsOverBetweenProcesses("jdbc:h2:./shop;AUTO_SERVER_PORT=9090"))
        .isFalse();
    assertThat(DatabaseProfile.handsOverBetweenProcesses(
        "jdbc:postgresql://db/shop?ApplicationName=x;AUTO_SERVER=TRUE")).isFalse();
    assertThat(DatabaseProfile.handsOverBetweenProcesses("jdbc:h2:;AUTO_SERVER=TRUE")).isTrue();
    assertThat(DatabaseProfile.handsOverBetweenProcesses("jdbc:h2:./a\nb;AUTO_SERVER=TRUE;"))
        .isTrue();
    assertThat(DatabaseProfile.handsOverBetweenProcesses("jdbc:h2:./shop;AUTO_SERVER=TRUEX"))
        .isFalse();
    assertThat(DatabaseProfile.handsOverBetweenProcesses("jdbc:h2:./shop;AUTO_SERVER=TRU"))
        .isFalse();
    assertThat(DatabaseProfile.handsOverBetweenProcesses("jdbc:h2")).isFalse();
    assertThat(DatabaseProfile.handsOverBetweenProcesses("")).isFalse();
  }

  @Test
  void h2sHandOffRefusals_areMomentary_onlyOnADataSourceWhoseUrlHasAutoServer() {
    SQLException broken = new SQLException("Connection is broken", "90067", 90067);
    SQLException wrapped = new SQLException("Cannot connect to ...", "90067", 90067);
    RuntimeException inACommand = new RuntimeException("Cannot connect", wrapped);
    SQLException wrongPassword = new SQLException("Wrong user name or password", "28000", 28000);

    Predicate<Throwable> autoServer = DatabaseProfile.momentaryFailures(
        UrlDataSource.of("jdbc:h2:./shop;AUTO_SERVER=TRUE", "sa", ""));
    JdbcDataSource h2s = new JdbcDataSource();
    h2s.setURL("jdbc:h2:./shop;AUTO_SERVER=TRUE");
    Predicate<Throwable> tcp = DatabaseProfile.momentaryFailures(
        UrlDataSource.of("jdbc:h2:tcp://127.0.0.1:1/mem:x", "sa", ""));

    assertThat(autoServer.test(broken)).isTrue();
    assertThat(autoServer.test(inACommand)).isTrue();
    assertThat(autoServer.test(wrongPassword)).isFalse();
    assertThat(DatabaseProfile.momentaryFailures(h2s).test(broken)).isTrue();
    assertThat(tcp.test(broken)).isFalse();
    assertThat(tcp.test(inACommand)).isFalse();
  }

  @Test
  void aDataSourceThatDoesNotSayItsUrl_isNotTakenToHandOver() {
    DataSource silent = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
          throw new UnsupportedOperationException(method.getName());
        });

    assertThat(DatabaseProfile.momentaryFailures(silent)
        .test(new SQLException("Connection is broken", "90067", 90067))).isFalse();
  }

  /**
   * Reading a data source's URL reflects on its class; a start-up whose connection opens at once,
   * or fails for a reason that is no hand-off, must not pay for it.
   */
  @Test
  void theDataSourcesUrl_isReadOnlyForAFailureThatLooksLikeAHandOff() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:./shop;AUTO_SERVER=TRUE");
    int[] urlReads = {0};
    DataSource h2s = new ForwardingDataSource(h2) {
      public String getUrl() {
        urlReads[0]++;
        return h2.getUrl();
      }

      @Override
      public Connection getConnection() throws SQLException {
        return delegate.getConnection();
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        return delegate.getConnection(user, password);
      }
    };

    Predicate<Throwable> momentary = DatabaseProfile.momentaryFailures(h2s);
    assertThat(momentary.test(new SQLException("Wrong user name or password", "28000", 28000)))
        .isFalse();
    assertThat(urlReads[0]).isEqualTo(0);

    assertThat(momentary.test(new SQLException("Connection is broken", "90067", 90067)))
        .isTrue();
    assertThat(urlReads[0]).isEqualTo(1);
  }

  /** Every data source's failures are looked at now, so a looping chain must end the look. */
  @Test
  void aChainOfCausesThatLoopsBackOnItself_isNoHandOff_andTheCheckEnds() {
    SQLException outer = new SQLException("Cannot connect", "08001");
    SQLException inner = new SQLException("Still cannot connect", "08001");
    outer.initCause(inner);
    inner.initCause(outer);

    assertThat(DatabaseProfile.isTransientOpenFailure(outer)).isFalse();
    assertThat(DatabaseProfile.momentaryFailures(
        UrlDataSource.of("jdbc:postgresql://127.0.0.1:1/x", null, null)).test(outer)).isFalse();
  }

  /** A name too long for MySQL's GET_LOCK is shortened to a stable hash of it. */
  @Test
  void theLockKey_fitsWhatEachLockTakes() {
    LockKey plain = new LockKey("retort_version");
    LockKey longKey = new LockKey("a_schema_with_a_long_name.a_version_table_with_a_long_name_too");

    assertThat(plain.text(64)).isEqualTo("retort:retort_version");
    assertThat(longKey.text(64)).hasLength("retort:".length()
        + Long.toHexString(longKey.number()).length());
    assertThat(longKey.text(64)).isEqualTo(new LockKey(longKey.name()).text(64));
    assertThat(plain.number()).isNotEqualTo(longKey.number());
  }
}

package dev.retort.runtime.internal.database;

import static com.google.common.truth.Truth.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
    SQLException sqlite = new SQLException("[SQLITE_ERROR] no such table: retort_version");
    SQLException syntax = new SQLException("syntax error", "42601");

    assertThat(DatabaseProfile.of(SQLDialect.POSTGRES).isMissingTable(postgres)).isTrue();
    assertThat(DatabaseProfile.of(SQLDialect.POSTGRES).isMissingTable(syntax)).isFalse();
    assertThat(DatabaseProfile.of(SQLDialect.MARIADB).isMissingTable(mysql)).isTrue();
    assertThat(DatabaseProfile.of(SQLDialect.H2).isMissingTable(h2EmptyDatabase)).isTrue();
    assertThat(DatabaseProfile.of(SQLDialect.H2).isMissingTable(mysql)).isTrue();
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

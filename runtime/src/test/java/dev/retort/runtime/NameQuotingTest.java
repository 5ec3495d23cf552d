package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.RetortSettings.NameQuoting;
import dev.retort.runtime.RevisionProofs.Outcome;
import dev.retort.runtime.RevisionProofs.Proof;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/**
 * A name a migration gives as a string is written into SQL the way a person writes it, unquoted,
 * so the database folds it by its own rules; {@link NameQuoting#QUOTED} keeps the old way. The
 * runtime, offline {@code sql()} and the proofs follow the same setting.
 */
class NameQuotingTest {

  private static final RetortSettings QUOTED =
      RetortSettings.defaults().withNameQuoting(NameQuoting.QUOTED);

  /** One revision that creates {@code t_1} the documented way: by name, through the DSL. */
  private static TestRegistry createdByName() {
    return TestRegistry.builder()
        .revision("a1")
        .upgrade(db -> db.createTable("t_1").column("id", SQLDataType.INTEGER).execute())
        .downgrade(db -> db.dropTable("t_1").execute())
        .build();
  }

  private static void query(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeQuery(sql).close();
    }
  }

  @Test
  void aTableCreatedByName_isFoundByPlainSqlOnH2() throws Exception {
    DataSource h2 = TestDatabase.H2.create();

    Retort.using(h2, createdByName()).upgrade();

    query(h2, "select id from t_1");
    query(h2, "select ID from T_1");
  }

  @Test
  void withQuotedNames_aTableKeepsTheCaseItWasWrittenIn_asBefore() throws Exception {
    DataSource h2 = TestDatabase.H2.create();

    Retort.using(h2, createdByName()).withSettings(QUOTED).upgrade();

    query(h2, "select \"id\" from \"t_1\"");
    assertThrows(SQLException.class, () -> query(h2, "select id from t_1"));
  }

  @Test
  void aNameTheMigrationQuotes_staysQuoted() throws Exception {
    DataSource h2 = TestDatabase.H2.create();
    TestRegistry registry = TestRegistry.builder()
        .revision("a1")
        .upgrade(db -> db.createTable(DSL.quotedName("MixedCase"))
            .column(DSL.quotedName("Id"), SQLDataType.INTEGER).execute())
        .downgrade(db -> db.dropTable(DSL.quotedName("MixedCase")).execute())
        .build();

    Retort.using(h2, registry).upgrade();

    query(h2, "select \"Id\" from \"MixedCase\"");
    assertThrows(SQLException.class, () -> query(h2, "select id from MixedCase"));
  }

  @Test
  void offlineSql_writesNamesAsAnOnlineRunDoes() {
    Retort retort = Retort.using(OfflineSqlTest.NO_DATABASE, createdByName());

    assertThat(retort.sql("base", "a1", SQLDialect.H2)).contains("create table t_1 (id int);");
    assertThat(retort.withSettings(QUOTED).sql("base", "a1", SQLDialect.H2))
        .contains("create table \"t_1\" (\"id\" int);");
  }

  /** Created by name, dropped in plain SQL: the same table only when the name is unquoted. */
  @Test
  void theProofs_quoteNamesAsTheSettingsSay() {
    TestRegistry registry = TestRegistry.builder()
        .revision("a1")
        .upgrade(db -> db.createTable("Users").column("id", SQLDataType.INTEGER).execute())
        .downgrade(db -> db.execute("drop table users"))
        .build();

    List<Proof> unquoted = RevisionProofs.of(registry, SQLDialect.H2).downgradeUndoesUpgrade();
    List<Proof> quoted =
        RevisionProofs.of(registry, SQLDialect.H2, QUOTED).downgradeUndoesUpgrade();

    assertThat(unquoted.get(0).outcome()).isEqualTo(Outcome.PASSED);
    assertThat(quoted.get(0).outcome()).isEqualTo(Outcome.FAILED);
  }
}

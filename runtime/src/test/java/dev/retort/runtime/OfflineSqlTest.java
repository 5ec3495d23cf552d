package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.messages.Messages;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Alembic's --sql: the script for review, rendered without a database. */
class OfflineSqlTest {

  /** A data source that must never be used: offline rendering needs no connection. */
  static final DataSource NO_DATABASE = (DataSource) java.lang.reflect.Proxy.newProxyInstance(
      DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
      (proxy, method, args) -> {
        throw new AssertionError("sql() must not use the data source, but called " + method);
      });

  @Test
  void fromBase_theScriptCreatesTheVersionTable_andRecordsEachStep() {
    Retort retort = Retort.using(NO_DATABASE, TargetsTest.shop());

    String script = retort.sql("base", "m1", SQLDialect.POSTGRES);

    assertThat(script).contains("create table if not exists retort_version");
    assertThat(script).contains("-- Running upgrade <base> -> a1, Create t_a1\nBEGIN;\n"
        + "create table t_a1 (id int);\ninsert into retort_version (version_num) values ('a1');\n"
        + "COMMIT;");
    assertThat(script).contains("update retort_version set version_num = 'b1' where"
        + " version_num = 'a1';");
    assertThat(script).contains("update retort_version set version_num = 'm1' where"
        + " version_num = 'b1';\ndelete from retort_version where version_num = 'c1';");
    assertThat(script).doesNotContain("retort_history");
    assertThat(script).contains("-- Running upgrade (b1, c1) -> m1");
    assertThat(script).doesNotContain("t_n1");
  }

  @Test
  void onADatabaseThatCommitsDdl_noStepIsWrappedInBeginCommit_andTheScriptSaysWhatHappens() {
    Retort retort = Retort.using(NO_DATABASE, TargetsTest.shop());

    for (SQLDialect dialect : List.of(SQLDialect.MARIADB, SQLDialect.MYSQL, SQLDialect.H2)) {
      String script = retort.sql("base", "m1", dialect);
      String name = dialect.family() == SQLDialect.H2 ? "H2"
          : dialect.family() == SQLDialect.MARIADB ? "MariaDB" : "MySQL";

      assertThat(script).doesNotContain("BEGIN;");
      assertThat(script).doesNotContain("COMMIT;");
      assertThat(script).contains("-- Running upgrade <base> -> a1, Create t_a1\n-- "
          + Messages.ddlCommitsOffline(name) + "\ncreate table t_a1 (id int);\n");
    }
    assertThat(retort.sql("base", "m1", SQLDialect.POSTGRES)).contains("BEGIN;");
  }

  @Test
  void aDowngradeScript_runsTheDowngradesNewestFirst() {
    Retort retort = Retort.using(NO_DATABASE, TargetsTest.shop());

    String script = retort.sql("m1", "b1", SQLDialect.H2);

    assertThat(script).doesNotContain("create table if not exists");
    assertThat(script).contains("-- Running downgrade m1 -> (b1, c1)");
    assertThat(script).contains("drop table t_m1");
    assertThat(script).contains("update retort_version set version_num = 'b1' where"
        + " version_num = 'm1';\ninsert into retort_version (version_num) values ('c1');");
    // As online: downgrading to b1 removes what is above b1, and c1 is beside it.
    assertThat(script).doesNotContain("t_c1;");
  }

  @Test
  void aDowngradeScript_takesTheTargetsAnOnlineDowngradeTakes() {
    Retort retort = Retort.using(NO_DATABASE, TargetsTest.shop());

    String relative = retort.sql("n1", "-2", SQLDialect.H2);
    String branch = retort.sql("heads", "billing@base", SQLDialect.H2);

    assertThat(relative.indexOf("drop table t_n1")).isLessThan(relative.indexOf("drop table t_m1"));
    assertThat(relative).doesNotContain("drop table t_b1");
    assertThat(branch.indexOf("drop table t_y1")).isLessThan(branch.indexOf("drop table t_x1"));
    assertThat(branch).doesNotContain("drop table t_n1");
  }

  @Test
  void aMigrationThatReadsData_cannotBeRenderedOffline() {
    Retort retort = Retort.using(NO_DATABASE, TestRegistry.builder()
        .revision("a1").upgrade(db -> db.fetch(DSL.selectOne()))
        .build());

    OfflineRenderingException refused = assertThrows(OfflineRenderingException.class,
        () -> retort.sql("base", "a1", SQLDialect.POSTGRES));

    assertThat(refused).hasMessageThat().isEqualTo(Messages.readsDataOffline(
        retort.registry().revision("a1").orElseThrow(), "select 1 as one"));
  }
}

package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.OfflineSchema.LeftOut;
import dev.retort.runtime.OfflineSchema.Origin;
import dev.retort.runtime.OfflineSchema.Schema;
import dev.retort.runtime.OfflineSchema.Statement;
import dev.retort.runtime.OfflineSchema.Statements;
import dev.retort.runtime.RetortSettings.NameQuoting;
import java.util.List;
import java.util.Locale;
import org.jooq.Meta;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** The statements each revision runs and the schema revisions build, without a database. */
class OfflineSchemaTest {

  private static List<String> tables(Meta meta) {
    return meta.getTables().stream().map(Table::getName)
        .map(name -> name.toLowerCase(Locale.ROOT)).sorted().toList();
  }

  private static List<String> sql(Statements statements) {
    return statements.statements().stream().map(Statement::sql).toList();
  }

  private static RevisionInfo revision(RevisionRegistry registry, String id) {
    return registry.revision(id).orElseThrow();
  }

  @Test
  void aStatementBuiltWithTheDsl_isReportedAsTheQueryTheMigrationBuilt() {
    TestRegistry registry = TestRegistry.builder().revision("a1").build();

    Statements upgrade = OfflineSchema.of(registry, SQLDialect.POSTGRES)
        .upgrade(revision(registry, "a1"));

    Statement create = upgrade.statements().get(0);
    assertThat(create.sql()).isEqualTo("create table t_a1 (id int)");
    assertThat(create.origin()).isEqualTo(Origin.DSL);
    assertThat(create.query().orElseThrow()).isInstanceOf(QOM.CreateTable.class);
    assertThat(((QOM.CreateTable) create.query().get()).$table().getName()).isEqualTo("t_a1");
    // Detached from the listening connection: rendering it needs a context of one's own.
    assertThat(create.query().get().configuration()).isNull();
    assertThat(upgrade.complete()).isTrue();
    assertThat(upgrade.direction()).isEqualTo(MigrationStep.Direction.UP);
  }

  @Test
  void plainSql_isParsedWhereJooqCanReadIt_andKeptAsTextWhereItCannot() {
    TestRegistry registry = TestRegistry.builder().revision("a1").upgrade(db -> {
      db.execute("alter table users add phone varchar(30)");
      db.execute("create table events (id int) partition by range (id)");
    }).build();

    List<Statement> statements = OfflineSchema.of(registry, SQLDialect.POSTGRES)
        .upgrade(revision(registry, "a1")).statements();

    assertThat(statements.get(0).origin()).isEqualTo(Origin.PARSED);
    assertThat(DSL.using(SQLDialect.POSTGRES).render(statements.get(0).query().orElseThrow()))
        .isEqualTo("alter table users add phone varchar(30)");
    assertThat(statements.get(1).origin()).isEqualTo(Origin.UNPARSED);
    assertThat(statements.get(1).query()).isEmpty();
    assertThat(statements.get(1).sql())
        .isEqualTo("create table events (id int) partition by range (id)");
  }

  @Test
  void aMigrationThatReadsData_isReportedAsSuch_withWhatItRunsBeforeTheRead() {
    TestRegistry registry = TestRegistry.builder().revision("a1").upgrade(db -> {
      db.execute("create table stats (n int)");
      if (db.fetchCount(DSL.table("stats")) == 0) {
        db.execute("insert into stats values (0)");
      }
    }).build();

    Statements upgrade = OfflineSchema.of(registry, SQLDialect.H2)
        .upgrade(revision(registry, "a1"));

    assertThat(upgrade.complete()).isFalse();
    assertThat(upgrade.dataRead().orElseThrow()).contains("select count(*) from stats");
    assertThat(sql(upgrade)).containsExactly("create table stats (n int)");
  }

  @Test
  void aMigrationThatCatchesTheRefusalOfItsRead_isStillReportedAsReading() {
    TestRegistry registry = TestRegistry.builder().revision("a1").upgrade(db -> {
      try {
        db.fetch("select 1");
      } catch (RuntimeException ignored) {
        // as a careless migration might
      }
      db.execute("create table after_the_read (id int)");
    }).build();

    Statements upgrade = OfflineSchema.of(registry, SQLDialect.H2)
        .upgrade(revision(registry, "a1"));

    assertThat(upgrade.dataRead()).hasValue("select 1");
    assertThat(upgrade.statements()).isEmpty();
  }

  @Test
  void aBatch_isRecordedStatementByStatement() {
    TestRegistry registry = TestRegistry.builder().revision("a1").upgrade(db -> db.batch(
        db.createTable("a").column("id", SQLDataType.INTEGER),
        db.createTable("b").column("id", SQLDataType.INTEGER)).execute()).build();

    Statements upgrade = OfflineSchema.of(registry, SQLDialect.H2)
        .upgrade(revision(registry, "a1"));

    assertThat(sql(upgrade)).containsExactly("create table a (id int)", "create table b (id int)")
        .inOrder();
  }

  @Test
  void theDowngrade_isRecordedToo_andAnIrreversibleRevisionHasNone() {
    TestRegistry registry = TestRegistry.builder()
        .revision("a1").revision("b1", "a1").irreversible("drops data").build();
    OfflineSchema offline = OfflineSchema.of(registry, SQLDialect.H2);

    assertThat(sql(offline.downgrade(revision(registry, "a1"))))
        .containsExactly("drop table t_a1");
    assertThrows(IrreversibleMigrationException.class,
        () -> offline.downgrade(revision(registry, "b1")));
  }

  @Test
  void aMigrationThatThrows_isAnOfflineRenderingFailure_namingTheRevision() {
    TestRegistry registry = TestRegistry.builder().revision("a1").upgrade(db -> {
      throw new NullPointerException("no connection pool");
    }).build();

    OfflineRenderingException failed = assertThrows(OfflineRenderingException.class,
        () -> OfflineSchema.of(registry, SQLDialect.H2).upgrade(revision(registry, "a1")));

    assertThat(failed).hasMessageThat().contains("Revision a1's upgrade threw");
    assertThat(failed).hasCauseThat().isInstanceOf(NullPointerException.class);
  }

  @Test
  void namesAreRenderedAsTheSettingsSay() {
    TestRegistry registry = TestRegistry.builder().revision("a1").upgrade(db ->
        db.createTable("t_1").column("id", SQLDataType.INTEGER).execute()).build();
    RetortSettings quoted = RetortSettings.defaults().withNameQuoting(NameQuoting.QUOTED);

    assertThat(sql(OfflineSchema.of(registry, SQLDialect.H2).upgrade(revision(registry, "a1"))))
        .containsExactly("create table t_1 (id int)");
    assertThat(sql(OfflineSchema.of(registry, SQLDialect.H2, quoted)
        .upgrade(revision(registry, "a1")))).containsExactly("create table \"t_1\" (\"id\" int)");
  }

  @Test
  void theSchemaAtTargets_isWhatTheirRevisionsAndTheirAncestorsBuild() {
    TestRegistry shop = TargetsTest.shop();
    OfflineSchema offline = OfflineSchema.of(shop, SQLDialect.POSTGRES);

    assertThat(tables(offline.schemaAt("heads").meta())).containsExactly("t_a1", "t_b1", "t_c1",
        "t_m1", "t_n1", "t_x1", "t_y1");
    assertThat(tables(offline.schemaAt("b1").meta())).containsExactly("t_a1", "t_b1");
    // y1 depends on b1: the schema it starts from has b1's table too.
    assertThat(tables(offline.schemaAt("billing@head").meta()))
        .containsExactly("t_a1", "t_b1", "t_x1", "t_y1");
    assertThat(tables(offline.schemaAt("b1", "c1").meta()))
        .containsExactly("t_a1", "t_b1", "t_c1");
    assertThat(offline.schemaAt("base").meta().getTables()).isEmpty();
    assertThat(offline.schemaAt("heads").complete()).isTrue();
  }

  @Test
  void theSchemaBeforeARevision_isWhatItsParentsAndDependenciesBuild() {
    TestRegistry shop = TargetsTest.shop();
    OfflineSchema offline = OfflineSchema.of(shop, SQLDialect.POSTGRES);

    assertThat(tables(offline.schemaBefore(revision(shop, "m1")).meta()))
        .containsExactly("t_a1", "t_b1", "t_c1");
    assertThat(tables(offline.schemaBefore(revision(shop, "y1")).meta()))
        .containsExactly("t_a1", "t_b1", "t_x1");
    assertThat(offline.schemaBefore(revision(shop, "a1")).meta().getTables()).isEmpty();
  }

  @Test
  void whatTheInterpreterCannotModel_isLeftOutNamingTheStatementAndWhy_andTheRestIsApplied() {
    TestRegistry registry = TestRegistry.builder()
        .revision("a1").upgrade(db -> {
          db.execute("create type mood as enum ('ok')");
          db.execute("create table person (id int, current_mood mood)");
          db.execute("call refresh_totals()");
          db.execute("create table events (id int) partition by range (id)");
          db.execute("drop table no_such_table");
          db.execute("create table after_them (id int)");
        })
        .revision("b1", "a1").upgrade(db -> {
          db.execute("create table before_the_read (id int)");
          db.fetch("select id from person");
          db.execute("create table after_the_read (id int)");
        })
        .revision("c1", "b1").upgrade(db -> {
          throw new IllegalStateException("broken");
        })
        .build();

    Schema schema = OfflineSchema.of(registry, SQLDialect.POSTGRES).schemaAt("heads");

    assertThat(tables(schema.meta())).containsExactly("after_them", "before_the_read", "person");
    assertThat(schema.complete()).isFalse();
    List<LeftOut> leftOut = schema.leftOut();
    assertThat(leftOut.stream().map(l -> l.revision().id() + ": " + l.statement().orElse(""))
        .toList()).containsExactly(
            "a1: create type mood as enum ('ok')",
            "a1: call refresh_totals()",
            "a1: create table events (id int) partition by range (id)",
            "a1: drop table no_such_table",
            "b1: select id from person",
            "c1: ").inOrder();
    assertThat(leftOut.get(0).reason()).contains("no place in the schema model");
    assertThat(leftOut.get(1).reason()).contains("not DDL (CALL)");
    assertThat(leftOut.get(2).reason()).contains("parser cannot read it");
    assertThat(leftOut.get(3).reason()).contains("fails on the schema");
    assertThat(leftOut.get(4).reason()).contains("it reads data");
    assertThat(leftOut.get(5).reason()).contains("threw");
    assertThat(leftOut.get(5).reason()).contains("broken");
  }

  @Test
  void aRevisionOfAnotherRegistry_isRefused() {
    OfflineSchema offline = OfflineSchema.of(TargetsTest.shop(), SQLDialect.H2);

    assertThrows(IllegalArgumentException.class,
        () -> offline.upgrade(revision(TargetsTest.shop(), "a1")));
  }

  @Test
  void anUnknownTarget_isAnInvalidTarget() {
    OfflineSchema offline = OfflineSchema.of(TargetsTest.shop(), SQLDialect.H2);

    assertThrows(InvalidTargetException.class, () -> offline.schemaAt("zz9"));
  }
}

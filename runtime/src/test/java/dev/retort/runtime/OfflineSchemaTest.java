package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.OfflineSchema.LeftOut;
import dev.retort.runtime.OfflineSchema.Origin;
import dev.retort.runtime.OfflineSchema.Schema;
import dev.retort.runtime.OfflineSchema.Statement;
import dev.retort.runtime.OfflineSchema.Statements;
import dev.retort.runtime.RetortSettings.NameQuoting;
import dev.retort.runtime.messages.Messages;
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

    assertThat(failed).hasMessageThat().isEqualTo(Messages.threwWhileRecorded(
        revision(registry, "a1"), "upgrade", failed.getCause()));
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
    assertThat(leftOut.get(0).reason()).isEqualTo(Messages.outsideTheModel());
    assertThat(leftOut.get(1).reason()).isEqualTo(Messages.notDdl("CALL"));
    assertThat(leftOut.get(2).reason()).startsWith(Messages.unreadable(""));
    assertThat(leftOut.get(3).reason()).startsWith(Messages.failsOnTheModel(""));
    assertThat(leftOut.get(4).reason()).isEqualTo(Messages.readsDataAfterwards());
    assertThat(leftOut.get(5).reason())
        .isEqualTo(Messages.threwAfterwards(new IllegalStateException("broken")));
  }

  /**
   * The history is given to the interpreter in one call, and split only to find what fails: each
   * failing statement is still found, named with its revision and the interpreter's reason on the
   * schema the statements before it leave, and every statement after it is still applied.
   */
  @Test
  void failingStatementsAmongMany_areEachFound_withTheReasonOneByOneGives() {
    TestRegistry.Builder history = TestRegistry.builder();
    for (int i = 1; i <= 40; i++) {
      int n = i;
      history.revision("r" + n, n == 1 ? new String[0] : new String[] {"r" + (n - 1)})
          .upgrade(db -> {
            db.execute("create table t" + n + " (id int)");
            if (n % 13 == 0) {
              db.execute("create table t" + (n - 1) + " (id int)");
              db.execute("alter table no_such_table add c int");
            }
            db.execute("alter table t" + n + " add c" + n + " int");
          });
    }
    TestRegistry registry = history.build();
    String exists;
    String missing;
    try {
      DSL.using(SQLDialect.POSTGRES).meta(new org.jooq.Query[0])
          .apply("create table t12 (id int)").apply("create table t12 (id int)");
      throw new AssertionError("creating a table twice must fail");
    } catch (org.jooq.exception.DataDefinitionException e) {
      exists = e.getMessage();
    }
    try {
      DSL.using(SQLDialect.POSTGRES).meta(new org.jooq.Query[0])
          .apply("alter table no_such_table add c int");
      throw new AssertionError("altering a missing table must fail");
    } catch (org.jooq.exception.DataDefinitionException e) {
      missing = e.getMessage();
    }

    Schema schema = OfflineSchema.of(registry, SQLDialect.POSTGRES).schemaAt("heads");

    assertThat(schema.meta().getTables()).hasSize(40);
    assertThat(schema.meta().getTables().stream().mapToInt(table -> table.fields().length).sum())
        .isEqualTo(80);
    assertThat(schema.leftOut().stream().map(l -> l.revision().id() + ": "
        + l.statement().orElseThrow() + " (" + l.reason() + ")").toList()).containsExactly(
            "r13: create table t12 (id int) (" + Messages.failsOnTheModel(exists)
                + ")",
            "r13: alter table no_such_table add c int (" + Messages.failsOnTheModel(missing) + ")",
            "r26: create table t25 (id int) (" + Messages.failsOnTheModel(
                exists.replace("t12", "t25")) + ")",
            "r26: alter table no_such_table add c int (" + Messages.failsOnTheModel(missing) + ")",
            "r39: create table t38 (id int) (" + Messages.failsOnTheModel(
                exists.replace("t12", "t38")) + ")",
            "r39: alter table no_such_table add c int (" + Messages.failsOnTheModel(missing) + ")")
        .inOrder();
  }

  @Test
  void postgresqlsConcurrently_isModelledAsTheIndexItLeaves() {
    TestRegistry registry = TestRegistry.builder()
        .revision("a1").upgrade(db -> {
          db.execute("create table orders (id int, user_id int, code int)");
          db.execute("create index concurrently ix_orders_user_id on orders (user_id)");
          db.execute("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_orders_code"
              + " ON orders (code)");
        })
        .revision("b1", "a1").upgrade(db ->
            db.execute("drop index concurrently if exists ix_orders_user_id"))
        .build();
    OfflineSchema offline = OfflineSchema.of(registry, SQLDialect.POSTGRES);

    Schema atA1 = offline.schemaAt("a1");
    Schema atB1 = offline.schemaAt("b1");
    Statement create = offline.upgrade(revision(registry, "a1")).statements().get(1);

    assertThat(atA1.complete()).isTrue();
    assertThat(atA1.meta().getTables().get(0).getIndexes().stream().map(i -> i.getName())
        .toList()).containsExactly("ix_orders_user_id", "ux_orders_code");
    assertThat(atB1.complete()).isTrue();
    assertThat(atB1.meta().getTables().get(0).getIndexes().stream().map(i -> i.getName())
        .toList()).containsExactly("ux_orders_code");
    // The statement is reported as the migration runs it, with no query that would drop the
    // word: a reader judging how it runs (review's lint) reads its SQL.
    assertThat(create.sql()).contains("concurrently");
    assertThat(create.origin()).isEqualTo(Origin.UNPARSED);
    assertThat(create.query()).isEmpty();
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

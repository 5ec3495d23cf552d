package dev.retort.testing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.retort.annotations.LintRule;
import dev.retort.review.Dialects;
import dev.retort.runtime.Migration;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Test classes written as a user would, run through JUnit's own engine: a good history passes
 * with a test per revision, a broken downgrade and a conflicting merge fail on their revision,
 * with the schema difference.
 */
class MigrationTestsTest {

  /** users, then two branches adding a table each, merged; every downgrade correct. */
  static final RevisionRegistry GOOD = FixtureRegistry.builder()
      .revision("a1", "", "create table users (id int primary key, name varchar(50))",
          "drop table users")
      .revision("b1", "a1", "create table orders (id int primary key, user_id int)",
          "drop table orders")
      .revision("c1", "a1", "create table invoices (id int primary key)", "drop table invoices")
      .revision("m1", "b1 c1", "alter table users add email varchar(100)",
          "alter table users drop column email")
      .build();

  static final RevisionRegistry BROKEN_DOWNGRADE = FixtureRegistry.builder()
      .revision("a1", "", "create table users (id int primary key)", "drop table users")
      .revision("b1", "a1", "create table orders (id int primary key);"
          + " create index orders_id on orders (id)", "drop index orders_id")
      .build();

  /** Two branches give users.name different lengths: the merged schema depends on the order. */
  static final RevisionRegistry CONFLICTING_MERGE = FixtureRegistry.builder()
      .revision("a1", "", "create table users (id int primary key, name varchar(10))",
          "drop table users")
      .revision("b1", "a1", "alter table users alter column name set data type varchar(50)",
          "alter table users alter column name set data type varchar(10)")
      .revision("c1", "a1", "alter table users alter column name set data type varchar(100)",
          "alter table users alter column name set data type varchar(10)")
      .revision("m1", "b1 c1", "", "")
      .build();

  /**
   * What the DDL interpreter does not model, on a line: data (b1), an enum type (c1), an
   * irreversible step (d1), and a revision after them all, which is still proven (e1).
   */
  static final RevisionRegistry PARTLY_MODELLED = FixtureRegistry.builder()
      .revision("a1", "", "create table users (id int primary key, name varchar(50))",
          "drop table users")
      .revision("b1", "a1", "insert into users values (1, 'root')",
          "delete from users where id = 1")
      .revision("c1", "b1", "create type mood as enum ('sad', 'ok');"
          + " create table moods (user_id int, mood mood)", "drop table moods; drop type mood")
      .revision("d1", "c1", "alter table users drop column name", "")
      .irreversible("the names are gone")
      .revision("e1", "d1", "create table audit (id int)", "drop table audit")
      .build();

  /**
   * Three branches from a1, each with something that leaves its schema unknown to the
   * interpreter: a read (r1), a statement its parser cannot read (p1), a statement that is not
   * DDL (n1, and n2 after it). All of them run on H2.
   */
  static final RevisionRegistry UNMODELLED = FixtureRegistry.builder()
      .revision("a1", "", "create table users (id int primary key)", "drop table users")
      .revision("r1", "a1", new Migration() {
        @Override
        public void upgrade(DSLContext db) {
          if (db.fetchCount(db.selectFrom("users")) == 0) {
            db.execute("create table stats (n int)");
          }
        }

        @Override
        public void downgrade(DSLContext db) {
          db.execute("drop table if exists stats");
        }
      })
      .revision("p1", "a1", "create table totals (id int, doubled int generated always as"
          + " (id * 2))", "drop table totals")
      .revision("n1", "a1", "analyze", "")
      .revision("n2", "n1", "create table after_analyze (id int)", "drop table after_analyze")
      .build();

  /** users created the documented way, by name through the DSL, as the sample's migrations do. */
  static final RevisionRegistry CREATED_BY_NAME = FixtureRegistry.builder()
      .revision("a1", "", new Migration() {
        @Override
        public void upgrade(DSLContext db) {
          db.createTable("users")
              .column("id", SQLDataType.INTEGER.nullable(false))
              .column("name", SQLDataType.VARCHAR(50))
              .constraints(DSL.constraint("pk_users").primaryKey("id"))
              .execute();
        }

        @Override
        public void downgrade(DSLContext db) {
          db.dropTable("users").execute();
        }
      })
      .build();

  /** An index built on an existing table, which blocks writes to it on PostgreSQL. */
  static final RevisionRegistry RISKY = FixtureRegistry.builder()
      .revision("a1", "", "create table users (id int primary key, name varchar(50))",
          "drop table users")
      .revision("b1", "a1", "create index ix_users_name on users (name)",
          "drop index ix_users_name")
      .revision("c1", "b1", "alter table users add email varchar(100)",
          "alter table users drop column email")
      .build();

  static class RiskyOnPostgres implements MigrationTests {
    @Override
    public RevisionRegistry registry() {
      return RISKY;
    }

    @Override
    public SQLDialect lintDialect() {
      return SQLDialect.POSTGRES;
    }
  }

  static class RiskyOnPostgresSinceB1 extends RiskyOnPostgres {
    @Override
    public Optional<String> lintSince() {
      return Optional.of("b1");
    }
  }

  /**
   * What the sample's M0006 did on H2: an index on the column of a foreign key whose table was
   * altered since it was created, then a change to the referenced table. On a file database H2
   * lets the foreign key take the index over when it rebuilds the referenced table, and the
   * index's downgrade then fails ("belongs to constraint"); on an in-memory database nothing
   * shows.
   */
  static final RevisionRegistry INDEX_TAKEN_BY_A_FOREIGN_KEY = FixtureRegistry.builder()
      .revision("a1", "", "create table users (id int primary key)", "drop table users")
      .revision("b1", "a1", "create table orders (id int primary key, user_id int not null,"
          + " constraint fk_orders_user foreign key (user_id) references users (id))",
          "drop table orders")
      .revision("b2", "b1", "alter table orders add status varchar(20) default 'PLACED'"
          + " not null", "alter table orders drop column status")
      .revision("c1", "b2", "create index ix_orders_user_id on orders (user_id)",
          "drop index ix_orders_user_id")
      .revision("d1", "c1", "alter table users add phone varchar(30)",
          "alter table users drop column phone")
      .build();

  @org.junit.jupiter.api.io.TempDir static java.nio.file.Path databases;

  static class IndexTakenByAForeignKey_onAFileDatabase implements MigrationTests {
    @Override
    public RevisionRegistry registry() {
      return INDEX_TAKEN_BY_A_FOREIGN_KEY;
    }

    @Override
    public javax.sql.DataSource database() {
      return TestDatabases.h2FileLike("jdbc:h2:file:./data/shop;AUTO_SERVER=TRUE", databases);
    }
  }

  static class IndexTakenByAForeignKey_inMemory implements MigrationTests {
    @Override
    public RevisionRegistry registry() {
      return INDEX_TAKEN_BY_A_FOREIGN_KEY;
    }
  }

  static class GoodMigrations implements MigrationTests {
    @Override
    public RevisionRegistry registry() {
      return GOOD;
    }

    @Override
    public Optional<ExpectedSchema> expectedSchema() {
      return Optional.of(ExpectedSchema.ddl("create table users (id int primary key,"
          + " name varchar(50), email varchar(100)); create table orders (id int primary key,"
          + " user_id int); create table invoices (id int primary key)"));
    }
  }

  static class BrokenDowngradeMigrations implements MigrationTests {
    @Override
    public RevisionRegistry registry() {
      return BROKEN_DOWNGRADE;
    }
  }

  static class ConflictingMergeMigrations implements MigrationTests {
    @Override
    public RevisionRegistry registry() {
      return CONFLICTING_MERGE;
    }
  }

  static class PartlyModelledMigrations implements MigrationTests {
    @Override
    public RevisionRegistry registry() {
      return PARTLY_MODELLED;
    }
  }

  static class UnmodelledMigrations implements MigrationTests {
    @Override
    public RevisionRegistry registry() {
      return UNMODELLED;
    }
  }

  /** State tables named as a project might name them: not part of the schema compared. */
  static class CustomStateTables extends GoodMigrations {
    @Override
    public RetortSettings settings() {
      return RetortSettings.defaults().withVersionTable("shop_schema_version")
          .withHistoryTable("shop_schema_history").withLockTable("shop_schema_lock");
    }
  }

  static class DriftedModel extends GoodMigrations {
    @Override
    public Optional<ExpectedSchema> expectedSchema() {
      return Optional.of(ExpectedSchema.ddl("create table users (id int primary key,"
          + " name varchar(50), email varchar(100), phone varchar(30));"
          + " create table orders (id int primary key, user_id int);"
          + " create table invoices (id int primary key)"));
    }
  }

  /** The model of {@link #CREATED_BY_NAME}, plus a column the migrations lack. */
  static class CreatedByNameDriftedModel implements MigrationTests {
    @Override
    public RevisionRegistry registry() {
      return CREATED_BY_NAME;
    }

    @Override
    public Optional<ExpectedSchema> expectedSchema() {
      return Optional.of(ExpectedSchema.ddl("create table users (id int not null,"
          + " name varchar(50), phone varchar(30), constraint pk_users primary key (id))"));
    }
  }

  /** The model as jOOQ classes: here read from a database built from the same DDL. */
  static class ModelAsJooqSchema extends GoodMigrations {
    @Override
    public Optional<ExpectedSchema> expectedSchema() {
      javax.sql.DataSource model = TestDatabases.h2InMemory();
      org.jooq.DSLContext db = org.jooq.impl.DSL.using(model, org.jooq.SQLDialect.H2);
      db.execute("create table users (id int primary key, name varchar(50),"
          + " email varchar(100))");
      db.execute("create table orders (id int primary key, user_id int)");
      db.execute("create table invoices (id int primary key)");
      return Optional.of(ExpectedSchema.of(db.meta().getSchemas("PUBLIC").get(0)));
    }
  }

  private static EngineExecutionResults run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
  }

  private static List<String> names(List<Event> events) {
    return events.stream().map(event -> event.getTestDescriptor().getDisplayName()).toList();
  }

  private static final String STAIRWAY = "stairway: upgrade, downgrade, upgrade";
  private static final String DOWNGRADE_PROOF = "without a database: downgrade undoes upgrade";
  private static final String MERGE_PROOF = "without a database: branches merge in either order";
  private static final String LINT = "lint: no rule broken without an excuse";

  /** How the test named {@code test} inside the check named {@code check} ended. */
  private static TestExecutionResult resultOf(EngineExecutionResults results, String check,
      String test) {
    return results.testEvents().finished().stream()
        .filter(event -> event.getTestDescriptor().getDisplayName().equals(test))
        .filter(event -> event.getTestDescriptor().getParent()
            .map(TestDescriptor::getDisplayName).filter(check::equals).isPresent())
        .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow())
        .findFirst().orElseThrow(() -> new AssertionError("no test " + test + " in " + check));
  }

  /** The reason of a test that was skipped (aborted), failing if it ended any other way. */
  private static String abortedBecause(TestExecutionResult result) {
    assertThat(result.getStatus()).isEqualTo(Status.ABORTED);
    return result.getThrowable().orElseThrow().getMessage();
  }

  private static String failedBecause(TestExecutionResult result) {
    assertThat(result.getStatus()).isEqualTo(Status.FAILED);
    return result.getThrowable().orElseThrow().getMessage();
  }

  private static String failureOf(EngineExecutionResults results, String displayName) {
    return results.testEvents().failed().stream()
        .filter(event -> event.getTestDescriptor().getDisplayName().equals(displayName))
        .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable()
            .orElseThrow().getMessage())
        .findFirst().orElseThrow(() -> new AssertionError("no failed test " + displayName
            + " in " + names(results.testEvents().failed().list())));
  }

  @Test
  void aGoodHistory_passesWithANamedTestPerRevision() {
    EngineExecutionResults results = run(GoodMigrations.class);

    assertThat(names(results.testEvents().failed().list())).isEmpty();
    assertThat(names(results.testEvents().succeeded().list())).containsAtLeast(
        "a1 (Rev_a1) Fixture a1", "b1 (Rev_b1) Fixture b1", "c1 (Rev_c1) Fixture c1",
        "m1 (Rev_m1) Fixture m1", "base to heads and back to base",
        "the schema at head matches the model");
    // stairway 4 + walk up 4 and down 4 + base-and-back + model + database-free downgrade 4
    // + merge 1 + lint 4
    assertThat(results.testEvents().succeeded().count()).isEqualTo(23);
  }

  @Test
  void lint_failsTheRevisionThatBreaksARule_withTheStatementWhyAndTheFix() {
    EngineExecutionResults results = run(RiskyOnPostgres.class);

    String finding = failedBecause(resultOf(results, LINT, "b1 (Rev_b1) Fixture b1 on POSTGRES"));
    assertThat(finding).contains("create-index-blocking: b1 (Rev_b1), statement 1");
    assertThat(finding).contains("create index ix_users_name on users (name)");
    assertThat(finding).contains(dev.retort.review.messages.Messages
        .fix(LintRule.CREATE_INDEX_BLOCKING, Dialects.POSTGRES).substring(0, 40));
    assertThat(resultOf(results, LINT, "a1 (Rev_a1) Fixture a1 on POSTGRES").getStatus())
        .isEqualTo(Status.SUCCESSFUL);
    assertThat(resultOf(results, LINT, "c1 (Rev_c1) Fixture c1 on POSTGRES").getStatus())
        .isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void lintSince_leavesThatRevisionAndItsAncestorsAlone() {
    EngineExecutionResults results = run(RiskyOnPostgresSinceB1.class);

    List<String> linted = results.testEvents().finished().stream()
        .filter(event -> event.getTestDescriptor().getParent()
            .map(TestDescriptor::getDisplayName).filter(LINT::equals).isPresent())
        .map(event -> event.getTestDescriptor().getDisplayName()).toList();
    assertThat(linted).containsExactly("c1 (Rev_c1) Fixture c1 on POSTGRES");
    assertThat(names(results.testEvents().failed().list())).isEmpty();
  }

  @Test
  void lintSince_isReadFromTheCommandLinesConfigurationFile(@TempDir Path folder)
      throws Exception {
    Path configuration = folder.resolve("retort.properties");
    assertThat(LintChecks.lintSinceIn(configuration)).isEmpty();
    Files.writeString(configuration, "url=jdbc:h2:mem:x\nlint_since = 27c6a30d7c24 \n");
    assertThat(LintChecks.lintSinceIn(configuration)).hasValue("27c6a30d7c24");
    Files.writeString(configuration, "lint_since=\n");
    assertThat(LintChecks.lintSinceIn(configuration)).isEmpty();
  }

  @Test
  void aBrokenDowngrade_failsTheStairwayAndTheProof_atItsRevision_showingTheDifference() {
    EngineExecutionResults results = run(BrokenDowngradeMigrations.class);

    List<Event> failed = results.testEvents().failed().list();
    assertThat(names(failed)).containsExactly("b1 (Rev_b1) Fixture b1", "b1 (Rev_b1) Fixture b1",
        "down b1 (Rev_b1) Fixture b1", "base to heads and back to base");
    assertThat(failedBecause(resultOf(results, WALK, "down b1 (Rev_b1) Fixture b1")))
        .contains("+ table orders");
    String stairway = failedBecause(resultOf(results, STAIRWAY, "b1 (Rev_b1) Fixture b1"));
    assertThat(stairway).contains("leaves behind (+)");
    assertThat(stairway).contains("+ table orders");
    String proof = failedBecause(resultOf(results, DOWNGRADE_PROOF, "b1 (Rev_b1) Fixture b1"));
    assertThat(proof).contains("+ table orders");
    assertThat(failureOf(results, "base to heads and back to base")).contains("table orders");
  }

  @Test
  void aConflictingMerge_failsTheDatabaseFreeMergeCheck_withBothSchemas() {
    EngineExecutionResults results = run(ConflictingMergeMigrations.class);

    String merge = failureOf(results, "m1 (Rev_m1) Fixture m1");
    assertThat(merge).contains("give different schemas");
    assertThat(merge).contains("varchar(50)");
    assertThat(merge).contains("varchar(100)");
  }

  @Test
  void aModelThatDriftedFromTheMigrations_failsWithTheDifferenceAsDdl() {
    EngineExecutionResults results = run(DriftedModel.class);

    String drift = failureOf(results, "the schema at head matches the model");
    assertThat(drift).contains("+ column users.phone");
    assertThat(drift).contains("As DDL, from head to the model:");
    assertThat(drift.toLowerCase(java.util.Locale.ROOT)).contains("phone");
  }

  /**
   * A table a migration created by name is the model's table of that name: the DDL from head to
   * the model adds the missing column, and neither drops nor re-creates the table (which would
   * lose its data).
   */
  @Test
  void aTableCreatedByName_isTheModelsTable_soTheDdlChangesOnlyWhatDiffers() {
    EngineExecutionResults results = run(CreatedByNameDriftedModel.class);

    String drift = failureOf(results, "the schema at head matches the model");
    assertThat(drift).contains("+ column users.phone varchar(30)");
    String ddl = drift.substring(drift.indexOf("As DDL, from head to the model:"))
        .toLowerCase(java.util.Locale.ROOT);
    assertThat(ddl).contains("phone");
    assertThat(ddl).doesNotContain("drop table");
    assertThat(ddl).doesNotContain("create table");
  }

  @Test
  void withoutAnExpectedSchema_theModelCheckIsSkipped_notPassed() {
    EngineExecutionResults results = run(BrokenDowngradeMigrations.class);

    assertThat(names(results.testEvents().aborted().list()))
        .contains("the schema at head matches the model");
  }

  @Test
  void aModelGivenAsAJooqSchema_isComparedLikeADdlScript() {
    EngineExecutionResults results = run(ModelAsJooqSchema.class);

    assertThat(names(results.testEvents().succeeded().list()))
        .contains("the schema at head matches the model");
  }

  @Test
  void dataAnEnumTypeAndAnIrreversibleStep_areSkippedWithTheirReasons_notPassedNorFailed() {
    EngineExecutionResults results = run(PartlyModelledMigrations.class);

    // Only the linter fails, on d1's dropped column: the proofs skip, they do not fail.
    assertThat(names(results.testEvents().failed().list()))
        .containsExactly("d1 (Rev_d1) Fixture d1 on H2");
    assertThat(failedBecause(resultOf(results, LINT, "d1 (Rev_d1) Fixture d1 on H2")))
        .contains("drop-column");
    assertThat(abortedBecause(resultOf(results, DOWNGRADE_PROOF, "b1 (Rev_b1) Fixture b1")))
        .isEqualTo("not proven: " + Messages.changesDataProof());
    String enumType = abortedBecause(resultOf(results, DOWNGRADE_PROOF, "c1 (Rev_c1) Fixture c1"));
    assertThat(enumType).contains("'create type mood as enum ('sad', 'ok')'");
    assertThat(enumType).contains("which the DDL interpreter does not model");
    assertThat(abortedBecause(resultOf(results, DOWNGRADE_PROOF, "d1 (Rev_d1) Fixture d1")))
        .isEqualTo("not proven: " + Messages.irreversibleProof("the names are gone"));
    // After all three, the interpreter still knows the schema.
    assertThat(resultOf(results, DOWNGRADE_PROOF, "e1 (Rev_e1) Fixture e1").getStatus())
        .isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void anIrreversibleStep_isUpgradedButNotDowngradedOnTheStairway_andTheStairwayGoesOn() {
    EngineExecutionResults results = run(PartlyModelledMigrations.class);

    assertThat(abortedBecause(resultOf(results, STAIRWAY, "d1 (Rev_d1) Fixture d1")))
        .isEqualTo("upgrade passed; downgrade not checked: it is @Irreversible (the names are"
            + " gone)");
    assertThat(resultOf(results, STAIRWAY, "c1 (Rev_c1) Fixture c1").getStatus())
        .isEqualTo(Status.SUCCESSFUL);
    assertThat(resultOf(results, STAIRWAY, "e1 (Rev_e1) Fixture e1").getStatus())
        .isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void anIrreversibleStep_skipsBaseToHeadsAndBack_namingIt_beforeRunningAnyDowngrade() {
    EngineExecutionResults results = run(PartlyModelledMigrations.class);

    String skipped = results.testEvents().aborted().stream()
        .filter(event -> event.getTestDescriptor().getDisplayName()
            .equals("base to heads and back to base"))
        .map(event -> abortedBecause(event.getPayload(TestExecutionResult.class).orElseThrow()))
        .findFirst().orElseThrow();
    assertThat(skipped).isEqualTo("not checked: " + Messages.irreversibleOnTheWay("base",
        List.of(PARTLY_MODELLED.revision("d1").orElseThrow())));
  }

  @Test
  void aRead_anUnreadableStatement_andAStatementThatIsNotDdl_areSkippedWithTheirReasons() {
    EngineExecutionResults results = run(UnmodelledMigrations.class);

    assertThat(names(results.testEvents().failed().list())).isEmpty();
    assertThat(abortedBecause(resultOf(results, DOWNGRADE_PROOF, "r1 (Rev_r1) Fixture r1")))
        .isEqualTo("not proven: " + Messages.readsDataProof());
    assertThat(abortedBecause(resultOf(results, DOWNGRADE_PROOF, "p1 (Rev_p1) Fixture p1")))
        .startsWith("not proven: " + Messages.unreadableProof("create table totals (id int,"
            + " doubled int generated always as (id * 2))", ""));
    assertThat(abortedBecause(resultOf(results, DOWNGRADE_PROOF, "n1 (Rev_n1) Fixture n1")))
        .isEqualTo("not proven: " + Messages.notDdlProof("ANALYZE"));
    assertThat(abortedBecause(resultOf(results, DOWNGRADE_PROOF, "n2 (Rev_n2) Fixture n2")))
        .isEqualTo("not proven: " + Messages.unknownBefore(Messages.notModelledSince("n1")));
    assertThat(resultOf(results, DOWNGRADE_PROOF, "a1 (Rev_a1) Fixture a1").getStatus())
        .isEqualTo(Status.SUCCESSFUL);
    // On a database all of them run: the stairway proves what the interpreter could not.
    for (String revision : List.of("r1", "p1", "n1", "n2")) {
      assertThat(resultOf(results, STAIRWAY, revision + " (Rev_" + revision + ") Fixture "
          + revision).getStatus()).isEqualTo(Status.SUCCESSFUL);
    }
  }

  @Test
  void aHistoryWithoutMerges_reportsTheMergeProofAsSkipped() {
    EngineExecutionResults results = run(UnmodelledMigrations.class);

    assertThat(abortedBecause(resultOf(results, MERGE_PROOF, "no merge revisions")))
        .isEqualTo("the history has no merge, so there is nothing to prove");
  }

  @Test
  void stateTablesWithTheProjectsOwnNames_areNotMistakenForTheMigrationsSchema() {
    EngineExecutionResults results = run(CustomStateTables.class);

    assertThat(names(results.testEvents().failed().list())).isEmpty();
    assertThat(names(results.testEvents().succeeded().list()))
        .containsAtLeast("a1 (Rev_a1) Fixture a1", "base to heads and back to base",
            "the schema at head matches the model");
  }

  private static final String WALK =
      "walk: up one revision at a time to the heads, then down one at a time to base";

  @Test
  void anIndexAForeignKeyTookOver_failsTheWalkDown_onTheFileDatabaseTheApplicationUses() {
    EngineExecutionResults results = run(IndexTakenByAForeignKey_onAFileDatabase.class);

    String failure = failedBecause(resultOf(results, WALK, "down c1 (Rev_c1) Fixture c1"));
    assertThat(failure).startsWith("c1 (Rev_c1) Fixture c1: its downgrade, after every later"
        + " revision was applied and reverted, failed: ");
    assertThat(failure).contains("belongs to constraint");
    assertThat(abortedBecause(resultOf(results, WALK, "down b1 (Rev_b1) Fixture b1")))
        .isEqualTo("not run: the walk broke at c1 (Rev_c1) Fixture c1");
    assertThat(resultOf(results, WALK, "up d1 (Rev_d1) Fixture d1").getStatus())
        .isEqualTo(Status.SUCCESSFUL);
    // The stairway never has d1 applied while c1 goes down: it cannot see this.
    assertThat(resultOf(results, STAIRWAY, "c1 (Rev_c1) Fixture c1").getStatus())
        .isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void theSameHistory_inMemory_showsNothing_whichIsWhyTheFileDatabaseMatters() {
    EngineExecutionResults results = run(IndexTakenByAForeignKey_inMemory.class);

    assertThat(resultOf(results, WALK, "down c1 (Rev_c1) Fixture c1").getStatus())
        .isEqualTo(Status.SUCCESSFUL);
  }

  @Test
  void h2FileLike_keepsTheSettings_andRefusesWhatIsNotAFileDatabase() throws Exception {
    javax.sql.DataSource database = TestDatabases.h2FileLike(
        "jdbc:h2:file:./data/shop;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", databases);
    try (java.sql.Connection connection = database.getConnection();
        java.sql.ResultSet mode = connection.createStatement().executeQuery(
            "select setting_value from information_schema.settings"
                + " where setting_name = 'MODE'")) {
      assertThat(mode.next()).isTrue();
      assertThat(mode.getString(1)).isEqualTo("PostgreSQL");
    }
    IllegalArgumentException memory = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> TestDatabases.h2FileLike("jdbc:h2:mem:x;PASSWORD=s3cret", databases));
    assertThat(memory).hasMessageThat().contains("jdbc:h2:mem:x;PASSWORD=****");
  }
}

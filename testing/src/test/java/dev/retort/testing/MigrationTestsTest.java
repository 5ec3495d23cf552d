package dev.retort.testing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.retort.runtime.RevisionRegistry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
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

  static class DriftedModel extends GoodMigrations {
    @Override
    public Optional<ExpectedSchema> expectedSchema() {
      return Optional.of(ExpectedSchema.ddl("create table users (id int primary key,"
          + " name varchar(50), email varchar(100), phone varchar(30));"
          + " create table orders (id int primary key, user_id int);"
          + " create table invoices (id int primary key)"));
    }
  }

  /** The model as jOOQ classes: here read from a database built from the same DDL. */
  static class ModelAsJooqSchema extends GoodMigrations {
    @Override
    public Optional<ExpectedSchema> expectedSchema() {
      javax.sql.DataSource model = EmbeddedDatabase.fresh();
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
    // stairway 4 + base-and-back + model + database-free downgrade 4 + merge 1
    assertThat(results.testEvents().succeeded().count()).isEqualTo(11);
  }

  @Test
  void aBrokenDowngrade_failsTheStairwayAndTheProof_atItsRevision_showingTheDifference() {
    EngineExecutionResults results = run(BrokenDowngradeMigrations.class);

    List<Event> failed = results.testEvents().failed().list();
    assertThat(names(failed)).containsExactly("b1 (Rev_b1) Fixture b1", "b1 (Rev_b1) Fixture b1",
        "base to heads and back to base");
    String stairway = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow().getMessage();
    assertThat(stairway).contains("leaves behind (+)");
    assertThat(stairway).contains("+ table orders");
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
}

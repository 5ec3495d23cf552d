package dev.retort.review.lint;

import static com.google.common.truth.Truth.assertThat;
import static org.jooq.SQLDialect.H2;
import static org.jooq.SQLDialect.MARIADB;
import static org.jooq.SQLDialect.POSTGRES;
import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.CLOB;
import static org.jooq.impl.SQLDataType.INTEGER;
import static org.jooq.impl.SQLDataType.NUMERIC;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.LintRule;
import dev.retort.review.Dialects;
import dev.retort.review.Finding;
import dev.retort.review.messages.Messages;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The linter on statements built directly: what each rule judges, beyond the corpus of compiled
 * migrations (which proves one trigger and one near miss per rule through the whole pipeline).
 */
class LinterTest {

  @Test
  void anIndexOnATableRenamedInTheSameRevision_isStillOnAnExistingTable() {
    Revision revision = Revision.onTheShop(POSTGRES);
    revision.runs(revision.dsl().alterTable("orders").renameTo("purchases"))
        .runs(revision.dsl().createIndex("ix_purchases_user").on("purchases", "user_id"));

    assertThat(revision.rulesBroken())
        .containsExactly("rename-table", "create-index-blocking").inOrder();
  }

  @Test
  void aColumnAddedAndDroppedInOneRevision_losesNoData() {
    Revision revision = Revision.onTheShop(POSTGRES);
    revision.runs(revision.dsl().alterTable("orders").addColumn("draft", INTEGER))
        .runs(revision.dsl().alterTable("orders").renameColumn("draft").to("scratch"))
        .runs(revision.dsl().alterTable("orders").dropColumn("scratch"));

    assertThat(revision.rulesBroken()).isEmpty();
  }

  @Test
  void aConstraintAddedNotValid_andValidatedInTheSameTransaction_keepsTheLockThroughTheScan() {
    Revision revision = Revision.onTheShop(POSTGRES)
        .runs("ALTER TABLE orders ADD CONSTRAINT ck_total CHECK (total >= 0) NOT VALID")
        .runs("ALTER TABLE orders VALIDATE CONSTRAINT ck_total");

    Finding finding = revision.lint().findings().get(0);
    assertThat(revision.rulesBroken()).containsExactly("add-check-validating");
    assertThat(finding.statement()).isEqualTo(2);
    assertThat(finding.detail()).isEqualTo(Messages.constraintValidatedInSameTransaction(
        "check", "ck_total", "orders", 1));
  }

  @Test
  void aConstraintAddedNotValid_andValidatedOutsideATransaction_passes() {
    Revision revision = Revision.onTheShop(POSTGRES).outsideATransaction()
        .runs("ALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id)"
            + " REFERENCES users (id) NOT VALID")
        .runs("ALTER TABLE orders VALIDATE CONSTRAINT fk_user");

    assertThat(revision.rulesBroken()).isEmpty();
  }

  @Test
  void setNotNull_passes_whenAValidCheckFromAnEarlierRevisionProvesIt() {
    Revision revision = Revision.onTheShop(POSTGRES)
        .existing("alter table orders add constraint nn_user check (user_id is not null)");
    revision.runs(revision.dsl().alterTable("orders").alterColumn("user_id").setNotNull());

    assertThat(revision.rulesBroken()).isEmpty();
  }

  @Test
  void setNotNull_isFound_whenTheProvingCheckWasAddedNotValidInTheSameRevision() {
    Revision revision = Revision.onTheShop(POSTGRES).outsideATransaction()
        .runs("ALTER TABLE orders ADD CONSTRAINT nn_user CHECK (user_id IS NOT NULL) NOT VALID");
    revision.runs(revision.dsl().alterTable("orders").alterColumn("user_id").setNotNull());

    assertThat(revision.rulesBroken()).containsExactly("set-not-null");
  }

  @Test
  void typeChanges_passOnlyWhenPostgresKeepsTheTable() {
    assertThat(typeChange("note", VARCHAR(40))).isEmpty();
    assertThat(typeChange("note", CLOB)).isEmpty();
    assertThat(typeChange("note", VARCHAR)).isEmpty();
    assertThat(typeChange("note", VARCHAR(10))).containsExactly("alter-column-type");
    assertThat(typeChange("total", NUMERIC(14, 2))).isEmpty();
    assertThat(typeChange("total", NUMERIC(14, 4))).containsExactly("alter-column-type");
    assertThat(typeChange("user_id", INTEGER)).containsExactly("alter-column-type");
  }

  private static java.util.List<String> typeChange(String column,
      org.jooq.DataType<?> type) {
    Revision revision = Revision.onTheShop(POSTGRES);
    return revision.runs(revision.dsl().alterTable("orders").alterColumn(column).set(type))
        .rulesBroken();
  }

  @Test
  void aWideningWithAUsingExpression_rewritesTheTableAnyway() {
    assertThat(Revision.onTheShop(POSTGRES)
        .runs("ALTER TABLE orders ALTER COLUMN note TYPE varchar(40) USING upper(note)")
        .rulesBroken()).containsExactly("alter-column-type");
  }

  @Test
  void uniqueUsingAnIndexBuiltConcurrently_passes_andTheSchemaChangeShowsTheConstraint() {
    LintResult result = Revision.onTheShop(POSTGRES)
        .existing("create unique index ix_users_email on users (email)")
        .runs("ALTER TABLE users ADD CONSTRAINT uk_users_email UNIQUE USING INDEX ix_users_email")
        .lint();

    assertThat(result.findings()).isEmpty();
    assertThat(result.notes()).isEmpty();
    assertThat(result.schemaChange().stream().map(change -> change.describe()).toList())
        .containsExactly("+ unique users (email) uk_users_email",
            "- unique index users (email) ix_users_email");
  }

  @Test
  void anUpdateOfEveryRow_inARevisionThatAltersTheTable_breaksBothRules() {
    Revision revision = Revision.onTheShop(POSTGRES);
    revision.runs(revision.dsl().alterTable("users").addColumn("nickname", VARCHAR(40)))
        .runs(revision.dsl().update(table(name("users")))
            .set(field(name("nickname"), String.class), field(name("name"), String.class)));

    assertThat(revision.rulesBroken())
        .containsExactly("data-and-ddl-together", "update-without-where").inOrder();
  }

  @Test
  void dataAndDdlTogether_isPostgresOnly_becauseMariaDbCommitsEachDdlStatement() {
    Revision revision = Revision.onTheShop(MARIADB);
    revision.runs(revision.dsl().alterTable("users").addColumn("nickname", VARCHAR(40)))
        .runs(revision.dsl().update(table(name("users")))
            .set(field(name("nickname"), String.class), DSL.inline("x"))
            .where(field(name("id")).eq(1)));

    assertThat(revision.rulesBroken()).isEmpty();
  }

  @Test
  void onMariaDb_indexesAreOnline_butForeignKeysCopyTheTable() {
    Revision revision = Revision.onTheShop(MARIADB);
    revision.runs(revision.dsl().createIndex("ix_orders_user").on("orders", "user_id"))
        .runs(revision.dsl().alterTable("orders").add(constraint("fk_orders_user")
            .foreignKey("user_id").references("users", "id")));

    assertThat(revision.rulesBroken()).containsExactly("add-foreign-key-validating");
    assertThat(revision.lint().findings().get(0).reason())
        .isEqualTo(Messages.reason(LintRule.ADD_FOREIGN_KEY_VALIDATING, Dialects.MYSQL));
  }

  @Test
  void onH2_onlyTheRulesAboutDataAndRunningCodeApply() {
    Revision revision = Revision.onTheShop(H2);
    revision.runs(revision.dsl().createIndex("ix_orders_user").on("orders", "user_id"))
        .runs(revision.dsl().alterTable("orders").alterColumn("user_id").setNotNull())
        .runs(revision.dsl().alterTable("orders").dropColumn("note"));

    assertThat(revision.rulesBroken()).containsExactly("drop-column");
  }

  @Test
  void anExcuse_silencesExactlyItsRule_andKeepsTheFindingWithItsReason() {
    Revision revision = Revision.onTheShop(POSTGRES)
        .excusing(new Excuse(LintRule.DROP_COLUMN, "note is unread since 2.4"));
    revision.runs(revision.dsl().alterTable("orders").dropColumn("note"))
        .runs(revision.dsl().alterTable("users").renameColumn("name").to("full_name"));

    LintResult result = revision.lint();
    assertThat(result.findings().stream().map(Finding::ruleName).toList())
        .containsExactly("rename-column");
    assertThat(result.excused()).hasSize(1);
    assertThat(result.excused().get(0).finding().ruleName()).isEqualTo("drop-column");
    assertThat(result.excused().get(0).reason()).isEqualTo("note is unread since 2.4");
  }

  @Test
  void anExcuseWithABlankReason_excusesNothing_andSaysSo() {
    Revision revision = Revision.onTheShop(POSTGRES)
        .excusing(new Excuse(LintRule.DROP_COLUMN, "  "));
    revision.runs(revision.dsl().alterTable("orders").dropColumn("note"));

    LintResult result = revision.lint();
    assertThat(result.findings().stream().map(Finding::ruleName).toList())
        .containsExactly("drop-column");
    assertThat(result.notes()).containsExactly(Messages.blankExcuse(LintRule.DROP_COLUMN));
  }

  @Test
  void anExcuseThatExcusesNothing_isReported() {
    Revision revision = Revision.onTheShop(POSTGRES)
        .excusing(new Excuse(LintRule.DROP_TABLE, "the table is gone"));
    revision.runs(revision.dsl().alterTable("orders").addColumn("coupon", VARCHAR(20)));

    assertThat(revision.lint().notes())
        .containsExactly(Messages.unusedExcuse(LintRule.DROP_TABLE, POSTGRES.name()));
  }

  @Test
  void aStatementNoOneCanRead_isNotedWithTheSql_notPassedInSilence() {
    LintResult result = Revision.onTheShop(POSTGRES).runs("CLUSTER orders USING orders_pkey")
        .lint();

    assertThat(result.findings()).isEmpty();
    assertThat(result.notes()).hasSize(1);
    assertThat(result.notes().get(0)).startsWith("Statement 1 could not be read (");
    assertThat(result.notes().get(0)).endsWith("CLUSTER orders USING orders_pkey");
  }

  @Test
  void anIndexJooqCannotParse_isStillJudged_andNotedAsNotModelled() {
    Revision blocking = Revision.onTheShop(POSTGRES)
        .runs("CREATE INDEX ix_orders_note ON orders USING gin (note gin_trgm_ops)");
    Revision concurrent = Revision.onTheShop(POSTGRES).outsideATransaction()
        .runs("CREATE INDEX CONCURRENTLY ix_orders_note ON orders USING gin (note gin_trgm_ops)");

    assertThat(blocking.rulesBroken()).containsExactly("create-index-blocking");
    assertThat(blocking.lint().notes().get(0)).startsWith("Statement 1 was not modelled");
    assertThat(concurrent.rulesBroken()).isEmpty();
  }

  @Test
  void aStatementThatFailsOnTheSchema_isNoted() {
    Revision revision = Revision.onTheShop(POSTGRES);
    LintResult result = revision
        .runs(revision.dsl().createIndex("ix_refunds").on("refunds", "order_id")).lint();

    assertThat(result.notes()).hasSize(1);
    assertThat(result.notes().get(0)).startsWith("Statement 1 fails on the schema");
  }

  @Test
  void aForeignKeyInANewTable_toAnExistingOne_passes() {
    Revision revision = Revision.onTheShop(POSTGRES);
    revision.runs(revision.dsl().createTable("refunds")
        .column("id", BIGINT.nullable(false))
        .column("order_id", BIGINT.nullable(false))
        .constraints(constraint("pk_refunds").primaryKey("id"),
            constraint("fk_refunds_order").foreignKey("order_id").references("orders", "id")));

    assertThat(revision.rulesBroken()).isEmpty();
  }

  @Test
  void sessionSettings_areNeitherFindingsNorNotes() {
    LintResult result = Revision.onTheShop(POSTGRES).runs("SET lock_timeout = '2s'").lint();

    assertThat(result.findings()).isEmpty();
    assertThat(result.notes()).isEmpty();
  }
}

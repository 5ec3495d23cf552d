package dev.retort.review.corpus;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.CLOB;
import static org.jooq.impl.SQLDataType.INTEGER;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Irreversible;
import dev.retort.annotations.LintRule;
import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code set-not-null}, {@code add-column-not-null-no-default} and {@code alter-column-type}.
 */
public final class ColumnCases {

  private ColumnCases() {}

  // ---- NOT NULL on an existing column ----

  @Revision(id = "not_null_existing", revises = "shop", branchLabels = "b_not_null_existing")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.SET_NOT_NULL)
  public static final class SetNotNullOnExistingTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").alterColumn("user_id").setNotNull().execute();
    }
  }

  @Revision(id = "not_null_new", revises = "shop", branchLabels = "b_not_null_new")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.SET_NOT_NULL)
  public static final class SetNotNullOnNewTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.createTable("refunds").column("id", BIGINT.nullable(false))
          .column("order_id", BIGINT).execute();
      db.alterTable("refunds").alterColumn("order_id").setNotNull().execute();
    }
  }

  @Revision(id = "not_null_check", revises = "shop", branchLabels = "b_not_null_check")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.SET_NOT_NULL)
  public static final class NotNullCheckNotValid implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.execute("ALTER TABLE orders ADD CONSTRAINT nn_orders_user CHECK (user_id IS NOT NULL)"
          + " NOT VALID");
    }
  }

  @Revision(id = "not_null_check_validate", revises = "not_null_check")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.SET_NOT_NULL)
  public static final class ValidateNotNullCheck implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.execute("ALTER TABLE orders VALIDATE CONSTRAINT nn_orders_user");
    }
  }

  @Revision(id = "not_null_after_check", revises = "not_null_check_validate")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.SET_NOT_NULL)
  public static final class SetNotNullProvenByTheCheck implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").alterColumn("user_id").setNotNull().execute();
      db.alterTable("orders").drop(DSL.constraint("nn_orders_user")).execute();
    }
  }

  // ---- a required column ----

  @Revision(id = "required_existing", revises = "shop", branchLabels = "b_required_existing")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.ADD_COLUMN_NOT_NULL_NO_DEFAULT)
  public static final class RequiredColumnOnExistingTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").addColumn("coupon", VARCHAR(20).nullable(false)).execute();
    }
  }

  @Revision(id = "required_new", revises = "shop", branchLabels = "b_required_new")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.ADD_COLUMN_NOT_NULL_NO_DEFAULT)
  public static final class RequiredColumnOnNewTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.createTable("refunds").column("id", BIGINT.nullable(false)).execute();
      db.alterTable("refunds").addColumn("order_id", BIGINT.nullable(false)).execute();
    }
  }

  @Revision(id = "required_with_default", revises = "shop",
      branchLabels = "b_required_with_default")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.ADD_COLUMN_NOT_NULL_NO_DEFAULT)
  public static final class RequiredColumnWithADefault implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders")
          .addColumn("currency", VARCHAR(3).nullable(false).defaultValue(DSL.inline("EUR")))
          .execute();
    }
  }

  // ---- type changes ----

  @Revision(id = "type_existing", revises = "shop", branchLabels = "b_type_existing")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.ALTER_COLUMN_TYPE)
  public static final class NarrowOnExistingTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").alterColumn("user_id").set(INTEGER).execute();
    }
  }

  @Revision(id = "type_using", revises = "shop", branchLabels = "b_type_using")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.ALTER_COLUMN_TYPE)
  public static final class WidenWithAUsingExpression implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.execute("ALTER TABLE orders ALTER COLUMN note TYPE varchar(200) USING trim(note)");
    }
  }

  @Revision(id = "type_new", revises = "shop", branchLabels = "b_type_new")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.ALTER_COLUMN_TYPE)
  public static final class NarrowOnNewTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.createTable("refunds").column("id", BIGINT.nullable(false))
          .column("order_id", BIGINT).execute();
      db.alterTable("refunds").alterColumn("order_id").set(INTEGER).execute();
    }
  }

  @Revision(id = "type_widen", revises = "shop", branchLabels = "b_type_widen")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.ALTER_COLUMN_TYPE)
  public static final class SafeWidenings implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").alterColumn("note").set(VARCHAR(200)).execute();
      db.alterTable("users").alterColumn("name").set(CLOB).execute();
    }
  }
}

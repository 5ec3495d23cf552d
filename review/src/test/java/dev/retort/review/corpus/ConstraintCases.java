package dev.retort.review.corpus;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.NUMERIC;

import dev.retort.annotations.Irreversible;
import dev.retort.annotations.LintRule;
import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** {@code add-foreign-key-validating}, {@code add-check-validating} and {@code add-unique}. */
public final class ConstraintCases {

  private ConstraintCases() {}

  // ---- foreign keys ----

  @Revision(id = "fk_existing", revises = "shop", branchLabels = "b_fk_existing")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.ADD_FOREIGN_KEY_VALIDATING)
  public static final class ForeignKeyOnExistingTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").add(DSL.constraint("fk_orders_user").foreignKey("user_id")
          .references("users", "id")).execute();
    }
  }

  @Revision(id = "fk_new", revises = "shop", branchLabels = "b_fk_new")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.ADD_FOREIGN_KEY_VALIDATING)
  public static final class ForeignKeyOnNewTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.createTable("refunds").column("id", BIGINT.nullable(false))
          .column("order_id", BIGINT.nullable(false))
          .constraints(DSL.constraint("pk_refunds").primaryKey("id"),
              DSL.constraint("fk_refunds_order").foreignKey("order_id").references("orders", "id"))
          .execute();
    }
  }

  @Revision(id = "fk_not_valid", revises = "shop", branchLabels = "b_fk_not_valid")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.ADD_FOREIGN_KEY_VALIDATING)
  public static final class ForeignKeyNotValid implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.execute("ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id)"
          + " REFERENCES users (id) NOT VALID");
    }
  }

  @Revision(id = "fk_validate", revises = "fk_not_valid")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.ADD_FOREIGN_KEY_VALIDATING)
  public static final class ValidateForeignKeyLater implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.execute("ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user");
    }
  }

  @Revision(id = "fk_validate_same_tx", revises = "shop", branchLabels = "b_fk_validate_same_tx")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.ADD_FOREIGN_KEY_VALIDATING)
  public static final class ForeignKeyValidatedInTheSameTransaction implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.execute("ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id)"
          + " REFERENCES users (id) NOT VALID");
      db.execute("ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user");
    }
  }

  // ---- checks ----

  @Revision(id = "check_existing", revises = "shop", branchLabels = "b_check_existing")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.ADD_CHECK_VALIDATING)
  public static final class CheckOnExistingTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").add(DSL.constraint("ck_orders_total")
          .check(DSL.field(DSL.name("total"), NUMERIC).ge(DSL.inline(java.math.BigDecimal.ZERO))))
          .execute();
    }
  }

  @Revision(id = "check_new", revises = "shop", branchLabels = "b_check_new")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.ADD_CHECK_VALIDATING)
  public static final class CheckOnNewTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.createTable("refunds").column("id", BIGINT.nullable(false))
          .column("amount", NUMERIC(12, 2).nullable(false)).execute();
      db.alterTable("refunds").add(DSL.constraint("ck_refunds_amount")
          .check(DSL.field(DSL.name("amount"), NUMERIC).gt(DSL.inline(java.math.BigDecimal.ZERO))))
          .execute();
    }
  }

  @Revision(id = "check_not_valid", revises = "shop", branchLabels = "b_check_not_valid")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.ADD_CHECK_VALIDATING)
  public static final class CheckNotValid implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.execute("ALTER TABLE orders ADD CONSTRAINT ck_orders_total CHECK (total >= 0) NOT VALID");
    }
  }

  @Revision(id = "check_validate", revises = "check_not_valid")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.ADD_CHECK_VALIDATING)
  public static final class ValidateCheckLater implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.execute("ALTER TABLE orders VALIDATE CONSTRAINT ck_orders_total");
    }
  }

  // ---- unique constraints ----

  @Revision(id = "unique_existing", revises = "shop", branchLabels = "b_unique_existing")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.ADD_UNIQUE)
  public static final class UniqueOnExistingTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("users").add(DSL.constraint("uk_users_email").unique("email")).execute();
    }
  }

  @Revision(id = "unique_new", revises = "shop", branchLabels = "b_unique_new")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.ADD_UNIQUE)
  public static final class UniqueOnNewTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.createTable("coupons").column("id", BIGINT.nullable(false))
          .column("code", BIGINT.nullable(false)).execute();
      db.alterTable("coupons").add(DSL.constraint("uk_coupons_code").unique("code")).execute();
    }
  }

  @Revision(id = "unique_index_concurrently", revises = "shop",
      branchLabels = "b_unique_index_concurrently", transactional = false)
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.ADD_UNIQUE)
  public static final class UniqueIndexConcurrently implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.execute("CREATE UNIQUE INDEX CONCURRENTLY ix_users_email ON users (email)");
    }
  }

  @Revision(id = "unique_using_index", revises = "unique_index_concurrently")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.ADD_UNIQUE)
  public static final class UniqueUsingTheIndex implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.execute("ALTER TABLE users ADD CONSTRAINT uk_users_email UNIQUE USING INDEX"
          + " ix_users_email");
    }
  }
}

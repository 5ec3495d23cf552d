package dev.retort.review.corpus;

import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Allow;
import dev.retort.annotations.Irreversible;
import dev.retort.annotations.LintRule;
import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** A branch of two revisions, as a pull request brings them: review's golden Markdown. */
public final class GoldenBranch {

  private GoldenBranch() {}

  @Revision(id = "c0ffee000001", revises = "shop", branchLabels = "coupons",
      message = "Add coupon codes to orders")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.CREATE_INDEX_BLOCKING)
  public static final class AddCouponCodes implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").addColumn("coupon", VARCHAR(20)).execute();
      db.createIndex("ix_orders_coupon").on("orders", "coupon").execute();
    }
  }

  @Revision(id = "c0ffee000002", revises = "c0ffee000001",
      message = "Drop order notes, mark <unset> statuses")
  @Irreversible(Shop.NEVER_APPLIED)
  @Allow(rule = LintRule.DROP_COLUMN, reason = "notes moved to the CRM in 2.4; nothing reads them")
  @Expect(value = LintRule.DATA_AND_DDL_TOGETHER, excused = LintRule.DROP_COLUMN)
  public static final class DropOrderNotes implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").dropColumn("note").execute();
      db.update(DSL.table(DSL.name("orders")))
          .set(DSL.field(DSL.name("status"), String.class), "UNSET")
          .where(DSL.field(DSL.name("status")).isNull())
          .execute();
    }
  }
}

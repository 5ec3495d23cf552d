package dev.retort.review.corpus;

import dev.retort.annotations.Irreversible;
import dev.retort.annotations.LintRule;
import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Migrations that cannot be wholly rendered offline: said so, never passed in silence. */
public final class OfflineCases {

  private OfflineCases() {}

  @Revision(id = "reads_data", revises = "shop", branchLabels = "b_reads_data")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(value = LintRule.DROP_COLUMN, notes = 1)
  public static final class ReadsData implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").dropColumn("note").execute();
      // What it runs next depends on the rows: only what came before the read is checked.
      if (db.fetchCount(DSL.table(DSL.name("orders"))) > 0) {
        db.dropTable("users").execute();
      }
    }
  }

  @Revision(id = "throws", revises = "shop", branchLabels = "b_throws")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(notes = 1)
  public static final class Throws implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").dropColumn("note").execute();
      throw new IllegalStateException("the shop's currency is not configured");
    }
  }
}

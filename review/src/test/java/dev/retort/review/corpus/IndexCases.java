package dev.retort.review.corpus;

import static org.jooq.impl.SQLDataType.BIGINT;

import dev.retort.annotations.Irreversible;
import dev.retort.annotations.LintRule;
import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;

/** {@code create-index-blocking} and {@code concurrent-index-in-transaction}. */
public final class IndexCases {

  private IndexCases() {}

  @Revision(id = "index_existing", revises = "shop", branchLabels = "b_index_existing")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.CREATE_INDEX_BLOCKING)
  public static final class OnExistingTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.createIndex("ix_orders_user").on("orders", "user_id").execute();
    }
  }

  @Revision(id = "index_unique_existing", revises = "shop",
      branchLabels = "b_index_unique_existing")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.CREATE_INDEX_BLOCKING)
  public static final class UniqueOnExistingTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.createUniqueIndex("ix_users_email").on("users", "email").execute();
    }
  }

  @Revision(id = "index_new", revises = "shop", branchLabels = "b_index_new")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.CREATE_INDEX_BLOCKING)
  public static final class OnNewTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.createTable("refunds").column("id", BIGINT.nullable(false))
          .column("order_id", BIGINT.nullable(false)).execute();
      db.createIndex("ix_refunds_order").on("refunds", "order_id").execute();
    }
  }

  @Revision(id = "index_concurrently", revises = "shop", branchLabels = "b_index_concurrently",
      transactional = false)
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = {LintRule.CREATE_INDEX_BLOCKING,
      LintRule.CONCURRENT_INDEX_IN_TRANSACTION})
  public static final class Concurrently implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_orders_user ON orders (user_id)");
    }
  }

  @Revision(id = "index_gin_concurrently", revises = "shop",
      branchLabels = "b_index_gin_concurrently", transactional = false)
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(notes = 1, nearMissOf = LintRule.CREATE_INDEX_BLOCKING)
  public static final class AccessMethodConcurrently implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      // jOOQ cannot parse the access method; the linter still sees how it locks the table.
      db.execute("CREATE INDEX CONCURRENTLY ix_orders_note ON orders USING gin (note"
          + " gin_trgm_ops)");
    }
  }

  @Revision(id = "index_concurrently_in_tx", revises = "shop",
      branchLabels = "b_index_concurrently_in_tx")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.CONCURRENT_INDEX_IN_TRANSACTION)
  public static final class ConcurrentlyInATransaction implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.execute("CREATE INDEX CONCURRENTLY ix_orders_user ON orders (user_id)");
    }
  }

  @Revision(id = "index_drop_concurrently", revises = "index_concurrently",
      transactional = false)
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.CONCURRENT_INDEX_IN_TRANSACTION)
  public static final class DropConcurrently implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_orders_user");
    }
  }
}

package com.example.shop.db.versions;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * An index built without locking the table on PostgreSQL, which refuses {@code CREATE INDEX
 * CONCURRENTLY} inside a transaction; hence {@code transactional = false}. Other databases build
 * it the ordinary way.
 */
@Revision(
    id = "e7f4b2c9a016",
    revises = "c3a9f0e2d815",
    message = "Index orders by user",
    transactional = false)
public final class M0006_IndexOrdersByUser implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    if (db.dialect().family() == SQLDialect.POSTGRES) {
      db.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_orders_user_id ON orders (user_id)");
    } else {
      db.createIndexIfNotExists("ix_orders_user_id").on("orders", "user_id").execute();
    }
  }

  @Override
  public void downgrade(DSLContext db) {
    if (db.dialect().family() == SQLDialect.POSTGRES) {
      db.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_orders_user_id");
    } else {
      db.dropIndexIfExists("ix_orders_user_id").on("orders").execute();
    }
  }
}

package com.example.shop.db.versions;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * An index built without locking the table on PostgreSQL, which refuses {@code CREATE INDEX
 * CONCURRENTLY} inside a transaction; hence {@code transactional = false}. Other databases build
 * it the ordinary way, and their downgrade takes the foreign key on the same column off and on
 * again around the drop.
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
      return;
    }
    // H2 (on a file database, once users is rebuilt, as adding a column to it does) and MariaDB
    // let fk_orders_user take this index over, and then refuse to drop it alone ("belongs to
    // constraint"): drop the key, then the index, and add the key back with an index of its own.
    db.alterTable("orders").dropForeignKey("fk_orders_user").execute();
    db.dropIndexIfExists("ix_orders_user_id").on("orders").execute();
    db.alterTable("orders").add(DSL.constraint("fk_orders_user").foreignKey("user_id")
        .references("users", "id")).execute();
  }
}

package com.example.shop.db.versions;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.DECIMAL;
import static org.jooq.impl.SQLDataType.LOCALDATETIME;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Orders, each placed by one user. */
@Revision(id = "1975ea83b712", revises = "27c6a30d7c24", message = "Create orders table")
public final class M0003_CreateOrdersTable implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.createTable("orders")
        .column("id", BIGINT.identity(true))
        .column("user_id", BIGINT.nullable(false))
        .column("total", DECIMAL(12, 2).nullable(false))
        .column("placed_at", LOCALDATETIME.nullable(false))
        .constraints(
            DSL.constraint("pk_orders").primaryKey("id"),
            DSL.constraint("fk_orders_user").foreignKey("user_id").references("users", "id"))
        .execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.dropTable("orders").execute();
  }
}

package com.example.shop.migrations;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.DECIMAL;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** What they buy; an order belongs to a customer. */
@Revision(id = "5a1e00000002", revises = "5a1e00000001", message = "Create orders")
public final class M0002_CreateOrders implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.createTable("orders")
        .column("id", BIGINT.identity(true))
        .column("customer_id", BIGINT.nullable(false))
        .column("total", DECIMAL(12, 2).nullable(false))
        .constraints(
            DSL.constraint("pk_orders").primaryKey("id"),
            DSL.constraint("fk_orders_customers").foreignKey("customer_id")
                .references("customers", "id"))
        .execute();
    db.createIndex("ix_orders_customer").on("orders", "customer_id").execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.dropTable("orders").execute();
  }
}

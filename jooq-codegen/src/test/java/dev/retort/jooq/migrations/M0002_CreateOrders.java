package dev.retort.jooq.migrations;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.DECIMAL;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

@Revision(id = "c0de00000002", revises = "c0de00000001", message = "Create orders")
public final class M0002_CreateOrders implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.createTable("orders")
        .column("id", BIGINT.identity(true))
        .column("user_id", BIGINT.nullable(false))
        .column("total", DECIMAL(12, 2).nullable(false))
        .constraints(
            DSL.constraint("pk_orders").primaryKey("id"),
            DSL.constraint("fk_orders_users").foreignKey("user_id").references("users", "id"))
        .execute();
    db.createIndex("ix_orders_user").on("orders", "user_id").execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.dropTable("orders").execute();
  }
}

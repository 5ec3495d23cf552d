package com.example.shop.migrations;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Who buys. */
@Revision(id = "5a1e00000001", message = "Create customers")
public final class M0001_CreateCustomers implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.createTable("customers")
        .column("id", BIGINT.identity(true))
        .column("email", VARCHAR(255).nullable(false))
        .column("name", VARCHAR(100).nullable(false))
        .constraints(
            DSL.constraint("pk_customers").primaryKey("id"),
            DSL.constraint("uk_customers_email").unique("email"))
        .execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.dropTable("customers").execute();
  }
}

package com.example.it;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

@Revision(id = "1a2b3c4d5e6f", message = "Create users")
public final class M0001_CreateUsers implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.createTable("users")
        .column("id", BIGINT.identity(true))
        .column("email", VARCHAR(255).nullable(false))
        .constraints(DSL.constraint("pk_users").primaryKey("id"))
        .execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.dropTable("users").execute();
  }
}

package com.example.shop.db.versions;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The shop's first table: who can sign in. */
@Revision(id = "ae1027a6acf0", message = "Create users table")
public final class M0001_CreateUsersTable implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.createTable("users")
        .column("id", BIGINT.identity(true))
        .column("email", VARCHAR(255).nullable(false))
        .column("name", VARCHAR(100))
        .constraints(
            DSL.constraint("pk_users").primaryKey("id"),
            DSL.constraint("uk_users_email").unique("email"))
        .execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.dropTable("users").execute();
  }
}

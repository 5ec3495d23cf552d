package dev.retort.jooq.migrations;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

@Revision(id = "c0de00000001", message = "Create users")
public final class M0001_CreateUsers implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.createTable("users")
        .column("id", BIGINT.identity(true))
        .column("email", VARCHAR(255).nullable(false))
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

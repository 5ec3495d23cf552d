package dev.retort.jooq.migrations;

import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;

/** One branch after orders: users get a name. */
@Revision(id = "c0de00000003", revises = "c0de00000002", message = "Add user name")
public final class M0003_AddUserName implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.alterTable("users").addColumn("name", VARCHAR(100)).execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.alterTable("users").dropColumn("name").execute();
  }
}

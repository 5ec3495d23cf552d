package com.example.it;

import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;

@Revision(id = "7f8e9d0c1b2a", revises = "1a2b3c4d5e6f", message = "Add user name")
public final class M0002_AddUserName implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.alterTable("users").addColumn("name", VARCHAR(100)).execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.alterTable("users").dropColumn("name").execute();
  }
}

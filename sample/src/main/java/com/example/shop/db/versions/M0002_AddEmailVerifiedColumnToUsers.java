package com.example.shop.db.versions;

import static org.jooq.impl.SQLDataType.BOOLEAN;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The seed's example revision, in Java: a column with a default, so existing rows get false. */
@Revision(
    id = "27c6a30d7c24",
    revises = "ae1027a6acf0",
    message = "Add email_verified column to users")
public final class M0002_AddEmailVerifiedColumnToUsers implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.alterTable("users")
        .addColumn("email_verified", BOOLEAN.nullable(false).defaultValue(DSL.inline(false)))
        .execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.alterTable("users").dropColumn("email_verified").execute();
  }
}

package com.example.shop.db.versions;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A data migration: users who never set a name get the part of their email before the '@'.
 * The downgrade clears exactly the names this revision wrote, recognisable because they still
 * equal that part of the email.
 */
@Revision(id = "8b1e5c7d2a64", revises = "1975ea83b712", message = "Backfill user display names")
public final class M0004_BackfillUserDisplayNames implements Migration {

  private static final Field<String> NAME = DSL.field(DSL.name("name"), String.class);
  private static final Field<String> EMAIL = DSL.field(DSL.name("email"), String.class);

  private static Field<String> localPart() {
    return DSL.substring(EMAIL, DSL.inline(1), DSL.position(EMAIL, DSL.inline("@")).minus(1));
  }

  @Override
  public void upgrade(DSLContext db) {
    db.update(DSL.table(DSL.name("users")))
        .set(NAME, localPart())
        .where(NAME.isNull())
        .and(EMAIL.contains("@"))
        .execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.update(DSL.table(DSL.name("users")))
        .set(NAME, DSL.inline((String) null))
        .where(NAME.eq(localPart()))
        .execute();
  }
}

package dev.retort.spring.boot.widgets;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** A data migration: the row the test applications expect to find. */
@Revision(id = "9d4c2b8e6f10", revises = "5a1e0f3b7c21", message = "Seed the first widget")
public final class W2_SeedFirstWidget implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.insertInto(DSL.table(DSL.name("widgets")), DSL.field(DSL.name("name")))
        .values("first")
        .execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.deleteFrom(DSL.table(DSL.name("widgets")))
        .where(DSL.field(DSL.name("name")).eq("first"))
        .execute();
  }
}

package dev.retort.jooq.migrations;

import static org.jooq.impl.SQLDataType.LOCALDATETIME;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;

/** The other branch after orders: when each was placed. */
@Revision(id = "c0de00000004", revises = "c0de00000002", message = "Add order placed_at")
public final class M0004_AddOrderPlacedAt implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.alterTable("orders").addColumn("placed_at", LOCALDATETIME).execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.alterTable("orders").dropColumn("placed_at").execute();
  }
}

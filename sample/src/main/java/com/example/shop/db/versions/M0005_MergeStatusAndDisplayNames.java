package com.example.shop.db.versions;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;

/**
 * Joins the two branches that grew from {@link M0003_CreateOrdersTable}, as `retort merge heads` would
 * write it. Without it the project would not compile: two unmerged heads are an error.
 */
@Revision(
    id = "c3a9f0e2d815",
    revises = {"4d2f8e1a9b3c", "8b1e5c7d2a64"},
    message = "Merge order status and display names")
public final class M0005_MergeStatusAndDisplayNames implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    // A merge changes no schema; it only joins the history.
  }

  @Override
  public void downgrade(DSLContext db) {
    // Nothing to undo.
  }
}

package com.example.shop.db.versions;

import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * One side of a branch: written by one developer while another wrote {@link
 * M0004_BackfillUserDisplayNames} on the same parent; {@link M0005_MergeStatusAndDisplayNames} joins them.
 */
@Revision(id = "4d2f8e1a9b3c", revises = "1975ea83b712", message = "Add status to orders")
public final class M0004_AddOrderStatus implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.alterTable("orders")
        .addColumn("status", VARCHAR(20).nullable(false).defaultValue(DSL.inline("PLACED")))
        .execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.alterTable("orders").dropColumn("status").execute();
  }
}

package dev.retort.review.corpus;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.NUMERIC;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Irreversible;
import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The tables every case starts from; created by an earlier revision, so they are existing. */
@Revision(id = "shop", message = "Create users and orders")
@Irreversible(Shop.NEVER_APPLIED)
@Expect
public final class Shop implements Migration {

  /** Why no corpus revision has a downgrade. */
  static final String NEVER_APPLIED = "the corpus is linted, never applied";

  @Override
  public void upgrade(DSLContext db) {
    db.createTable("users")
        .column("id", BIGINT.nullable(false))
        .column("email", VARCHAR(255).nullable(false))
        .column("name", VARCHAR(100))
        .constraints(DSL.constraint("pk_users").primaryKey("id"))
        .execute();
    db.createTable("orders")
        .column("id", BIGINT.nullable(false))
        .column("user_id", BIGINT)
        .column("total", NUMERIC(12, 2).nullable(false))
        .column("note", VARCHAR(20))
        .column("status", VARCHAR(20))
        .constraints(DSL.constraint("pk_orders").primaryKey("id"))
        .execute();
  }
}

package dev.retort.spring.boot.widgets;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The table the test applications read through JPA and jOOQ. */
@Revision(id = "5a1e0f3b7c21", message = "Create widgets")
public final class W1_CreateWidgets implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.createTable("widgets")
        .column("id", BIGINT.identity(true))
        .column("name", VARCHAR(100).nullable(false))
        .constraints(DSL.constraint("pk_widgets").primaryKey("id"))
        .execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.dropTable("widgets").execute();
  }
}

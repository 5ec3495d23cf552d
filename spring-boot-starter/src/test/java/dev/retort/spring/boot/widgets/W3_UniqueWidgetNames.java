package dev.retort.spring.boot.widgets;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;

/**
 * Two changes, the second of which fails while two widgets share a name: on PostgreSQL the
 * failure takes the first change with it, on H2 (which commits each DDL statement) it does not.
 */
@Revision(id = "c7e3a9d1b254", revises = "9d4c2b8e6f10", message = "Unique widget names")
public final class W3_UniqueWidgetNames implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.createTable("widget_renames")
        .column("widget_id", BIGINT.nullable(false))
        .column("old_name", VARCHAR(100).nullable(false))
        .execute();
    db.createUniqueIndex("uk_widgets_name").on("widgets", "name").execute();
  }

  @Override
  public void downgrade(DSLContext db) {
    db.dropIndex("uk_widgets_name").on("widgets").execute();
    db.dropTable("widget_renames").execute();
  }
}

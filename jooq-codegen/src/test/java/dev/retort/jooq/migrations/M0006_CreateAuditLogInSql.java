package dev.retort.jooq.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;

/** Plain SQL with unquoted names: each database folds them to its own case. */
@Revision(id = "c0de00000006", revises = "c0de00000005", message = "Create audit log in SQL")
public final class M0006_CreateAuditLogInSql implements Migration {

  @Override
  public void upgrade(DSLContext db) {
    db.execute("create table audit_log (id bigint primary key, note varchar(200))");
  }

  @Override
  public void downgrade(DSLContext db) {
    db.execute("drop table audit_log");
  }
}

package dev.retort.jooq.migrations;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;

@Revision(id = "c0de00000005", revises = {"c0de00000003", "c0de00000004"}, message = "Merge")
public final class M0005_Merge implements Migration {

  @Override
  public void upgrade(DSLContext db) {}

  @Override
  public void downgrade(DSLContext db) {}
}

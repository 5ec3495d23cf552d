package dev.retort.runtime.messages;

import dev.retort.runtime.GeneratedRegistry;
import dev.retort.runtime.Migration;
import dev.retort.runtime.RevisionTable;

/** A registry around a table, for tests that need revisions and never run them. */
final class TableRegistry extends GeneratedRegistry {

  TableRegistry(RevisionTable table) {
    super(table);
  }

  @Override
  protected Migration newMigration(int index) {
    throw new AssertionError("not run");
  }
}

package dev.retort.cli;

import dev.retort.runtime.GeneratedRegistry;
import dev.retort.runtime.Migration;
import dev.retort.runtime.RevisionTable;
import org.jooq.DSLContext;

/**
 * A registry written by hand in the shape the processor generates, found by ServiceLoader
 * through this module's test resources: a1 <- b1 <- {c1, d1} <- m1.
 */
public final class ShopRegistry extends GeneratedRegistry {

  private static final String[][] ROWS = {
      {"a1", "", "Create users"},
      {"b1", "a1", "Add email"},
      {"c1", "b1", "Create orders"},
      {"d1", "b1", "Create invoices"},
      {"m1", "c1 d1", "Merge orders and invoices"},
  };

  public ShopRegistry() {
    super(table());
  }

  private static RevisionTable table() {
    RevisionTable.Builder table = RevisionTable.builder(ROWS.length);
    for (String[] row : ROWS) {
      table.add(row[0], "test.Rev_" + row[0], row[2], "sum-" + row[0], true, null,
          row[1].isEmpty() ? RevisionTable.NONE : row[1].split(" "), RevisionTable.NONE,
          RevisionTable.NONE);
    }
    return table.build(new String[] {"m1"}, new String[] {"a1"});
  }

  @Override
  protected Migration newMigration(int index) {
    String table = "t_" + ROWS[index][0];
    return new Migration() {
      @Override
      public void upgrade(DSLContext db) {
        db.execute("create table " + table + " (id int)");
      }

      @Override
      public void downgrade(DSLContext db) {
        db.execute("drop table " + table);
      }
    };
  }
}

package dev.retort.review.corpus;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Allow;
import dev.retort.annotations.Irreversible;
import dev.retort.annotations.LintRule;
import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code rename-column}, {@code rename-table}, {@code drop-column} and {@code drop-table}, and the
 * {@link Allow @Allow} that excuses exactly its rule.
 */
public final class RenameAndDropCases {

  private RenameAndDropCases() {}

  // ---- renames ----

  @Revision(id = "rename_column_existing", revises = "shop",
      branchLabels = "b_rename_column_existing")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.RENAME_COLUMN)
  public static final class RenameColumnOfExistingTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("users").renameColumn("name").to("full_name").execute();
    }
  }

  @Revision(id = "rename_column_new", revises = "shop", branchLabels = "b_rename_column_new")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.RENAME_COLUMN)
  public static final class RenameColumnAddedInTheSameRevision implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("users").addColumn("nick", VARCHAR(40)).execute();
      db.alterTable("users").renameColumn("nick").to("nickname").execute();
    }
  }

  @Revision(id = "copy_column", revises = "shop", branchLabels = "b_copy_column")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.RENAME_COLUMN)
  public static final class AddTheNewColumnInstead implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("users").addColumn("full_name", VARCHAR(100)).execute();
    }
  }

  @Revision(id = "copy_column_backfill", revises = "copy_column", transactional = false)
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.RENAME_COLUMN)
  public static final class BackfillTheNewColumn implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.update(DSL.table(DSL.name("users")))
          .set(DSL.field(DSL.name("full_name"), String.class),
              DSL.field(DSL.name("name"), String.class))
          .where(DSL.field(DSL.name("full_name")).isNull())
          .execute();
    }
  }

  @Revision(id = "rename_table_existing", revises = "shop",
      branchLabels = "b_rename_table_existing")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.RENAME_TABLE)
  public static final class RenameExistingTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").renameTo("purchases").execute();
    }
  }

  @Revision(id = "rename_table_new", revises = "shop", branchLabels = "b_rename_table_new")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.RENAME_TABLE)
  public static final class RenameNewTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.createTable("refund").column("id", BIGINT.nullable(false)).execute();
      db.alterTable("refund").renameTo("refunds").execute();
    }
  }

  // ---- drops ----

  @Revision(id = "drop_column_existing", revises = "shop",
      branchLabels = "b_drop_column_existing")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.DROP_COLUMN)
  public static final class DropColumnOfExistingTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").dropColumn("note").execute();
    }
  }

  @Revision(id = "drop_column_new", revises = "shop", branchLabels = "b_drop_column_new")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.DROP_COLUMN)
  public static final class DropColumnAddedInTheSameRevision implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").addColumn("scratch", VARCHAR(20)).execute();
      db.alterTable("orders").dropColumn("scratch").execute();
    }
  }

  @Revision(id = "drop_column_excused", revises = "shop", branchLabels = "b_drop_column_excused")
  @Irreversible(Shop.NEVER_APPLIED)
  @Allow(rule = LintRule.DROP_COLUMN, reason = "orders.note is unread since 2.4")
  @Expect(value = LintRule.RENAME_COLUMN, excused = LintRule.DROP_COLUMN)
  public static final class DropColumnExcused implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("orders").dropColumn("note").execute();
      // The excuse is for the drop only: this rename is still found.
      db.alterTable("users").renameColumn("name").to("full_name").execute();
    }
  }

  @Revision(id = "drop_table_existing", revises = "shop", branchLabels = "b_drop_table_existing")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.DROP_TABLE)
  public static final class DropExistingTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.dropTable("orders").execute();
    }
  }

  @Revision(id = "drop_table_new", revises = "shop", branchLabels = "b_drop_table_new")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.DROP_TABLE)
  public static final class DropNewTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.createTable("scratch").column("id", BIGINT.nullable(false)).execute();
      db.dropTable("scratch").execute();
    }
  }

  @Revision(id = "drop_table_excused", revises = "shop", branchLabels = "b_drop_table_excused")
  @Irreversible(Shop.NEVER_APPLIED)
  @Allow(rule = LintRule.DROP_TABLE, reason = "orders moved to the billing service in 3.0")
  @Allow(rule = LintRule.DROP_COLUMN, reason = "written for a drop this revision no longer does")
  @Expect(excused = LintRule.DROP_TABLE, notes = 1)
  public static final class DropTableExcused implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.dropTable("orders").execute();
    }
  }
}

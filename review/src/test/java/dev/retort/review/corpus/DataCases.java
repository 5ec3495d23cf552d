package dev.retort.review.corpus;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.annotations.Irreversible;
import dev.retort.annotations.LintRule;
import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * {@code data-and-ddl-together}, {@code update-without-where} and {@code delete-without-where}.
 */
public final class DataCases {

  private static final Field<String> NICKNAME = DSL.field(DSL.name("nickname"), String.class);
  private static final Field<String> NAME = DSL.field(DSL.name("name"), String.class);
  private static final Field<String> STATUS = DSL.field(DSL.name("status"), String.class);
  private static final Field<Long> ID = DSL.field(DSL.name("id"), Long.class);

  private DataCases() {}

  // ---- a backfill in the transaction that altered the table ----

  @Revision(id = "backfill_with_ddl", revises = "shop", branchLabels = "b_backfill_with_ddl")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.DATA_AND_DDL_TOGETHER)
  public static final class BackfillWithTheDdl implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("users").addColumn(NICKNAME.getName(), VARCHAR(100)).execute();
      db.update(DSL.table(DSL.name("users"))).set(NICKNAME, NAME).where(NICKNAME.isNull())
          .execute();
    }
  }

  @Revision(id = "fill_new_table", revises = "shop", branchLabels = "b_fill_new_table")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = {LintRule.DATA_AND_DDL_TOGETHER, LintRule.UPDATE_WITHOUT_WHERE})
  public static final class FillANewTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.createTable("statuses").column("code", VARCHAR(20).nullable(false)).execute();
      db.insertInto(DSL.table(DSL.name("statuses")), DSL.field(DSL.name("code")))
          .values("PLACED").execute();
      db.update(DSL.table(DSL.name("statuses"))).set(DSL.field(DSL.name("code")), "NEW")
          .execute();
    }
  }

  @Revision(id = "nickname_column", revises = "shop", branchLabels = "b_nickname_column")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.DATA_AND_DDL_TOGETHER)
  public static final class AddTheColumnFirst implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.alterTable("users").addColumn(NICKNAME.getName(), VARCHAR(100)).execute();
    }
  }

  @Revision(id = "nickname_backfill", revises = "nickname_column", transactional = false)
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = {LintRule.DATA_AND_DDL_TOGETHER, LintRule.UPDATE_WITHOUT_WHERE})
  public static final class BackfillInABatchLater implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.update(DSL.table(DSL.name("users"))).set(NICKNAME, NAME)
          .where(NICKNAME.isNull().and(ID.between(1L, 10_000L))).execute();
    }
  }

  // ---- every row ----

  @Revision(id = "update_every_row", revises = "shop", branchLabels = "b_update_every_row")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.UPDATE_WITHOUT_WHERE)
  public static final class UpdateEveryRow implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.update(DSL.table(DSL.name("orders"))).set(STATUS, "PLACED").execute();
    }
  }

  @Revision(id = "update_some_rows", revises = "shop", branchLabels = "b_update_some_rows")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.UPDATE_WITHOUT_WHERE)
  public static final class UpdateTheRowsThatNeedIt implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.update(DSL.table(DSL.name("orders"))).set(STATUS, "PLACED").where(STATUS.isNull())
          .execute();
    }
  }

  @Revision(id = "delete_every_row", revises = "shop", branchLabels = "b_delete_every_row")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(LintRule.DELETE_WITHOUT_WHERE)
  public static final class DeleteEveryRow implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.deleteFrom(DSL.table(DSL.name("orders"))).execute();
    }
  }

  @Revision(id = "delete_some_rows", revises = "shop", branchLabels = "b_delete_some_rows")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.DELETE_WITHOUT_WHERE)
  public static final class DeleteTheRowsThatNeedIt implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.deleteFrom(DSL.table(DSL.name("orders"))).where(STATUS.eq("CANCELLED")).execute();
    }
  }

  @Revision(id = "delete_new_table", revises = "shop", branchLabels = "b_delete_new_table")
  @Irreversible(Shop.NEVER_APPLIED)
  @Expect(nearMissOf = LintRule.DELETE_WITHOUT_WHERE)
  public static final class EmptyANewTable implements Migration {
    @Override
    public void upgrade(DSLContext db) {
      db.createTable("scratch").column("id", BIGINT.nullable(false)).execute();
      db.deleteFrom(DSL.table(DSL.name("scratch"))).execute();
    }
  }
}

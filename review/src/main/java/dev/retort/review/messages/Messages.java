package dev.retort.review.messages;

import dev.retort.annotations.LintRule;
import dev.retort.review.Dialects;

/**
 * Every word the review says, in one place: each rule's reason and fix per database, what a
 * finding says it found, the notes about what the linter could not check, and the reports'
 * headings. Tests and the documentation use these entries rather than copies of them.
 */
public final class Messages {

  private Messages() {}

  // ---- each rule: why it matters, and what to do instead ----

  /** Why a rule's finding matters, in the databases of one group; one sentence or two. */
  public static String reason(LintRule rule, Dialects dialect) {
    boolean mysql = dialect == Dialects.MYSQL;
    return switch (rule) {
      case CREATE_INDEX_BLOCKING -> "A plain CREATE INDEX holds a SHARE lock on the table until"
          + " the index is built: every INSERT, UPDATE and DELETE waits for it.";
      case CONCURRENT_INDEX_IN_TRANSACTION -> "PostgreSQL refuses to run CREATE or DROP INDEX"
          + " CONCURRENTLY inside a transaction, so this revision fails when it runs.";
      case ADD_FOREIGN_KEY_VALIDATING -> mysql
          ? "MariaDB and MySQL copy the table to add a foreign key while foreign_key_checks is"
              + " on: writes to it wait for the copy, and the referenced table is locked too."
          : "A foreign key added as valid is checked against every row under a SHARE ROW"
              + " EXCLUSIVE lock on both tables: writes to either wait until the scan ends.";
      case ADD_CHECK_VALIDATING -> mysql
          ? "MariaDB and MySQL copy the table to add a check constraint, checking every row:"
              + " writes wait for the copy."
          : "A check constraint added as valid is checked against every row under an ACCESS"
              + " EXCLUSIVE lock: reads and writes wait until the scan ends.";
      case SET_NOT_NULL -> "SET NOT NULL reads every row under an ACCESS EXCLUSIVE lock: reads"
          + " and writes wait until the scan ends, and it fails if a row holds NULL.";
      case ADD_COLUMN_NOT_NULL_NO_DEFAULT -> mysql
          ? "Existing rows get the type's implicit value (0, '') rather than a real one, and"
              + " INSERTs from code that does not know the column fail in strict mode."
          : "It fails on a table that has rows (they would hold NULL), and INSERTs from code"
              + " that does not know the column fail.";
      case ALTER_COLUMN_TYPE -> mysql
          ? "MariaDB and MySQL copy the table to change a column's type: writes wait for the"
              + " copy, and code still running may read values in the new type."
          : "The table and its indexes are rewritten under an ACCESS EXCLUSIVE lock: reads and"
              + " writes wait until the rewrite ends.";
      case ADD_UNIQUE -> "A unique constraint or primary key builds its index under an ACCESS"
          + " EXCLUSIVE lock: reads and writes wait until it is built.";
      case RENAME_COLUMN -> "Code that is still running during the deploy reads and writes the"
          + " old name, and fails until every server runs the new code.";
      case RENAME_TABLE -> "Code that is still running during the deploy uses the old table"
          + " name, and fails until every server runs the new code.";
      case DROP_COLUMN -> "The column's data is gone, and code that is still running during the"
          + " deploy fails when it reads or writes the column.";
      case DROP_TABLE -> "The table's data is gone, and code that is still running during the"
          + " deploy fails when it uses the table.";
      case DATA_AND_DDL_TOGETHER -> "The DDL's lock on the table lasts until the revision"
          + " commits, so the table stays locked for as long as the data change runs.";
      case UPDATE_WITHOUT_WHERE -> "One statement updates every row in one transaction: each row"
          + " stays locked until the revision commits, and a large table is rewritten at once.";
      case DELETE_WITHOUT_WHERE -> "Every row of the table is deleted: the data is gone.";
    };
  }

  /** What to write instead, in the databases of one group. */
  public static String fix(LintRule rule, Dialects dialect) {
    boolean mysql = dialect == Dialects.MYSQL;
    return switch (rule) {
      case CREATE_INDEX_BLOCKING -> "Build it with CREATE INDEX CONCURRENTLY"
          + " (db.execute(\"CREATE INDEX CONCURRENTLY ...\")), alone in a revision with"
          + " transactional = false.";
      case CONCURRENT_INDEX_IN_TRANSACTION -> "Set transactional = false on the @Revision, and"
          + " keep the concurrent index alone in it.";
      case ADD_FOREIGN_KEY_VALIDATING -> mysql
          ? "Add it while the table is small; or, when every row is known to be valid, with"
              + " SET SESSION foreign_key_checks = 0 around the ALTER, and excuse the rule with"
              + " @Allow saying how you know."
          : "Add it NOT VALID (ALTER TABLE ... ADD CONSTRAINT ... NOT VALID), then VALIDATE"
              + " CONSTRAINT in a later revision, which checks the rows without blocking writes.";
      case ADD_CHECK_VALIDATING -> mysql
          ? "Enforce the rule in code until the table is small enough to copy, or excuse the"
              + " rule with @Allow saying why the copy is short."
          : "Add it NOT VALID (ALTER TABLE ... ADD CONSTRAINT ... CHECK (...) NOT VALID), then"
              + " VALIDATE CONSTRAINT in a later revision, which lets reads and writes go on.";
      case SET_NOT_NULL -> "Add CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a"
          + " later revision, then SET NOT NULL, which uses the valid check instead of a scan"
          + " (PostgreSQL 12 and later).";
      case ADD_COLUMN_NOT_NULL_NO_DEFAULT -> "Add the column with a DEFAULT; or nullable, then"
          + " backfill it and set NOT NULL in a later revision.";
      case ALTER_COLUMN_TYPE -> mysql
          ? "Add a column of the new type, write to both, backfill, move reads over, then drop"
              + " the old one. Growing a varchar stays in place while the length prefix keeps"
              + " its size (at most 63 characters before and after, or more than 63 before)."
          : "Add a column of the new type, write to both, backfill, move reads over, then drop"
              + " the old one. Growing varchar(n) to a larger n or to text, and numeric precision"
              + " at the same scale, rewrite nothing and pass.";
      case ADD_UNIQUE -> "CREATE UNIQUE INDEX CONCURRENTLY in a revision with transactional ="
          + " false, then ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX in a later"
          + " revision.";
      case RENAME_COLUMN -> "Add the new column, write to both, backfill, move reads over, and"
          + " drop the old one in a later release; or keep the name in the database and rename"
          + " it in code only.";
      case RENAME_TABLE -> "Keep the name in the database and rename it in code only; or create"
          + " the new table (or a view named after it), move code over, and drop the old one in"
          + " a later release.";
      case DROP_COLUMN -> "First release code that no longer uses the column, then drop it in a"
          + " later revision with @Allow(rule = LintRule.DROP_COLUMN, reason = \"...\") saying"
          + " so.";
      case DROP_TABLE -> "First release code that no longer uses the table, then drop it in a"
          + " later revision with @Allow(rule = LintRule.DROP_TABLE, reason = \"...\") saying"
          + " so.";
      case DATA_AND_DDL_TOGETHER -> "Move the data change into a revision of its own after the"
          + " DDL's, and batch it if the table is large.";
      case UPDATE_WITHOUT_WHERE -> "Backfill in batches (UPDATE ... WHERE id BETWEEN ...) in a"
          + " revision with transactional = false; or, for a table known to be small, excuse"
          + " the rule with @Allow saying so.";
      case DELETE_WITHOUT_WHERE -> "Add the WHERE the change needs; if emptying the table is"
          + " the point, excuse the rule with @Allow saying so.";
    };
  }

  // ---- what a finding found ----

  public static String indexWithoutConcurrently(String index, String table, boolean unique) {
    return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + named(index) + "on " + table
        + ", an existing table, without CONCURRENTLY";
  }

  public static String concurrentIndexInTransaction(boolean create) {
    return (create ? "CREATE" : "DROP") + " INDEX CONCURRENTLY in a revision with transactional"
        + " = true (the default)";
  }

  public static String constraintValidatedAsAdded(String kind, String constraint, String table) {
    return kind + " " + named(constraint) + "added to " + table
        + ", an existing table, and validated in the same statement";
  }

  public static String constraintValidatedInSameTransaction(String kind, String constraint,
      String table, int addedBy) {
    return "VALIDATE CONSTRAINT " + constraint + " on " + table + " in the transaction whose"
        + " statement " + addedBy + " added the " + kind + " NOT VALID: the lock of the ADD lasts"
        + " through the scan";
  }

  public static String setNotNull(String table, String column) {
    return table + "." + column + " set NOT NULL on an existing table";
  }

  public static String notNullColumnWithoutDefault(String table, String column, String type) {
    return table + "." + column + " " + type + " NOT NULL, without a default, added to an"
        + " existing table";
  }

  public static String typeChangeRewrites(String table, String column, String from, String to,
      boolean usingExpression) {
    return table + "." + column + " changed from " + from + " to " + to
        + (usingExpression ? " with a USING expression, which rewrites every value" : "");
  }

  public static String uniqueBuiltUnderLock(String kind, String constraint, String table,
      String columns) {
    return kind + " " + named(constraint) + "(" + columns + ") added to " + table
        + ", an existing table";
  }

  public static String columnRenamed(String table, String from, String to) {
    return table + "." + from + " renamed to " + to;
  }

  public static String tableRenamed(String from, String to) {
    return "table " + from + " renamed to " + to;
  }

  public static String columnDropped(String table, String column) {
    return table + "." + column + " dropped";
  }

  public static String tableDropped(String table) {
    return "table " + table + " dropped";
  }

  public static String dataWithDdl(String verb, String table, int ddlStatement) {
    return verb + " " + table + " in the same transaction as DDL on it (statement " + ddlStatement
        + ")";
  }

  public static String everyRow(String verb, String table) {
    return verb + " " + table + " without a WHERE: every row of an existing table";
  }

  private static String named(String name) {
    return name == null || name.isEmpty() ? "" : name + " ";
  }

  // ---- what the linter could not check ----

  public static String unreadable(int statement, String reason, String sql) {
    return "Statement " + statement + " could not be read (" + reason + "), so no rule checked"
        + " it; review it by hand: " + sql;
  }

  public static String unmodelled(int statement, String reason, String sql) {
    return "Statement " + statement + " was not modelled (" + reason + "), so the schema change"
        + " and the rules do not include it; review it by hand: " + sql;
  }

  public static String failsOnSchema(int statement, String reason, String sql) {
    return "Statement " + statement + " fails on the schema the revisions before it build ("
        + reason + "), so it will fail when it runs, unless that schema is missing something"
        + " the DDL interpreter does not model: " + sql;
  }

  public static String readsData(String read) {
    return "Its upgrade reads data (" + read + "), so what it runs after that read depends on"
        + " the database's contents: only the statements before it were checked; review the"
        + " rest of its code by hand.";
  }

  public static String unknownLintSince(String revision) {
    return "lint_since names " + revision + ", which is no revision of this registry; set it to"
        + " the full id of the last revision the linter should leave alone.";
  }

  public static String notRendered(String reason) {
    return "Its upgrade could not be rendered offline (" + reason + "), so no rule checked it;"
        + " review its code, or run it against a copy of the database.";
  }

  public static String blankExcuse(LintRule rule) {
    return "@Allow(rule = LintRule." + rule.name() + ") has a blank reason, so it excuses"
        + " nothing: say why the change is safe.";
  }

  public static String unusedExcuse(LintRule rule, String dialect) {
    return "@Allow(rule = LintRule." + rule.name() + ") excuses nothing in this revision's"
        + " upgrade for " + dialect + "; remove it once the change it was written for is gone.";
  }

  public static String excusedBecause(String reason) {
    return "excused: " + reason;
  }

  // ---- the reports ----

  public static String reportTitle(int revisions, String dialect) {
    return "Review of " + revisions + " revision" + (revisions == 1 ? "" : "s") + " for "
        + dialect;
  }

  public static String nothingToReview() {
    return "Nothing to review: the range holds no revision.";
  }

  public static String summary(int findings, int excused, int notes) {
    return findings + " finding" + (findings == 1 ? "" : "s") + ", " + excused + " excused, "
        + notes + " note" + (notes == 1 ? "" : "s") + ".";
  }

  public static String lintSummary(int revisions, String dialect, int findings, int excused,
      int notes) {
    return "Linted " + revisions + " revision" + (revisions == 1 ? "" : "s") + " for " + dialect
        + ": " + summary(findings, excused, notes)
        + (excused > 0 ? " retort review shows the excused findings and their reasons." : "");
  }

  // ---- the command line ----

  public static String rangeNeededWithoutDatabase(String command) {
    return command + " has no database to ask which revisions are pending: pass a RANGE such as"
        + " abc123:heads (what an upgrade from abc123 to heads applies), or configure the"
        + " database (url in the configuration file, RETORT_URL, or --url).";
  }

  public static String dialectNeeded(String command) {
    return command + " needs the dialect to render the migrations in: pass --dialect (POSTGRES,"
        + " MARIADB, MYSQL, H2, ...), or configure the database URL it is read from.";
  }

  public static String invalidLintSince(String message, String file) {
    return message + " (lint_since in " + file + ")";
  }

  public static final String NOTE = "note";
  public static final String PARENTS = "Revises";
  public static final String DEPENDS_ON = "depends on";
  public static final String BASE = "<base>";
  public static final String SQL = "SQL";
  public static final String SCHEMA_CHANGE = "Schema change";
  public static final String FINDINGS = "Findings";
  public static final String EXCUSED = "Excused";
  public static final String NOTES = "Not checked";
  public static final String NO_STATEMENTS = "(no statements)";
  public static final String NO_SCHEMA_CHANGE = "(none)";
  public static final String NO_FINDINGS = "none";
  public static final String WHY = "Why";
  public static final String FIX = "Fix";
  public static final String OUTSIDE_A_TRANSACTION = "outside a transaction (transactional ="
      + " false)";
}

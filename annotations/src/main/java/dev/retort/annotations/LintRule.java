package dev.retort.annotations;

import java.util.Locale;

/**
 * The rules of Retort's migration linter ({@code retort lint}, {@code retort review},
 * {@code MigrationTests}), each named in the reports by its stable kebab-case {@link #ruleName()}.
 * Naming one in {@link Allow @Allow} excuses it for one revision; since this is an enum, an
 * excuse that names a rule that does not exist does not compile.
 *
 * <p>The linter judges a revision's upgrade, in the dialect it is asked about, against the schema
 * as it stands before the revision: a table created earlier is <em>existing</em>, one created in
 * the same revision is new, and most rules leave new tables alone (no one reads them yet). The
 * operations guide lists each rule with an example, its reason and its fix.
 */
public enum LintRule {

  /** An index built on an existing table without {@code CONCURRENTLY}: writes wait for it. */
  CREATE_INDEX_BLOCKING,

  /**
   * {@code CREATE} or {@code DROP INDEX CONCURRENTLY} in a transactional revision, which
   * PostgreSQL refuses to run inside a transaction.
   */
  CONCURRENT_INDEX_IN_TRANSACTION,

  /**
   * A foreign key added to an existing table and validated by the same statement (or in the same
   * transaction), which scans the table while writes to both tables wait.
   */
  ADD_FOREIGN_KEY_VALIDATING,

  /**
   * A check constraint added to an existing table and validated by the same statement (or in the
   * same transaction), which scans the table while reads and writes wait.
   */
  ADD_CHECK_VALIDATING,

  /** {@code SET NOT NULL} on a column of an existing table: every row is checked under a lock. */
  SET_NOT_NULL,

  /**
   * A {@code NOT NULL} column without a default added to an existing table: it fails on a table
   * with rows, and older code's inserts fail.
   */
  ADD_COLUMN_NOT_NULL_NO_DEFAULT,

  /** A column type change that rewrites an existing table (known safe widenings pass). */
  ALTER_COLUMN_TYPE,

  /** A unique constraint or primary key added to an existing table, built under a lock. */
  ADD_UNIQUE,

  /** A column of an existing table renamed: code still running during a deploy breaks. */
  RENAME_COLUMN,

  /** An existing table renamed: code still running during a deploy breaks. */
  RENAME_TABLE,

  /** A column of an existing table dropped: its data is lost, and older code breaks. */
  DROP_COLUMN,

  /** An existing table dropped: its data is lost, and older code breaks. */
  DROP_TABLE,

  /**
   * An {@code UPDATE} or {@code DELETE} in the same transactional revision as DDL on the same
   * table: the table stays locked while the data changes.
   */
  DATA_AND_DDL_TOGETHER,

  /** An {@code UPDATE} of every row of an existing table, in one statement and transaction. */
  UPDATE_WITHOUT_WHERE,

  /** A {@code DELETE} of every row of an existing table. */
  DELETE_WITHOUT_WHERE;

  /**
   * The rule's stable name in reports and documentation: the constant in lower case with dashes,
   * {@code create-index-blocking} for {@link #CREATE_INDEX_BLOCKING}.
   */
  public String ruleName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

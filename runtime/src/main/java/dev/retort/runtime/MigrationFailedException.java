package dev.retort.runtime;

import java.util.List;

/**
 * A revision's upgrade or downgrade threw. {@link #rolledBack()} says what state it left: {@code
 * true} when the revision ran in a transaction on a database with transactional DDL (PostgreSQL,
 * SQLite), so the database is exactly at the previous revision; {@code false} when it may be
 * partly applied (DDL on MySQL, MariaDB and H2, which commit each CREATE, ALTER and DROP, or a
 * {@code transactional = false} revision), in which case the failure is
 * recorded and the next run refuses until it is checked and marked repaired. Revisions applied
 * earlier in the same run stay applied (they were committed), unless the whole run was one
 * transaction.
 */
public final class MigrationFailedException extends RetortException {

  private static final long serialVersionUID = 1L;

  private final transient RevisionInfo revision;
  private final boolean rolledBack;
  private final transient List<MigrationStep> completed;

  /**
   * An exception naming the revision that failed and what it left.
   *
   * @param revision the revision that failed
   * @param rolledBack whether its changes were rolled back completely
   * @param completed the steps of the run that completed before it, and stay committed
   * @param cause what the migration threw
   */
  public MigrationFailedException(String message, RevisionInfo revision, boolean rolledBack,
      List<MigrationStep> completed, Throwable cause) {
    super(message, cause);
    this.revision = revision;
    this.rolledBack = rolledBack;
    this.completed = List.copyOf(completed);
  }

  /** The revision that failed. */
  public RevisionInfo revision() {
    return revision;
  }

  /** Whether the failed revision's changes were rolled back completely. */
  public boolean rolledBack() {
    return rolledBack;
  }

  /** The steps of this run that completed, and stay committed, before the failure. */
  public List<MigrationStep> completed() {
    return completed;
  }
}

package dev.retort.runtime;

/**
 * A revision failed earlier without being rolled back (DDL on MySQL, MariaDB or H2, or a {@code
 * transactional = false} revision), or a runner died in the middle of one, so the schema may be
 * partly changed. Every run refuses until
 * someone checks the schema and calls {@code repair()}. Thrown before anything runs: nothing
 * changed.
 */
public final class UnresolvedFailureException extends RetortException {

  private static final long serialVersionUID = 1L;

  /** An exception naming the revision, when it failed, and how to repair it. */
  public UnresolvedFailureException(String message) {
    super(message);
  }
}

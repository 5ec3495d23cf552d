package dev.retort.runtime;

/**
 * A downgrade would pass through a revision annotated {@code @Irreversible}. The runtime checks
 * the whole downgrade before running any of it, so when it throws this nothing changed.
 */
public final class IrreversibleMigrationException extends RetortException {

  private static final long serialVersionUID = 1L;

  /** An exception naming the irreversible revisions and their reasons. */
  public IrreversibleMigrationException(String message) {
    super(message);
  }
}

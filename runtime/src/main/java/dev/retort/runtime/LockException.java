package dev.retort.runtime;

/** Another runner held the migration lock for longer than the lock timeout. Nothing changed. */
public final class LockException extends RetortException {

  private static final long serialVersionUID = 1L;

  public LockException(String message) {
    super(message);
  }

  public LockException(String message, Throwable cause) {
    super(message, cause);
  }
}

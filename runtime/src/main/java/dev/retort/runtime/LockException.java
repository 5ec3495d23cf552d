package dev.retort.runtime;

/**
 * The migration lock could not be had or kept: another runner held it for longer than the lock
 * timeout (nothing changed), or a lease was lost during a run (the message says whether the
 * revision that was running was rolled back).
 */
public final class LockException extends RetortException {

  private static final long serialVersionUID = 1L;

  /** An exception naming the lock and its holder. */
  public LockException(String message) {
    super(message);
  }

  /** An exception naming the lock, with the failure that caused it. */
  public LockException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.retort.runtime;

/**
 * The base of every exception Retort throws. Unless a subclass says otherwise, an operation that
 * throws one changed nothing: it failed before touching the schema or the state tables.
 */
public class RetortException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An exception with its message, which says what failed and how to fix it. */
  public RetortException(String message) {
    super(message);
  }

  /** An exception with its message and the failure that caused it. */
  public RetortException(String message, Throwable cause) {
    super(message, cause);
  }
}

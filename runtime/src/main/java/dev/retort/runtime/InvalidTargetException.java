package dev.retort.runtime;

/**
 * A target that names no revision, or more than one where one is needed ({@code head} with
 * several heads, an ambiguous id prefix, a relative step past the end or through a fork). Thrown
 * before anything runs: nothing changed.
 */
public final class InvalidTargetException extends RetortException {

  private static final long serialVersionUID = 1L;

  /** An exception with its message, in Alembic's wording where Alembic has one. */
  public InvalidTargetException(String message) {
    super(message);
  }
}

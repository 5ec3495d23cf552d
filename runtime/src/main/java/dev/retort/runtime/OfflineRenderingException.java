package dev.retort.runtime;

/**
 * A migration could not be rendered without a database: {@code sql(from, to, dialect)} met one
 * that reads data (a query's result decides what it writes), or a migration threw while its
 * statements were recorded ({@link OfflineSchema}). Nothing was run.
 */
public final class OfflineRenderingException extends RetortException {

  private static final long serialVersionUID = 1L;

  public OfflineRenderingException(String message) {
    super(message);
  }

  public OfflineRenderingException(String message, Throwable cause) {
    super(message, cause);
  }
}

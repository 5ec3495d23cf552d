package dev.retort.runtime;

/**
 * {@code sql(from, to, dialect)} met a migration it cannot render without a database: one that
 * reads data (a query's result decides what it writes). Nothing was run.
 */
public final class OfflineRenderingException extends RetortException {

  private static final long serialVersionUID = 1L;

  public OfflineRenderingException(String message) {
    super(message);
  }
}

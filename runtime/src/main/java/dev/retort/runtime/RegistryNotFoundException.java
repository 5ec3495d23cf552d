package dev.retort.runtime;

/**
 * {@link java.util.ServiceLoader} found no generated registry, or several, where exactly one was
 * expected. Pass the registry explicitly ({@code Retort.using(dataSource, Revisions.REGISTRY)}).
 */
public final class RegistryNotFoundException extends RetortException {

  private static final long serialVersionUID = 1L;

  /** An exception saying what was found and how to choose. */
  public RegistryNotFoundException(String message) {
    super(message);
  }
}

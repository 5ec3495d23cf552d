package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.RetortException;

/**
 * A {@code retort.*} property has a value Retort cannot use. Thrown while the application context
 * starts, before anything runs: nothing changed. The message names the property and never quotes
 * a password or a URL, which may hold one.
 */
public final class InvalidRetortPropertyException extends RetortException {

  private static final long serialVersionUID = 1L;

  private final String property;

  InvalidRetortPropertyException(String property, String message) {
    super(message);
    this.property = property;
  }

  InvalidRetortPropertyException(String property, String message, Throwable cause) {
    super(message, cause);
    this.property = property;
  }

  /** The property to fix, such as {@code retort.version-table}. */
  public String property() {
    return property;
  }
}

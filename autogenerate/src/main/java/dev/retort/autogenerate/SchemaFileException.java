package dev.retort.autogenerate;

/**
 * A schema file that cannot be read, parsed or interpreted. The message is one line naming the
 * file, and the line where there is one; nothing was written when it is thrown.
 */
public final class SchemaFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SchemaFileException(String message, Throwable cause) {
    super(message, cause);
  }
}

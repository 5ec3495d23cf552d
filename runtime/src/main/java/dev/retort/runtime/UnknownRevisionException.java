package dev.retort.runtime;

import java.util.List;

/**
 * The database records a revision this build's registry does not contain: the schema is newer
 * than the code (or belongs to another application). Thrown before anything runs: nothing changed.
 */
public final class UnknownRevisionException extends RetortException {

  private static final long serialVersionUID = 1L;

  private final List<String> unknownIds;

  /**
   * An exception naming the revisions this build lacks.
   *
   * @param unknownIds the ids the database records that the registry does not know
   */
  public UnknownRevisionException(String message, List<String> unknownIds) {
    super(message);
    this.unknownIds = List.copyOf(unknownIds);
  }

  /** The ids the database records that the registry does not know. */
  public List<String> unknownIds() {
    return unknownIds;
  }
}

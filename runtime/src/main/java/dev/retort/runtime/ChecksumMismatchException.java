package dev.retort.runtime;

import java.util.List;

/**
 * An applied revision's source changed after it was applied: its compiled checksum differs from
 * the one recorded when it ran. Thrown by {@code upgrade} and {@code validate} before anything
 * runs: nothing changed. {@code repair()} records the new checksums when the edit was deliberate.
 */
public final class ChecksumMismatchException extends RetortException {

  private static final long serialVersionUID = 1L;

  private final transient List<RevisionInfo> edited;

  /**
   * An exception naming the edited revisions.
   *
   * @param edited the revisions whose source differs from what was applied
   */
  public ChecksumMismatchException(String message, List<RevisionInfo> edited) {
    super(message);
    this.edited = List.copyOf(edited);
  }

  /** The revisions whose source differs from what was applied. */
  public List<RevisionInfo> edited() {
    return edited;
  }
}

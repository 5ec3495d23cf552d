package dev.retort.runtime;

import java.util.List;

/**
 * What {@code check()} found: where the database is, and what an {@code upgrade heads} would
 * apply.
 *
 * @param current the revisions the database is at, one per head; empty at base
 * @param pending what {@code upgrade heads} would apply, in the order it would
 */
public record Status(List<RevisionInfo> current, List<RevisionInfo> pending) {

  /** A status, the lists copied. */
  public Status {
    current = List.copyOf(current);
    pending = List.copyOf(pending);
  }

  /** Whether the database is on every head: nothing is pending. */
  public boolean upToDate() {
    return pending.isEmpty();
  }
}

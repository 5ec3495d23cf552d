package dev.retort.runtime;

import java.util.List;

/**
 * What {@code check()} found: where the database is, and what an {@code upgrade heads} would
 * apply.
 */
public record Status(List<RevisionInfo> current, List<RevisionInfo> pending) {

  public Status {
    current = List.copyOf(current);
    pending = List.copyOf(pending);
  }

  /** Whether the database is on every head: nothing is pending. */
  public boolean upToDate() {
    return pending.isEmpty();
  }
}

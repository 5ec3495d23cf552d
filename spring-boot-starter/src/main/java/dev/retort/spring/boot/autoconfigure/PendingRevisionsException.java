package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.RetortException;
import dev.retort.runtime.RevisionInfo;
import java.util.List;

/**
 * With {@code retort.mode=validate}, revisions up to {@code retort.target} are not applied yet.
 * Thrown while the application context starts; validation applies nothing, so nothing changed.
 */
public final class PendingRevisionsException extends RetortException {

  private static final long serialVersionUID = 1L;

  private final transient List<RevisionInfo> pending;

  PendingRevisionsException(String message, List<RevisionInfo> pending) {
    super(message);
    this.pending = List.copyOf(pending);
  }

  /** The revisions not applied yet, parents first. */
  public List<RevisionInfo> pending() {
    return pending;
  }
}

package dev.retort.runtime;

import dev.retort.annotations.internal.RevisionRecords;
import dev.retort.runtime.messages.Messages;
import java.util.List;
import java.util.Optional;

/**
 * One revision of a {@link RevisionRegistry}: what its {@code @Revision} declares, where it sits
 * in the graph, and the checksum of its source. The generated registry holds one constant of this
 * type per revision ({@code Revisions.ADD_EMAIL_VERIFIED_COLUMN_TO_USERS}), which the runtime
 * accepts wherever a target revision is expected.
 *
 * <p>Holding a {@code RevisionInfo} does not load the migration class; {@link
 * RevisionRegistry#migration(RevisionInfo)} does, when the revision is about to run.
 */
public final class RevisionInfo {

  private final int index;
  private final String id;
  // The class name, message and checksum stay in the record the registry was built from, a
  // string its class keeps anyway: each is read when asked for, which the runtime does only when
  // it runs, records or shows the revision.
  private final String records;
  private final int at;
  private final boolean transactional;
  private final String irreversibleReason;
  private final List<String> revises;
  private final List<String> dependsOn;
  private final List<String> branchLabels;

  RevisionInfo(
      int index,
      String id,
      String records,
      int at,
      boolean transactional,
      String irreversibleReason,
      List<String> revises,
      List<String> dependsOn,
      List<String> branchLabels) {
    this.index = index;
    this.id = id;
    this.records = records;
    this.at = at;
    this.transactional = transactional;
    this.irreversibleReason = irreversibleReason;
    this.revises = revises;
    this.dependsOn = dependsOn;
    this.branchLabels = branchLabels;
  }

  /** The position in the registry's topological order: every parent and dependency comes first. */
  public int index() {
    return index;
  }

  /** The id recorded in the database. */
  public String id() {
    return id;
  }

  /** The binary name of the migration class. */
  public String className() {
    return RevisionRecords.className(records, at);
  }

  /** The one-line description; empty when the revision declares none. */
  public String message() {
    return RevisionRecords.message(records, at);
  }

  /**
   * The checksum of the migration's source tokens (comments and formatting ignored), computed at
   * compile time; empty when the compiler offered no source trees to compute it from.
   */
  public String checksum() {
    return RevisionRecords.checksum(records, at);
  }

  /** Whether the revision runs inside a transaction together with the record of it. */
  public boolean transactional() {
    return transactional;
  }

  /** Whether the revision has a downgrade. */
  public boolean reversible() {
    return irreversibleReason == null;
  }

  /** Why the revision cannot be downgraded, when it is {@code @Irreversible}. */
  public Optional<String> irreversibleReason() {
    return Optional.ofNullable(irreversibleReason);
  }

  /** The ids of the parent revisions; empty for a base, two or more for a merge. */
  public List<String> revises() {
    return revises;
  }

  /** The ids of the cross-branch dependencies ({@code depends_on}). */
  public List<String> dependsOn() {
    return dependsOn;
  }

  /** The branch labels this revision declares. */
  public List<String> branchLabels() {
    return branchLabels;
  }

  /** Whether this revision joins two or more parents. */
  public boolean isMerge() {
    return revises.size() > 1;
  }

  /** Whether this revision starts a history or an independent branch. */
  public boolean isBase() {
    return revises.isEmpty();
  }

  /** Alembic's one-line form: {@code parent -> id, message}. */
  @Override
  public String toString() {
    String message = message();
    return Messages.heads(revises) + " -> " + id + (message.isEmpty() ? "" : ", " + message);
  }
}

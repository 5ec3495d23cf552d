package dev.retort.runtime;

import dev.retort.annotations.internal.RevisionRecords;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of a generated registry, in the topological order the processor computed. Generated
 * code fills it through {@link Builder}; the runtime reads it through {@link GeneratedRegistry}.
 * Building it resolves ids to indexes and nothing more: the graph itself was computed at compile
 * time.
 */
public final class RevisionTable {

  /** The empty id list, shared by generated rows. */
  public static final String[] NONE = {};

  private static final int[] NO_INDEXES = {};

  private final List<RevisionInfo> revisions;
  private final Map<String, RevisionInfo> byId;
  private final int[][] parents;
  private final int[][] dependencies;
  private final List<RevisionInfo> heads;
  private final List<RevisionInfo> bases;

  private RevisionTable(Builder builder, String[] headIds, String[] baseIds) {
    this.revisions = Collections.unmodifiableList(builder.rows);
    this.byId = builder.byId;
    this.parents = new int[revisions.size()][];
    this.dependencies = new int[revisions.size()][];
    for (RevisionInfo revision : revisions) {
      parents[revision.index()] = indexesBefore(revision, revision.revises());
      dependencies[revision.index()] = indexesBefore(revision, revision.dependsOn());
    }
    this.heads = lookUpAll(headIds);
    this.bases = lookUpAll(baseIds);
  }

  /** Starts a table of {@code expectedSize} rows. */
  public static Builder builder(int expectedSize) {
    return new Builder(expectedSize);
  }

  List<RevisionInfo> revisions() {
    return revisions;
  }

  /**
   * The revisions in topological order, in a new array: a generated registry initialises its
   * constants from it by index, because javac charges every method call in a static initialiser
   * a walk over all members of the class, which made ten thousand constants quadratic to compile.
   */
  public RevisionInfo[] revisionArray() {
    return revisions.toArray(new RevisionInfo[0]);
  }

  RevisionInfo revision(String id) {
    return byId.get(id);
  }

  List<RevisionInfo> heads() {
    return heads;
  }

  List<RevisionInfo> bases() {
    return bases;
  }

  int[] parentIndexes(int index) {
    return parents[index].clone();
  }

  int[] dependencyIndexes(int index) {
    return dependencies[index].clone();
  }

  private int[] indexesBefore(RevisionInfo child, List<String> ids) {
    if (ids.isEmpty()) {
      return NO_INDEXES;
    }
    int[] indexes = new int[ids.size()];
    for (int i = 0; i < indexes.length; i++) {
      RevisionInfo other = lookUp(ids.get(i));
      if (other.index() >= child.index()) {
        throw new IllegalStateException(Messages.registryOutOfOrder(other.id(), child.id()));
      }
      indexes[i] = other.index();
    }
    return indexes;
  }

  private List<RevisionInfo> lookUpAll(String[] ids) {
    List<RevisionInfo> found = new ArrayList<>(ids.length);
    for (String id : ids) {
      found.add(lookUp(id));
    }
    return Collections.unmodifiableList(found);
  }

  private RevisionInfo lookUp(String id) {
    RevisionInfo revision = byId.get(id);
    if (revision == null) {
      throw new IllegalStateException(Messages.registryNamesUnknownRevision(id));
    }
    return revision;
  }

  /** Collects the rows of a generated registry. */
  public static final class Builder {

    private final List<RevisionInfo> rows;
    private final Map<String, RevisionInfo> byId;

    private Builder(int expectedSize) {
      this.rows = new ArrayList<>(expectedSize);
      this.byId = new HashMap<>(Math.max(16, expectedSize * 4 / 3 + 1));
    }

    /**
     * Adds the next revision in topological order.
     *
     * @param id the revision's id
     * @param className the migration class's binary name
     * @param message the one-line description, empty for none
     * @param checksum the checksum of its source, empty for none
     * @param transactional whether it runs in a transaction with the record of it
     * @param irreversibleReason why the revision has no downgrade, or {@code null} if it has one;
     *     printed within one line, so one line without control characters (the processor
     *     enforces it for the registries it writes; this builder takes the reason as given)
     * @param revises the ids of its parents, each added before it
     * @param dependsOn the ids of its cross-branch dependencies, each added before it
     * @param branchLabels the branch labels it declares
     * @return this builder
     * @throws IllegalStateException if the id was added already: the generated registry is
     *     stale, and a rebuild fixes it
     * @throws NullPointerException if an argument other than {@code irreversibleReason} is null
     *     or holds a null
     */
    public Builder add(
        String id,
        String className,
        String message,
        String checksum,
        boolean transactional,
        String irreversibleReason,
        String[] revises,
        String[] dependsOn,
        String[] branchLabels) {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(className, "className");
      Objects.requireNonNull(message, "message (empty for none)");
      Objects.requireNonNull(checksum, "checksum (empty for none)");
      List<String> parents = listOf(revises);
      List<String> dependencies = listOf(dependsOn);
      List<String> labels = listOf(branchLabels);
      StringBuilder record = new StringBuilder();
      RevisionRecords.append(record, className, id, message, checksum, transactional,
          irreversibleReason, parents, dependencies, labels);
      return add(record.toString(), 0, id, transactional, irreversibleReason, parents,
          dependencies, labels);
    }

    /**
     * Adds the revisions that a generated registry encodes in one string, in topological order:
     * the compact form of {@link #add} that Retort's processor writes, so that javac has one
     * string constant to compile for many revisions rather than a call for each.
     *
     * @param records the rows, in the format of Retort's processor
     * @return this builder
     * @throws IllegalStateException if another version of Retort's processor wrote the rows, or
     *     an id was added already: the generated registry is stale, and a rebuild fixes it
     */
    public Builder addRecords(String records) {
      try {
        RevisionRecords.readRows(records, (at, id, transactional, reason, revises, dependsOn,
            branchLabels) -> add(records, at, id, transactional, reason, knownIds(revises),
                knownIds(dependsOn), branchLabels));
      } catch (IllegalArgumentException unreadable) {
        throw new IllegalStateException(Messages.registryRowsUnreadable(
            rows.isEmpty() ? null : rows.get(rows.size() - 1).id()), unreadable);
      }
      return this;
    }

    private Builder add(String records, int at, String id, boolean transactional,
        String irreversibleReason, List<String> revises, List<String> dependsOn,
        List<String> branchLabels) {
      RevisionInfo revision = new RevisionInfo(rows.size(), id, records, at, transactional,
          irreversibleReason, revises, dependsOn, branchLabels);
      if (byId.putIfAbsent(id, revision) != null) {
        throw new IllegalStateException(Messages.registryListsRevisionTwice(id));
      }
      rows.add(revision);
      return this;
    }

    /**
     * The ids with the strings of the revisions already added where there are some, so a parent's
     * id is held once however many children name it. An unknown id stays, for {@link #build} to
     * report.
     */
    private List<String> knownIds(List<String> ids) {
      if (ids.isEmpty()) {
        return ids;
      }
      String[] known = new String[ids.size()];
      for (int i = 0; i < known.length; i++) {
        RevisionInfo revision = byId.get(ids.get(i));
        known[i] = revision == null ? ids.get(i) : revision.id();
      }
      return List.of(known);
    }

    /**
     * Finishes the table with the heads and bases the processor computed.
     *
     * @param heads the ids of the heads, sorted
     * @param bases the ids of the bases, sorted
     * @return the table
     * @throws IllegalStateException if a revision names a parent or dependency not added, or
     *     added after it, or a head or base is unknown: the generated registry is stale, and a
     *     rebuild fixes it
     */
    public RevisionTable build(String[] heads, String[] bases) {
      return new RevisionTable(this, heads, bases);
    }

    private static List<String> listOf(String[] ids) {
      return ids.length == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(ids.clone()));
    }
  }
}

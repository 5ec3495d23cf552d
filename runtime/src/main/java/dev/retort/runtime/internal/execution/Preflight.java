package dev.retort.runtime.internal.execution;

import dev.retort.runtime.ChecksumMismatchException;
import dev.retort.runtime.IrreversibleMigrationException;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.UnknownRevisionException;
import dev.retort.runtime.UnresolvedFailureException;
import dev.retort.runtime.internal.graph.Graph;
import dev.retort.runtime.internal.plan.Plan.Kind;
import dev.retort.runtime.internal.plan.Planner;
import dev.retort.runtime.internal.state.StateReader.Recorded;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every command that changes the database checks before it plans, and {@code validate}
 * checks alone: that the database is at revisions this build knows, that no failure awaits
 * repair, and that no applied revision was edited since. Each refusal changes nothing.
 */
public final class Preflight {

  private final Graph graph;

  public Preflight(Graph graph) {
    this.graph = graph;
  }

  /**
   * The heads the version table's rows name, by index, sorted.
   *
   * @throws UnknownRevisionException if a row names a revision this build lacks
   */
  public List<Integer> heads(List<String> rows) {
    List<String> unknown = new ArrayList<>();
    List<Integer> heads = new ArrayList<>();
    for (String id : rows) {
      Optional<RevisionInfo> known = graph.registry().revision(id);
      if (known.isPresent()) {
        heads.add(known.get().index());
      } else {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      throw new UnknownRevisionException(Messages.unknownRevisions(unknown), unknown);
    }
    heads.sort(null);
    return heads;
  }

  /**
   * Refuses an unresolved failure, then an edited applied revision.
   *
   * @param heads the heads the database is at, by index
   * @param applied the revisions the database has applied
   * @throws UnresolvedFailureException if a failure that was not rolled back awaits repair
   * @throws ChecksumMismatchException if an applied revision's checksum differs from the one
   *     recorded when it ran
   */
  public void check(Map<String, Recorded> recorded, List<Integer> heads, BitSet applied) {
    for (Map.Entry<String, Recorded> entry : recorded.entrySet()) {
      Recorded state = entry.getValue();
      if (state.unresolvedFailure()) {
        Optional<RevisionInfo> revision = graph.registry().revision(entry.getKey());
        String name = revision.map(Messages::describe).orElse(entry.getKey());
        List<String> reached = revision.map(known -> headsAfter(known, state, heads))
            .orElse(null);
        throw new UnresolvedFailureException(Messages.unresolvedFailure(name,
            state.interrupted(), state.at(), state.host(), reached));
      }
    }
    List<RevisionInfo> edited = edited(recorded, applied);
    if (!edited.isEmpty()) {
      throw new ChecksumMismatchException(Messages.edited(edited), edited);
    }
  }

  /**
   * The heads the failed step would have left, from the heads the database is at: it recorded
   * nothing, so they are the heads before it. Unknown ({@code null}) if the database is not where
   * that step starts, because the version table was changed since.
   */
  private List<String> headsAfter(RevisionInfo revision, Recorded state, List<Integer> heads) {
    BitSet applied = graph.closure(heads);
    boolean startsHere = state.down() ? applied.get(revision.index())
        : !applied.get(revision.index()) && parentsApplied(revision, applied);
    if (!startsHere) {
      return null;
    }
    try {
      return new Planner(graph).headsAfter(revision, state.down() ? Kind.DOWNGRADE : Kind.UPGRADE,
          heads);
    } catch (IrreversibleMigrationException e) {
      return null;
    }
  }

  private boolean parentsApplied(RevisionInfo revision, BitSet applied) {
    for (int[] needed : new int[][] {graph.parents(revision.index()),
        graph.dependencies(revision.index())}) {
      for (int index : needed) {
        if (!applied.get(index)) {
          return false;
        }
      }
    }
    return true;
  }

  /** What {@code repair} records: every edited applied revision, and every unresolved failure. */
  public List<RevisionInfo> toRepair(Map<String, Recorded> recorded, BitSet applied) {
    List<RevisionInfo> repaired = new ArrayList<>();
    for (RevisionInfo revision : graph.registry().revisions()) {
      Recorded entry = recorded.get(revision.id());
      boolean edited = applied.get(revision.index()) && entry != null
          && checksumDiffers(entry.checksum(), revision.checksum());
      if (edited || entry != null && entry.unresolvedFailure()) {
        repaired.add(revision);
      }
    }
    return repaired;
  }

  private List<RevisionInfo> edited(Map<String, Recorded> recorded, BitSet applied) {
    List<RevisionInfo> edited = new ArrayList<>();
    for (int i = applied.nextSetBit(0); i >= 0; i = applied.nextSetBit(i + 1)) {
      RevisionInfo revision = graph.revision(i);
      Recorded entry = recorded.get(revision.id());
      if (entry != null && checksumDiffers(entry.checksum(), revision.checksum())) {
        edited.add(revision);
      }
    }
    return edited;
  }

  /** A checksum that either side lacks (an old record, a build without sources) is no edit. */
  private static boolean checksumDiffers(String recorded, String compiled) {
    return recorded != null && !recorded.isEmpty() && !compiled.isEmpty()
        && !recorded.equals(compiled);
  }
}

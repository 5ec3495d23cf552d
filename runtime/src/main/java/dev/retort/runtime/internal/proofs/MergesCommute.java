package dev.retort.runtime.internal.proofs;

import static dev.retort.runtime.RevisionProofs.MERGE_COMMUTES;

import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionProofs.Failed;
import dev.retort.runtime.RevisionProofs.Outcome;
import dev.retort.runtime.RevisionProofs.Proof;
import dev.retort.runtime.RevisionProofs.Skipped;
import dev.retort.runtime.SchemaSnapshot;
import dev.retort.runtime.internal.graph.Graph;
import dev.retort.runtime.internal.proofs.ModelledRevisions.Applied;
import dev.retort.runtime.internal.proofs.ModelledRevisions.Built;
import dev.retort.runtime.internal.proofs.ModelledRevisions.Stopped;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Meta;

/**
 * For every merge, whether applying its parents' branches in either order gives the same schema.
 * Two branches that change the same column in different ways pass every linear check and still
 * leave databases that merged them in different orders with different schemas.
 */
public final class MergesCommute {

  private final ModelledRevisions revisions;
  private final Graph graph;

  MergesCommute(ModelledRevisions revisions) {
    this.revisions = revisions;
    this.graph = new Graph(revisions.registry());
  }

  List<Proof> prove() {
    List<Proof> proofs = new ArrayList<>();
    for (RevisionInfo merge : revisions.registry().revisions()) {
      if (merge.isMerge()) {
        proofs.add(prove(merge));
      }
    }
    return proofs;
  }

  private Proof prove(RevisionInfo merge) {
    List<BitSet> lineages = new ArrayList<>();
    for (int parent : graph.parents(merge.index())) {
      lineages.add(graph.closure(List.of(parent)));
    }
    BitSet shared = (BitSet) lineages.get(0).clone();
    lineages.forEach(shared::and);
    List<BitSet> branches = new ArrayList<>();
    for (BitSet lineage : lineages) {
      BitSet branch = (BitSet) lineage.clone();
      branch.andNot(shared);
      branches.add(branch);
    }
    Applied base = revisions.applyUpgrades(revisions.model().empty(), shared,
        "before the branches");
    if (base instanceof Stopped stopped) {
      return switch (stopped.why()) {
        case UNMODELLED -> skipped(merge, stopped.detail());
        case FAILS -> skipped(merge, Messages.branchesStartUnapplied(stopped.detail()));
        case THREW -> failed(merge, stopped.detail());
      };
    }
    Meta start = ((Built) base).schema();
    List<BitSet> reversed = new ArrayList<>(branches);
    Collections.reverse(reversed);
    Applied forward = inOrder(start, branches);
    Applied backward = forward instanceof Built ? inOrder(start, reversed) : forward;
    if (backward instanceof Stopped stopped) {
      return switch (stopped.why()) {
        case UNMODELLED -> skipped(merge, stopped.detail());
        case FAILS -> failed(merge, Messages.branchesConflict(merge.revises(), stopped.detail()));
        case THREW -> failed(merge, stopped.detail());
      };
    }
    Built one = (Built) forward;
    Built other = (Built) backward;
    Proof proof = Comparison.compare(MERGE_COMMUTES, merge, SchemaSnapshot.of(one.schema()),
        other.schema(), Messages.mergeDiffers(merge.revises()));
    if (proof.outcome() != Outcome.PASSED) {
      return proof;
    }
    if (one.changesData()) {
      return skipped(merge, Messages.mergeChangesData());
    }
    return one.leftOut().isEmpty() ? proof : skipped(merge, Messages.mergePartlyProven(one.leftOut()));
  }

  /** The branches applied one after the other, in the order given. */
  private Applied inOrder(Meta start, List<BitSet> branches) {
    Meta schema = start;
    boolean changesData = false;
    Set<String> leftOut = new LinkedHashSet<>();
    for (BitSet branch : branches) {
      Applied applied = revisions.applyUpgrades(schema, branch, "on a branch");
      if (applied instanceof Stopped) {
        return applied;
      }
      Built built = (Built) applied;
      schema = built.schema();
      changesData |= built.changesData();
      leftOut.addAll(built.leftOut());
    }
    return new Built(schema, changesData, new ArrayList<>(leftOut));
  }

  private static Proof skipped(RevisionInfo merge, String detail) {
    return new Skipped(MERGE_COMMUTES, merge, detail);
  }

  private static Proof failed(RevisionInfo merge, String detail) {
    return new Failed(MERGE_COMMUTES, merge, detail);
  }
}

package dev.retort.runtime.internal.graph;

import dev.retort.runtime.InvalidTargetException;
import dev.retort.runtime.internal.graph.Target.Relative;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/** What a downgrade to a target removes, as Alembic computes it. */
public final class DowngradeTargets {

  private final Graph graph;
  private final TargetResolver resolver;

  public DowngradeTargets(TargetResolver resolver) {
    this.resolver = resolver;
    this.graph = resolver.graph();
  }

  /**
   * The applied revisions a downgrade to the target removes.
   *
   * @param applied what the database has applied
   * @param current the heads it is at
   * @throws InvalidTargetException for steps up from where the database is, which only an
   *     upgrade takes, and for a destination that is not applied or not one revision
   */
  public BitSet removed(Target target, BitSet applied, List<Integer> current) {
    if (target instanceof Relative walk && walk.fromCurrent() && walk.steps() >= 0) {
      throw new InvalidTargetException(Messages.relativeIsAnUpgrade(target.text()));
    }
    if (target instanceof Target.Base base) {
      return base.branch().map(branch -> branchDown(branch, applied))
          .orElseGet(() -> (BitSet) applied.clone());
    }
    if (target instanceof Relative walk && walk.fromCurrent() && walk.branch().isEmpty()) {
      return lastSteps(walk, applied, current);
    }
    List<Integer> destinations = resolver.resolve(target, current);
    if (destinations.size() > 1) {
      throw new InvalidTargetException(Messages.downgradeNeedsOneDestination(target.text(),
          resolver.ids(destinations)));
    }
    int destination = destinations.isEmpty() ? Graph.BASE : destinations.get(0);
    if (destination != Graph.BASE && !applied.get(destination)) {
      throw new InvalidTargetException(
          Messages.destinationNotApplied(graph.revision(destination).id()));
    }
    return removedAbove(destination, target.branch(), applied, target.text());
  }

  /**
   * {@code BRANCH@base}: the branch's own revisions (see {@link Graph#branchOf}) and everything
   * that needs them; what the branch forked from stays.
   */
  private BitSet branchDown(String branch, BitSet applied) {
    BitSet removed = graph.withDependents(graph.roots(graph.branchOf(
        resolver.branchAnchor(branch))));
    removed.and(applied);
    return removed;
  }

  /** {@code -N}: the last N steps below the single head; a merge may be the last one removed. */
  private BitSet lastSteps(Relative walk, BitSet applied, List<Integer> current) {
    int steps = -walk.steps();
    int lowest = resolver.singleCurrent(current, walk);
    for (int step = 1; step < steps; step++) {
      int[] parents = graph.parents(lowest);
      if (parents.length != 1) {
        throw new InvalidTargetException(parents.length == 0
            ? Messages.walkTooShort(walk.text(), steps)
            : Messages.ambiguousWalkAtMerge(walk.text(), graph.revision(lowest).id()));
      }
      lowest = parents[0];
    }
    BitSet removed = graph.withDependents(List.of(lowest));
    removed.and(applied);
    return removed;
  }

  /**
   * What a downgrade to {@code destination} ({@link Graph#BASE} for base) removes, as Alembic
   * does: the destination's children and everything that needs them, through parents or
   * dependencies. What depends on the destination itself stays, since the destination stays.
   * With a branch, a fork's children are narrowed to those on the branch's line, so a sibling
   * branch stays too.
   */
  private BitSet removedAbove(int destination, Optional<String> branch, BitSet applied,
      String target) {
    List<Integer> roots = new ArrayList<>(graph.next(destination));
    if (branch.isPresent() && roots.size() > 1) {
      BitSet line = graph.ancestorsThroughParents(resolver.branchAnchor(branch.get()));
      roots.removeIf(root -> !line.get(root));
      if (roots.isEmpty()) {
        throw new InvalidTargetException(Messages.nothingAboveOnBranch(target, branch.get()));
      }
    }
    BitSet removed = graph.withDependents(roots);
    removed.and(applied);
    return removed;
  }
}

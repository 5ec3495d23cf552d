package dev.retort.runtime.internal.plan;

import dev.retort.runtime.InvalidTargetException;
import dev.retort.runtime.IrreversibleMigrationException;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.internal.graph.DowngradeTargets;
import dev.retort.runtime.internal.graph.Graph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.graph.TargetResolver;
import dev.retort.runtime.internal.plan.Plan.Kind;
import dev.retort.runtime.internal.plan.Plan.Step;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a command and the heads the database is at into a {@link Plan}: pure, with no database,
 * so that {@code upgrade}, {@code downgrade}, {@code revert}, {@code stamp} and {@code sql()}
 * all plan the same way and tests need nothing but a registry.
 */
public final class Planner {

  private final Graph graph;
  private final TargetResolver resolver;
  private final DowngradeTargets downgrades;

  public Planner(Graph graph) {
    this.graph = graph;
    this.resolver = new TargetResolver(graph);
    this.downgrades = new DowngradeTargets(resolver);
  }

  public TargetResolver resolver() {
    return resolver;
  }

  /**
   * Applies the target and everything it needs that is not applied yet, parents first.
   *
   * @param heads the heads the database is at, by index
   * @throws InvalidTargetException if the target names nothing, or steps down
   */
  public Plan upgrade(Target target, List<Integer> heads) {
    BitSet todo = graph.closure(resolver.forUpgrade(target, heads));
    todo.andNot(graph.closure(heads));
    return up(heads, Graph.indexes(todo));
  }

  /**
   * Removes the target's applied descendants and dependents, newest first.
   *
   * @throws InvalidTargetException if the target names no applied destination
   * @throws IrreversibleMigrationException if the way down passes an {@code @Irreversible}
   *     revision
   */
  public Plan downgrade(Target target, List<Integer> heads) {
    BitSet applied = graph.closure(heads);
    return down(heads, downgrades.removed(target, applied, heads), target.text());
  }

  /**
   * Removes one applied revision and, first, every applied revision that needs it; other branches
   * stay.
   *
   * @throws InvalidTargetException if the revision is not applied
   * @throws IrreversibleMigrationException if one of them is {@code @Irreversible}
   */
  public Plan revert(RevisionInfo revision, List<Integer> heads) {
    BitSet applied = graph.closure(heads);
    if (!applied.get(revision.index())) {
      throw new InvalidTargetException(Messages.nothingToRevert(revision));
    }
    BitSet removed = graph.withDependents(List.of(revision.index()));
    removed.and(applied);
    return down(heads, removed, revision.id());
  }

  /**
   * The heads one step would leave: the upgrade of a revision whose parents and dependencies are
   * applied, or the downgrade of an applied revision that nothing applied needs. What the advice
   * after a failed step names, for {@code stamp --purge}.
   *
   * @throws IrreversibleMigrationException for the downgrade of an {@code @Irreversible} revision
   */
  public List<String> headsAfter(RevisionInfo revision, Kind kind, List<Integer> heads) {
    if (kind == Kind.DOWNGRADE) {
      BitSet removed = new BitSet();
      removed.set(revision.index());
      return down(heads, removed, revision.id()).end();
    }
    return up(heads, List.of(revision.index())).end();
  }

  /**
   * Records that the database is at the targets, running nothing. Each target replaces the heads
   * in its own lineage (its ancestors and descendants); a target on an unrelated branch becomes a
   * head beside them; {@code base} clears them, {@code BRANCH@base} takes that branch away.
   *
   * @param purge whether the version table is emptied first, so only the targets remain
   */
  public Plan stamp(List<Target> targets, List<Integer> heads, boolean purge) {
    List<Integer> before = purge ? List.of() : heads;
    Set<Integer> stamped = new LinkedHashSet<>(before);
    for (Target target : targets) {
      if (target instanceof Target.Base base && base.branch().isPresent()) {
        BitSet applied = graph.closure(List.copyOf(stamped));
        applied.andNot(downgrades.removed(target, applied, List.copyOf(stamped)));
        stamped = new LinkedHashSet<>(graph.headsOf(applied));
        continue;
      }
      List<Integer> revisions = resolver.resolve(target, List.copyOf(stamped));
      if (revisions.isEmpty()) {
        // base, or a relative target that walks down to it
        stamped.clear();
      }
      for (int revision : revisions) {
        BitSet lineage = graph.closure(List.of(revision));
        stamped.removeIf(head -> lineage.get(head)
            || graph.closure(List.of(head)).get(revision));
        stamped.add(revision);
      }
    }
    List<Integer> after = List.copyOf(stamped);
    List<String> removed = ids(before.stream().filter(head -> !after.contains(head)).toList());
    List<Integer> added = after.stream().filter(head -> !before.contains(head)).toList();
    List<String> afterIds = ids(after);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < added.size(); i++) {
      RevisionInfo revision = graph.revision(added.get(i));
      steps.add(new Step(Optional.of(revision), i == 0 ? removed : List.of(),
          List.of(revision.id()), Messages.heads(ids(before)), Messages.heads(afterIds),
          afterIds));
    }
    if (added.isEmpty() && !removed.isEmpty()) {
      steps.add(new Step(Optional.empty(), removed, List.of(), Messages.heads(ids(before)),
          Messages.heads(afterIds), afterIds));
    }
    return new Plan(Kind.STAMP, ids(before), steps, purge);
  }

  /**
   * What {@code sql(from, to)} renders: an upgrade from the heads {@code from} names to {@code
   * to}, or, when {@code to} is below {@code from}, the downgrade, as an online command would
   * plan it from those heads.
   */
  public Plan offline(Target from, Target to) {
    BitSet applied = graph.closure(resolver.resolve(from, List.of()));
    List<Integer> heads = graph.headsOf(applied);
    if (!to.downgradeOnly()) {
      BitSet up = graph.closure(resolver.resolve(to, heads));
      up.andNot(applied);
      if (!up.isEmpty() || from instanceof Target.Base) {
        return up(heads, Graph.indexes(up));
      }
    }
    return down(heads, downgrades.removed(to, applied, heads), to.text());
  }

  private Plan up(List<Integer> heads, List<Integer> revisions) {
    List<Integer> at = new ArrayList<>(heads);
    List<Step> steps = new ArrayList<>();
    for (int revision : revisions) {
      List<Integer> removed = new ArrayList<>();
      for (int[] needed : new int[][] {graph.parents(revision), graph.dependencies(revision)}) {
        for (int head : needed) {
          if (at.contains(head) && !removed.contains(head)) {
            removed.add(head);
          }
        }
      }
      at.removeAll(removed);
      at.add(revision);
      steps.add(new Step(Optional.of(graph.revision(revision)), ids(removed),
          List.of(graph.revision(revision).id()), parents(revision),
          graph.revision(revision).id(), ids(sorted(at))));
    }
    return new Plan(Kind.UPGRADE, ids(sorted(heads)), steps, false);
  }

  /**
   * Reverts revisions newest first. Each step removes its revision from the version table, and
   * each parent or dependency that nothing applied needs any more becomes a head again (Alembic
   * re-inserts a dependency the removed revision implied).
   */
  private Plan down(List<Integer> heads, BitSet removing, String target) {
    List<RevisionInfo> irreversible = removing.stream().mapToObj(graph::revision)
        .filter(revision -> !revision.reversible()).toList();
    if (!irreversible.isEmpty()) {
      throw new IrreversibleMigrationException(
          Messages.irreversibleOnTheWay(target, newestFirst(irreversible)));
    }
    List<Integer> at = new ArrayList<>(heads);
    BitSet applied = graph.closure(heads);
    List<Step> steps = new ArrayList<>();
    for (int revision = removing.previousSetBit(graph.size() - 1); revision >= 0;
        revision = removing.previousSetBit(revision - 1)) {
      applied.clear(revision);
      List<Integer> added = new ArrayList<>();
      for (int[] needed : new int[][] {graph.parents(revision), graph.dependencies(revision)}) {
        for (int below : needed) {
          if (applied.get(below) && !graph.isNeededBy(below, applied) && !at.contains(below)
              && !added.contains(below)) {
            added.add(below);
          }
        }
      }
      at.remove(Integer.valueOf(revision));
      at.addAll(added);
      steps.add(new Step(Optional.of(graph.revision(revision)),
          List.of(graph.revision(revision).id()), ids(added), graph.revision(revision).id(),
          parents(revision), ids(sorted(at))));
    }
    return new Plan(Kind.DOWNGRADE, ids(sorted(heads)), steps, false);
  }

  private static List<RevisionInfo> newestFirst(List<RevisionInfo> revisions) {
    List<RevisionInfo> reversed = new ArrayList<>(revisions);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  /** A revision's parents in Alembic's notation, as a step's log line names them. */
  private String parents(int revision) {
    List<String> parents = new ArrayList<>();
    for (int parent : graph.parents(revision)) {
      parents.add(graph.revision(parent).id());
    }
    return Messages.heads(parents);
  }

  private List<String> ids(List<Integer> indexes) {
    return resolver.ids(indexes);
  }

  private static List<Integer> sorted(List<Integer> indexes) {
    return indexes.stream().sorted().toList();
  }
}

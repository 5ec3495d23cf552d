package dev.retort.runtime.internal;

import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the registry's precomputed graph: ancestors through {@code parentIndexes} and {@code
 * dependencyIndexes}, which the registry holds already. The reverse edges (children, dependents)
 * and the branch labels' reach are derived only when a command needs them, never for a start-up
 * that finds nothing to do.
 */
public final class Graph {

  private final RevisionRegistry registry;
  private final List<RevisionInfo> revisions;
  private int[][] children;
  private int[][] dependents;

  public Graph(RevisionRegistry registry) {
    this.registry = registry;
    this.revisions = registry.revisions();
  }

  public RevisionRegistry registry() {
    return registry;
  }

  public int size() {
    return revisions.size();
  }

  public RevisionInfo revision(int index) {
    return revisions.get(index);
  }

  public int[] parents(int index) {
    return registry.parentIndexes(index);
  }

  public int[] dependencies(int index) {
    return registry.dependencyIndexes(index);
  }

  /** The revisions that name this one in {@code revises}. */
  public int[] children(int index) {
    if (children == null) {
      children = reverse(false);
    }
    return children[index];
  }

  /** The revisions that name this one in {@code dependsOn}. */
  public int[] dependents(int index) {
    if (dependents == null) {
      dependents = reverse(true);
    }
    return dependents[index];
  }

  private int[][] reverse(boolean dependencies) {
    List<List<Integer>> lists = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      lists.add(new ArrayList<>(1));
    }
    for (int i = 0; i < size(); i++) {
      for (int from : dependencies ? dependencies(i) : parents(i)) {
        lists.get(from).add(i);
      }
    }
    int[][] reversed = new int[size()][];
    for (int i = 0; i < size(); i++) {
      reversed[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return reversed;
  }

  /** The revisions and everything they need: their ancestors and dependencies, transitively. */
  public BitSet closure(Collection<Integer> roots) {
    BitSet closed = new BitSet(size());
    int[] stack = new int[Math.max(16, roots.size())];
    int top = 0;
    for (int root : roots) {
      if (!closed.get(root)) {
        closed.set(root);
        stack = push(stack, top++, root);
      }
    }
    while (top > 0) {
      int current = stack[--top];
      for (int[] edges : new int[][] {parents(current), dependencies(current)}) {
        for (int next : edges) {
          if (!closed.get(next)) {
            closed.set(next);
            stack = push(stack, top++, next);
          }
        }
      }
    }
    return closed;
  }

  /** The revisions that need these (their descendants and dependents, transitively), excluded. */
  public BitSet dependentsClosure(Collection<Integer> roots) {
    BitSet closed = new BitSet(size());
    List<Integer> stack = new ArrayList<>(roots);
    while (!stack.isEmpty()) {
      int current = stack.remove(stack.size() - 1);
      for (int[] edges : new int[][] {children(current), dependents(current)}) {
        for (int next : edges) {
          if (!closed.get(next)) {
            closed.set(next);
            stack.add(next);
          }
        }
      }
    }
    return closed;
  }

  private static int[] push(int[] stack, int at, int value) {
    int[] grown = at < stack.length ? stack : java.util.Arrays.copyOf(stack, stack.length * 2);
    grown[at] = value;
    return grown;
  }

  /**
   * The heads of an applied set, as the version table records them: applied revisions that no
   * applied revision names as a parent or a dependency. A dependency counts, as in Alembic: a
   * revision implies what it depends on, so {@code closure(headsOf(applied)) == applied}.
   */
  public List<Integer> headsOf(BitSet applied) {
    List<Integer> heads = new ArrayList<>();
    for (int i = applied.nextSetBit(0); i >= 0; i = applied.nextSetBit(i + 1)) {
      if (!isNeededBy(i, applied)) {
        heads.add(i);
      }
    }
    return heads;
  }

  /** Whether one of {@code revisions} names this one as a parent or a dependency. */
  public boolean isNeededBy(int index, BitSet revisions) {
    return anyApplied(children(index), revisions) || anyApplied(dependents(index), revisions);
  }

  private static boolean anyApplied(int[] indexes, BitSet applied) {
    for (int index : indexes) {
      if (applied.get(index)) {
        return true;
      }
    }
    return false;
  }

  /** The revision and its ancestors through {@code revises} only, as Alembic's lineage uses. */
  public BitSet ancestorsThroughParents(int index) {
    return walk(index, true);
  }

  /** The revision and its descendants through {@code revises} only. */
  public BitSet descendantsThroughParents(int index) {
    return walk(index, false);
  }

  private BitSet walk(int start, boolean down) {
    BitSet reached = new BitSet(size());
    reached.set(start);
    List<Integer> stack = new ArrayList<>(List.of(start));
    while (!stack.isEmpty()) {
      int current = stack.remove(stack.size() - 1);
      for (int next : down ? parents(current) : children(current)) {
        if (!reached.get(next)) {
          reached.set(next);
          stack.add(next);
        }
      }
    }
    return reached;
  }

  /**
   * The revisions a branch label applies to, by Alembic's rule: the revision that declares it, all
   * its descendants, and its ancestors back to (not including) the previous branch point or merge.
   */
  public BitSet labelled(String label) {
    BitSet members = new BitSet(size());
    List<Integer> declaring = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (revision(i).branchLabels().contains(label)) {
        declaring.add(i);
      }
    }
    for (int declared : declaring) {
      members.set(declared);
      BitSet below = new BitSet(size());
      List<Integer> stack = new ArrayList<>(List.of(declared));
      while (!stack.isEmpty()) {
        for (int child : children(stack.remove(stack.size() - 1))) {
          if (!below.get(child)) {
            below.set(child);
            stack.add(child);
          }
        }
      }
      members.or(below);
      int current = declared;
      while (parents(current).length == 1) {
        int parent = parents(current)[0];
        if (children(parent).length != 1 || parents(parent).length > 1) {
          break;
        }
        members.set(parent);
        current = parent;
      }
    }
    return members;
  }

  /** Every branch label, with the revision that declares it. */
  public Map<String, Integer> labels() {
    Map<String, Integer> labels = new HashMap<>();
    for (int i = 0; i < size(); i++) {
      for (String label : revision(i).branchLabels()) {
        labels.put(label, i);
      }
    }
    return labels;
  }
}

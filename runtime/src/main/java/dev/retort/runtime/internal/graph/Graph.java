package dev.retort.runtime.internal.graph;

import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the registry's precomputed graph: ancestors through {@code parentIndexes} and {@code
 * dependencyIndexes}, which the registry holds already. The reverse edges (children, dependents)
 * and the branch labels are derived only when a command needs them, never for a start-up that
 * finds nothing to do. Every walk of the revision graph in the runtime is one of these. Not
 * thread-safe: each command has its own.
 */
public final class Graph {

  /** The index that stands for base: before every revision. */
  public static final int BASE = -1;

  private final RevisionRegistry registry;
  private final List<RevisionInfo> revisions;
  private int[][] children;
  private int[][] dependents;
  private Map<String, Integer> labels;

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

  /** The registry's heads, by index. */
  public List<Integer> heads() {
    return registry.heads().stream().map(RevisionInfo::index).toList();
  }

  /** The registry's bases, by index. */
  public List<Integer> bases() {
    return registry.bases().stream().map(RevisionInfo::index).toList();
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

  /** The revisions that follow base ({@link #BASE}) or a revision through {@code revises}. */
  public List<Integer> next(int index) {
    return index == BASE ? bases() : toList(children(index));
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

  /** The revisions in a set, as a list of indexes in topological order. */
  public static List<Integer> indexes(BitSet revisions) {
    return revisions.stream().boxed().toList();
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

  /** The revisions and those that need them, transitively: what removing them removes. */
  public BitSet withDependents(Collection<Integer> roots) {
    BitSet removed = dependentsClosure(roots);
    roots.forEach(removed::set);
    return removed;
  }

  private static int[] push(int[] stack, int at, int value) {
    int[] grown = at < stack.length ? stack : Arrays.copyOf(stack, stack.length * 2);
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
    return anyIn(children(index), revisions) || anyIn(dependents(index), revisions);
  }

  private static boolean anyIn(int[] indexes, BitSet set) {
    for (int index : indexes) {
      if (set.get(index)) {
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

  /**
   * Every revision that shares a lineage with this one: its ancestors and its descendants through
   * {@code revises}. Alembic's test for "is on the branch of": {@code label@rev}, {@code
   * label@head} and the relative forms use it.
   */
  public BitSet lineage(int index) {
    BitSet line = ancestorsThroughParents(index);
    line.or(descendantsThroughParents(index));
    return line;
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
   * The branch that holds a revision, by Alembic's rule for branch labels: the revision, all its
   * descendants, and its ancestors back to (not including) the previous branch point or merge.
   * For a label, the revision is the one that declares it.
   */
  public BitSet branchOf(int index) {
    BitSet members = descendantsThroughParents(index);
    int current = index;
    while (parents(current).length == 1) {
      int parent = parents(current)[0];
      if (children(parent).length != 1 || parents(parent).length > 1) {
        break;
      }
      members.set(parent);
      current = parent;
    }
    return members;
  }

  /** The first revisions of a set: members none of whose parents is a member. */
  public List<Integer> roots(BitSet members) {
    List<Integer> roots = new ArrayList<>();
    for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
      if (Arrays.stream(parents(i)).noneMatch(members::get)) {
        roots.add(i);
      }
    }
    return roots;
  }

  /** The revision that declares a branch label, if any does. */
  public Integer declaring(String label) {
    if (labels == null) {
      labels = new HashMap<>();
      for (int i = 0; i < size(); i++) {
        for (String declared : revision(i).branchLabels()) {
          labels.put(declared, i);
        }
      }
    }
    return labels.get(label);
  }

  /** The revisions with more than one child: where the history forks. */
  public List<Integer> branchPoints() {
    List<Integer> points = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (children(i).length > 1) {
        points.add(i);
      }
    }
    return points;
  }

  private static List<Integer> toList(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}

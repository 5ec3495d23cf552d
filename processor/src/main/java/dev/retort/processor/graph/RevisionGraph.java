package dev.retort.processor.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The revision graph: revisions, their parents ({@code revises}) and their dependencies
 * ({@code dependsOn}). Edges to ids that no revision has are left out here and reported by
 * {@link ReferenceCheck}; of two revisions with one id the graph keeps the first in class-name
 * order, and {@link DuplicateIdCheck} reports both.
 */
public final class RevisionGraph {

  /** Orders revisions the same way on every build, whatever order javac found them in. */
  static final Comparator<RevisionNode> BY_ID =
      Comparator.comparing(RevisionNode::id).thenComparing(RevisionNode::className);

  private final List<RevisionNode> nodes;
  private final Map<String, RevisionNode> byId;
  private final Map<String, List<RevisionNode>> children;

  private RevisionGraph(List<RevisionNode> nodes) {
    this.nodes = nodes;
    this.byId = new LinkedHashMap<>();
    for (RevisionNode node : nodes) {
      byId.putIfAbsent(node.id(), node);
    }
    this.children = new HashMap<>();
    for (RevisionNode node : byId.values()) {
      for (String parent : new LinkedHashSet<>(node.revises())) {
        if (byId.containsKey(parent)) {
          children.computeIfAbsent(parent, id -> new ArrayList<>()).add(node);
        }
      }
    }
  }

  public static RevisionGraph of(Collection<RevisionNode> nodes) {
    List<RevisionNode> sorted = new ArrayList<>(nodes);
    sorted.sort(Comparator.comparing(RevisionNode::className).thenComparing(RevisionNode::id));
    return new RevisionGraph(List.copyOf(sorted));
  }

  /** Every revision given, duplicates included, in class-name order. */
  public List<RevisionNode> nodes() {
    return nodes;
  }

  /** The revision with this id (the first, when the id is duplicated). */
  public Optional<RevisionNode> node(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every distinct id, sorted. */
  public Set<String> ids() {
    return new TreeSet<>(byId.keySet());
  }

  /** The revisions that revise this one. */
  public List<RevisionNode> children(String id) {
    return children.getOrDefault(id, List.of());
  }

  /** The revisions no other revision revises, sorted by id. */
  public List<RevisionNode> heads() {
    return byId.values().stream()
        .filter(node -> !children.containsKey(node.id()))
        .sorted(BY_ID)
        .toList();
  }

  /** The revisions that revise nothing, sorted by id. */
  public List<RevisionNode> bases() {
    return byId.values().stream().filter(node -> node.revises().isEmpty()).sorted(BY_ID).toList();
  }

  /** The known ids a revision must follow: its parents and its dependencies. */
  List<String> predecessors(RevisionNode node) {
    List<String> predecessors = new ArrayList<>();
    for (String id : node.revises()) {
      if (byId.containsKey(id)) {
        predecessors.add(id);
      }
    }
    for (String id : node.dependsOn()) {
      if (byId.containsKey(id)) {
        predecessors.add(id);
      }
    }
    return predecessors;
  }

  /**
   * Every revision after all of its parents and dependencies; among revisions that are ready at
   * the same time, the smallest id first, so the order is the same on every build. Revisions on
   * or after a cycle are left out ({@link #cycles()} finds them).
   */
  public List<RevisionNode> topologicalOrder() {
    Map<String, Integer> waitingFor = new HashMap<>();
    Map<String, List<RevisionNode>> successors = new HashMap<>();
    PriorityQueue<RevisionNode> ready = new PriorityQueue<>(BY_ID);
    for (RevisionNode node : byId.values()) {
      Set<String> predecessors = new HashSet<>(predecessors(node));
      waitingFor.put(node.id(), predecessors.size());
      for (String predecessor : predecessors) {
        successors.computeIfAbsent(predecessor, id -> new ArrayList<>()).add(node);
      }
      if (predecessors.isEmpty()) {
        ready.add(node);
      }
    }
    List<RevisionNode> order = new ArrayList<>(byId.size());
    while (!ready.isEmpty()) {
      RevisionNode next = ready.poll();
      order.add(next);
      for (RevisionNode successor : successors.getOrDefault(next.id(), List.of())) {
        if (waitingFor.merge(successor.id(), -1, Integer::sum) == 0) {
          ready.add(successor);
        }
      }
    }
    return order;
  }

  /**
   * Every cycle of parents and dependencies, each as the ids along it in upgrade order, starting
   * and ending at its smallest id: {@code [a, b, c, a]} means b revises (or depends on) a, c
   * revises b, and a revises c. A revision that revises itself is the cycle {@code [a, a]}.
   */
  public List<List<String>> cycles() {
    Set<String> unordered = new HashSet<>(byId.keySet());
    for (RevisionNode node : topologicalOrder()) {
      unordered.remove(node.id());
    }
    // Every revision on a cycle is reported: each one not yet on a cycle found so far looks for
    // the shortest way back to itself through unordered predecessors. Revisions that are only
    // downstream of a cycle find none.
    Set<List<String>> cycles = new LinkedHashSet<>();
    Set<String> onCycle = new HashSet<>();
    for (String start : new TreeSet<>(unordered)) {
      if (onCycle.contains(start)) {
        continue;
      }
      List<String> backwards = shortestWayBack(start, unordered);
      if (!backwards.isEmpty()) {
        onCycle.addAll(backwards);
        cycles.add(inUpgradeOrderFromSmallest(backwards));
      }
    }
    return List.copyOf(cycles);
  }

  /** The cycle through {@code start}, walking predecessors, as [start, its predecessor, …]. */
  private List<String> shortestWayBack(String start, Set<String> unordered) {
    Map<String, String> reachedFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String current = queue.poll();
      for (String predecessor : new TreeSet<>(predecessors(byId.get(current)))) {
        if (!unordered.contains(predecessor) || reachedFrom.containsKey(predecessor)) {
          continue;
        }
        reachedFrom.put(predecessor, current);
        if (predecessor.equals(start)) {
          List<String> path = new ArrayList<>();
          String step = current;
          while (!step.equals(start)) {
            path.add(0, step);
            step = reachedFrom.get(step);
          }
          path.add(0, start);
          return path;
        }
        queue.add(predecessor);
      }
    }
    return List.of();
  }

  private static List<String> inUpgradeOrderFromSmallest(List<String> backwards) {
    Deque<String> forwards = new ArrayDeque<>();
    for (String id : backwards) {
      forwards.addFirst(id);
    }
    List<String> cycle = new ArrayList<>(forwards);
    String smallest = cycle.stream().min(Comparator.naturalOrder()).orElseThrow();
    int at = cycle.indexOf(smallest);
    List<String> rotated = new ArrayList<>(cycle.subList(at, cycle.size()));
    rotated.addAll(cycle.subList(0, at));
    rotated.add(smallest);
    return List.copyOf(rotated);
  }

  /**
   * The branch labels that apply to a head: Alembic gives a label to the revision that declares
   * it and to all of that revision's descendants, so these are the labels of the head and of its
   * ancestors.
   */
  public Set<String> labelsOfHead(RevisionNode head) {
    Set<String> labels = new TreeSet<>();
    Deque<RevisionNode> toVisit = new ArrayDeque<>(List.of(head));
    Set<String> visited = new HashSet<>();
    while (!toVisit.isEmpty()) {
      RevisionNode node = toVisit.pop();
      if (visited.add(node.id())) {
        labels.addAll(node.branchLabels());
        node.revises().stream().map(byId::get).filter(parent -> parent != null)
            .forEach(toVisit::push);
      }
    }
    return labels;
  }

  /**
   * The branch labels that apply to a base: Alembic also gives a label to the declaring
   * revision's ancestors back to the previous branch point or merge, so these are the labels
   * along the straight line that starts at the base.
   */
  public Set<String> labelsOfBase(RevisionNode base) {
    Set<String> labels = new TreeSet<>(base.branchLabels());
    RevisionNode node = base;
    while (children(node.id()).size() == 1) {
      RevisionNode child = children(node.id()).get(0);
      if (child.revises().size() != 1) {
        break;
      }
      labels.addAll(child.branchLabels());
      node = child;
    }
    return labels;
  }
}

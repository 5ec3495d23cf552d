package dev.retort.cli;

import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Alembic's one-line form of a revision: {@code parent -> id (labels) (head) (mergepoint),
 * message}, with {@code (current)} when asked to mark the database's revisions.
 */
final class Lines {

  private final RevisionRegistry registry;
  private final Map<String, List<RevisionInfo>> children = new HashMap<>();

  Lines(RevisionRegistry registry) {
    this.registry = registry;
    for (RevisionInfo revision : registry.revisions()) {
      for (String parent : revision.revises()) {
        children.computeIfAbsent(parent, id -> new ArrayList<>()).add(revision);
      }
    }
  }

  String line(RevisionInfo revision, Set<String> current) {
    String from = revision.revises().isEmpty() ? "<base>"
        : revision.revises().size() == 1 ? revision.revises().get(0)
        : "(" + String.join(", ", revision.revises()) + ")";
    List<String> marks = new ArrayList<>();
    Set<String> labels = labels(revision);
    if (!labels.isEmpty()) {
      marks.add("(" + String.join(", ", labels) + ")");
    }
    if (registry.heads().contains(revision)) {
      marks.add("(head)");
    }
    if (revision.isMerge()) {
      marks.add("(mergepoint)");
    }
    if (children.getOrDefault(revision.id(), List.of()).size() > 1) {
      marks.add("(branchpoint)");
    }
    if (current.contains(revision.id())) {
      marks.add("(current)");
    }
    return from + " -> " + revision.id() + (marks.isEmpty() ? "" : " " + String.join(" ", marks))
        + (revision.message().isEmpty() ? "" : ", " + revision.message());
  }

  /** {@code current}'s short form: the id, its branch labels and whether it is a head. */
  String brief(RevisionInfo revision) {
    Set<String> labels = labels(revision);
    boolean head = registry.heads().contains(revision);
    return revision.id() + (labels.isEmpty() ? "" : " (" + String.join(", ", labels) + ")")
        + (head ? " (head)" : "");
  }

  /** {@code show} and {@code -v}: every field. */
  String verbose(RevisionInfo revision) {
    return verbose(revision, Set.of());
  }

  /** {@code history -v}: every field, and {@code (current)} with {@code -i}. */
  String verbose(RevisionInfo revision, Set<String> current) {
    StringBuilder out = new StringBuilder();
    out.append("Rev: ").append(revision.id())
        .append(registry.heads().contains(revision) ? " (head)" : "")
        .append(current.contains(revision.id()) ? " (current)" : "").append('\n');
    out.append("Parent: ").append(revision.revises().isEmpty() ? "<base>"
        : String.join(", ", revision.revises())).append('\n');
    if (!revision.dependsOn().isEmpty()) {
      out.append("Also depends on: ").append(String.join(", ", revision.dependsOn())).append('\n');
    }
    Set<String> labels = labels(revision);
    if (!labels.isEmpty()) {
      out.append("Branch names: ").append(String.join(", ", labels)).append('\n');
    }
    out.append("Class: ").append(revision.className()).append('\n');
    out.append("Transactional: ").append(revision.transactional()).append('\n');
    revision.irreversibleReason().ifPresent(reason ->
        out.append("Irreversible: ").append(reason).append('\n'));
    out.append("Checksum: ").append(revision.checksum()).append('\n');
    out.append('\n').append("    ").append(revision.message()).append('\n');
    return out.toString();
  }

  /**
   * The branch labels that apply to a revision, as in Alembic: a label applies to the revision
   * that declares it and to its descendants, so these are the labels of the revision and its
   * ancestors; and to the declaring revision's ancestors back to the previous branch point or
   * merge point, so also those declared along the straight line above it.
   */
  Set<String> labels(RevisionInfo revision) {
    Set<String> labels = new TreeSet<>();
    List<RevisionInfo> toVisit = new ArrayList<>(List.of(revision));
    Set<String> visited = new java.util.HashSet<>();
    while (!toVisit.isEmpty()) {
      RevisionInfo next = toVisit.remove(toVisit.size() - 1);
      if (visited.add(next.id())) {
        labels.addAll(next.branchLabels());
        next.revises().forEach(parent -> registry.revision(parent).ifPresent(toVisit::add));
      }
    }
    RevisionInfo below = revision;
    List<RevisionInfo> above = children.getOrDefault(below.id(), List.of());
    while (above.size() == 1 && above.get(0).revises().size() == 1) {
      below = above.get(0);
      labels.addAll(below.branchLabels());
      above = children.getOrDefault(below.id(), List.of());
    }
    return labels;
  }
}

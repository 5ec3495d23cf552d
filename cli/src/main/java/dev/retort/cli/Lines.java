package dev.retort.cli;

import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alembic's one-line form of a revision: {@code parent -> id (head) (mergepoint), message}, with
 * {@code (current)} when asked to mark the database's revisions.
 */
final class Lines {

  private final RevisionRegistry registry;
  private final Map<String, Integer> children = new HashMap<>();

  Lines(RevisionRegistry registry) {
    this.registry = registry;
    for (RevisionInfo revision : registry.revisions()) {
      for (String parent : revision.revises()) {
        children.merge(parent, 1, Integer::sum);
      }
    }
  }

  String line(RevisionInfo revision, Set<String> current) {
    String from = revision.revises().isEmpty() ? "<base>"
        : revision.revises().size() == 1 ? revision.revises().get(0)
        : "(" + String.join(", ", revision.revises()) + ")";
    List<String> marks = new ArrayList<>();
    if (registry.heads().contains(revision)) {
      marks.add("(head)");
    }
    if (revision.isMerge()) {
      marks.add("(mergepoint)");
    }
    if (children.getOrDefault(revision.id(), 0) > 1) {
      marks.add("(branchpoint)");
    }
    if (current.contains(revision.id())) {
      marks.add("(current)");
    }
    return from + " -> " + revision.id() + (marks.isEmpty() ? "" : " " + String.join(" ", marks))
        + (revision.message().isEmpty() ? "" : ", " + revision.message());
  }

  /** {@code current}'s short form: the id and its marks. */
  String brief(RevisionInfo revision) {
    boolean head = registry.heads().contains(revision);
    return revision.id() + (head ? " (head)" : "");
  }

  /** {@code show} and {@code -v}: every field. */
  String verbose(RevisionInfo revision) {
    StringBuilder out = new StringBuilder();
    out.append("Rev: ").append(revision.id()).append(registry.heads().contains(revision)
        ? " (head)" : "").append('\n');
    out.append("Parent: ").append(revision.revises().isEmpty() ? "<base>"
        : String.join(", ", revision.revises())).append('\n');
    if (!revision.dependsOn().isEmpty()) {
      out.append("Also depends on: ").append(String.join(", ", revision.dependsOn())).append('\n');
    }
    if (!revision.branchLabels().isEmpty()) {
      out.append("Branch names: ").append(String.join(", ", revision.branchLabels())).append('\n');
    }
    out.append("Class: ").append(revision.className()).append('\n');
    out.append("Transactional: ").append(revision.transactional()).append('\n');
    revision.irreversibleReason().ifPresent(reason ->
        out.append("Irreversible: ").append(reason).append('\n'));
    out.append("Checksum: ").append(revision.checksum()).append('\n');
    out.append('\n').append("    ").append(revision.message()).append('\n');
    return out.toString();
  }
}

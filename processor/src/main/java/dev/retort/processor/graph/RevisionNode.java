package dev.retort.processor.graph;

import java.util.List;

/**
 * One revision as the graph checks see it: plain strings, no javac types, so the checks run and
 * are tested without a compiler.
 *
 * @param className the binary name of the migration class
 * @param irreversibleReason why it has no downgrade, or {@code null} when it has one
 * @param local whether the revision is compiled now (diagnostics can point at it) or was read
 *     from a marker on the classpath (a jar, or the previous output of an incremental build)
 */
public record RevisionNode(
    String className,
    String id,
    List<String> revises,
    List<String> dependsOn,
    List<String> branchLabels,
    String message,
    boolean transactional,
    String irreversibleReason,
    String checksum,
    boolean local) {

  public RevisionNode {
    revises = List.copyOf(revises);
    dependsOn = List.copyOf(dependsOn);
    branchLabels = List.copyOf(branchLabels);
  }

  /** {@code id (SimpleClassName)}, the way every message names a revision. */
  public String describe() {
    String simpleName = className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    return id + " (" + simpleName + (local ? "" : ", from the classpath") + ")";
  }
}

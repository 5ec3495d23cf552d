package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * One base, unless every base starts a labelled branch (Alembic's independent branches, created
 * with {@code --head base --branch-label NAME}). A second unlabelled base is most often a
 * revision whose {@code revises} was forgotten. With the permissive option it is a warning.
 */
final class BasesCheck implements GraphCheck {

  private final boolean permissive;

  BasesCheck(boolean permissive) {
    this.permissive = permissive;
  }

  @Override
  public List<Problem> check(RevisionGraph graph) {
    List<RevisionNode> bases = graph.bases();
    if (bases.size() < 2) {
      return List.of();
    }
    List<String> described = bases.stream().map(RevisionNode::describe).toList();
    List<Problem> problems = new ArrayList<>();
    for (RevisionNode base : bases) {
      if (graph.labelsOfBase(base).isEmpty()) {
        String message = Messages.multipleBases(base.describe(), described, permissive);
        problems.add(permissive
            ? Problem.warning(base, Problem.Attribute.REVISES, null, message)
            : Problem.error(base, Problem.Attribute.REVISES, null, message));
      }
    }
    return problems;
  }
}

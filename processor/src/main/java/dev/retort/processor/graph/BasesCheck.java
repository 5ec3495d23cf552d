package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * One base, unless the other bases start labelled branches (Alembic's independent branches,
 * created with {@code --head base --branch-label NAME}): at most one base, the trunk's, may start
 * no labelled branch. A second unlabelled base is most often a revision whose {@code revises} was
 * forgotten; it is reported at each unlabelled base. With the permissive option it is a warning.
 */
final class BasesCheck implements GraphCheck {

  private final boolean permissive;
  private final String command;

  BasesCheck(boolean permissive, String command) {
    this.permissive = permissive;
    this.command = command;
  }

  @Override
  public List<Problem> check(RevisionGraph graph) {
    List<RevisionNode> bases = graph.bases();
    List<RevisionNode> unlabelled = bases.stream()
        .filter(base -> graph.labelsOfBase(base).isEmpty())
        .toList();
    if (unlabelled.size() < 2) {
      return List.of();
    }
    List<String> described = bases.stream().map(RevisionNode::describe).toList();
    List<Problem> problems = new ArrayList<>();
    for (RevisionNode base : unlabelled) {
      String message = Messages.multipleBases(command, base.describe(), described, permissive);
      problems.add(permissive
          ? Problem.warning(base, Problem.Attribute.REVISES, null, message)
          : Problem.error(base, Problem.Attribute.REVISES, null, message));
    }
    return problems;
  }
}

package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every id in {@code revises} and {@code dependsOn} must name an existing revision, once. An
 * unknown id is reported with the closest existing ids, since it is most often a typo or a
 * truncated copy.
 */
final class ReferenceCheck implements GraphCheck {

  @Override
  public List<Problem> check(RevisionGraph graph) {
    Suggestions suggestions = new Suggestions(graph);
    List<Problem> problems = new ArrayList<>();
    for (RevisionNode node : graph.nodes()) {
      checkMember(node, Problem.Attribute.REVISES, node.revises(), graph, suggestions, problems);
      checkMember(
          node, Problem.Attribute.DEPENDS_ON, node.dependsOn(), graph, suggestions, problems);
    }
    return problems;
  }

  private static void checkMember(
      RevisionNode node,
      Problem.Attribute attribute,
      List<String> ids,
      RevisionGraph graph,
      Suggestions suggestions,
      List<Problem> problems) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        problems.add(Problem.error(node, attribute, id,
            Messages.duplicateParent(node.describe(), attribute.memberName(), id)));
      } else if (graph.node(id).isEmpty()) {
        List<String> closest = suggestions.closestTo(id);
        problems.add(Problem.error(node, attribute, id,
            attribute == Problem.Attribute.REVISES
                ? Messages.unknownParent(node.describe(), id, closest)
                : Messages.unknownDependency(node.describe(), id, closest)));
      }
    }
  }
}

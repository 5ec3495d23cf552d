package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    Map<String, Integer> copies = new HashMap<>();
    for (String id : ids) {
      int copy = copies.merge(id, 1, Integer::sum) - 1;
      if (copy > 0) {
        problems.add(Problem.error(node, attribute, id, copy,
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

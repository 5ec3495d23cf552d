package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Two classes with one id: reported at both, each naming the other. */
final class DuplicateIdCheck implements GraphCheck {

  private final String command;

  DuplicateIdCheck(String command) {
    this.command = command;
  }

  @Override
  public List<Problem> check(RevisionGraph graph) {
    Map<String, List<RevisionNode>> byId = new LinkedHashMap<>();
    for (RevisionNode node : graph.nodes()) {
      byId.computeIfAbsent(node.id(), id -> new ArrayList<>()).add(node);
    }
    List<Problem> problems = new ArrayList<>();
    for (List<RevisionNode> sharing : byId.values()) {
      if (sharing.size() < 2) {
        continue;
      }
      for (RevisionNode node : sharing) {
        List<String> others = sharing.stream().filter(other -> other != node)
            .map(RevisionNode::describe).toList();
        problems.add(Problem.error(node, Problem.Attribute.ID, null,
            Messages.duplicateId(command, node.describe(), node.id(), others)));
      }
    }
    return problems;
  }
}

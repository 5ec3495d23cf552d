package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A branch label names one branch: it is declared once and is no revision's id. */
final class BranchLabelCheck implements GraphCheck {

  @Override
  public List<Problem> check(RevisionGraph graph) {
    Map<String, List<RevisionNode>> declarers = new LinkedHashMap<>();
    for (RevisionNode node : graph.nodes()) {
      for (String label : node.branchLabels()) {
        declarers.computeIfAbsent(label, l -> new ArrayList<>()).add(node);
      }
    }
    List<Problem> problems = new ArrayList<>();
    declarers.forEach((label, nodes) -> {
      graph.node(label).ifPresent(revision -> nodes.forEach(node -> problems.add(Problem.error(
          node, Problem.Attribute.BRANCH_LABELS, label,
          Messages.branchLabelIsRevisionId(node.describe(), label, revision.describe())))));
      if (nodes.size() > 1) {
        for (RevisionNode node : nodes.stream().distinct().toList()) {
          List<String> others = nodes.stream().filter(other -> other != node).distinct()
              .map(RevisionNode::describe).toList();
          problems.add(Problem.error(node, Problem.Attribute.BRANCH_LABELS, label,
              Messages.duplicateBranchLabel(node.describe(), label, others)));
        }
      }
    });
    return problems;
  }
}

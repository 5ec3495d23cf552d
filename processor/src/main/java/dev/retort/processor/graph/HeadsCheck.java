package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One head, unless the heads are the tips of distinct branches: at most one head (the trunk) may
 * lack a branch label that is its alone, and every other head carries one. Anything else is an
 * unmerged fork, which {@code upgrade head} could not resolve; it is reported at each head without
 * a label of its own. With the permissive option it is a warning, as in Alembic.
 */
final class HeadsCheck implements GraphCheck {

  private final boolean permissive;
  private final String command;

  HeadsCheck(boolean permissive, String command) {
    this.permissive = permissive;
    this.command = command;
  }

  @Override
  public List<Problem> check(RevisionGraph graph) {
    List<RevisionNode> heads = graph.heads();
    if (heads.size() < 2) {
      return List.of();
    }
    Map<RevisionNode, Set<String>> labels = new HashMap<>();
    Map<String, Integer> headsPerLabel = new HashMap<>();
    for (RevisionNode head : heads) {
      Set<String> headLabels = graph.labelsOfHead(head);
      labels.put(head, headLabels);
      headLabels.forEach(label -> headsPerLabel.merge(label, 1, Integer::sum));
    }
    List<RevisionNode> withoutOwnLabel = heads.stream()
        .filter(head -> labels.get(head).stream().noneMatch(l -> headsPerLabel.get(l) == 1))
        .toList();
    if (withoutOwnLabel.size() < 2) {
      return List.of();
    }
    List<String> described = heads.stream().map(RevisionNode::describe).toList();
    List<String> ids = withoutOwnLabel.stream().map(RevisionNode::id).toList();
    List<Problem> problems = new ArrayList<>();
    for (RevisionNode head : withoutOwnLabel) {
      String message = Messages.multipleHeads(command, head.describe(), described, ids, permissive);
      problems.add(permissive
          ? Problem.warning(head, Problem.Attribute.NONE, null, message)
          : Problem.error(head, Problem.Attribute.NONE, null, message));
    }
    return problems;
  }
}

package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One head, unless the heads are the tips of distinct labelled branches: every head carries a
 * label, and at most one head (the main line a labelled branch grew from) has no label that is
 * its alone. Anything else is an unmerged fork, which {@code upgrade head} could not resolve.
 * With the permissive option it is a warning, as in Alembic.
 */
final class HeadsCheck implements GraphCheck {

  private final boolean permissive;

  HeadsCheck(boolean permissive) {
    this.permissive = permissive;
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
    List<String> described = heads.stream().map(RevisionNode::describe).toList();
    List<String> ids = heads.stream().map(RevisionNode::id).toList();
    List<Problem> problems = new ArrayList<>();
    List<RevisionNode> withoutOwnLabel = heads.stream()
        .filter(head -> labels.get(head).stream().noneMatch(l -> headsPerLabel.get(l) == 1))
        .toList();
    boolean distinctBranches = withoutOwnLabel.size() <= 1
        && heads.stream().noneMatch(head -> labels.get(head).isEmpty());
    if (distinctBranches) {
      return List.of();
    }
    for (RevisionNode head : heads) {
      if (withoutOwnLabel.contains(head) || labels.get(head).isEmpty()) {
        String message = Messages.multipleHeads(head.describe(), described, ids, permissive);
        problems.add(permissive
            ? Problem.warning(head, Problem.Attribute.NONE, null, message)
            : Problem.error(head, Problem.Attribute.NONE, null, message));
      }
    }
    return problems;
  }
}

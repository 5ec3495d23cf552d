package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * A revision that follows itself, directly or through others, can never be applied. Each cycle is
 * reported at every revision on it, as the path that closes it.
 */
final class CycleCheck implements GraphCheck {

  @Override
  public List<Problem> check(RevisionGraph graph) {
    List<Problem> problems = new ArrayList<>();
    for (List<String> cycle : graph.cycles()) {
      List<String> members = cycle.subList(0, cycle.size() - 1);
      List<String> described = members.stream()
          .map(id -> graph.node(id).orElseThrow().describe()).toList();
      for (int i = 0; i < members.size(); i++) {
        RevisionNode node = graph.node(members.get(i)).orElseThrow();
        String previous = cycle.get(i == 0 ? cycle.size() - 2 : i - 1);
        Problem.Attribute attribute = node.revises().contains(previous)
            ? Problem.Attribute.REVISES
            : Problem.Attribute.DEPENDS_ON;
        String message = members.size() == 1
            ? Messages.revisesItself(node.describe(), attribute.memberName())
            : Messages.cycle(node.describe(), startingAt(cycle, i), described);
        problems.add(Problem.error(node, attribute, previous, message));
      }
    }
    return problems;
  }

  /** The same cycle, rotated so that the revision being reported on comes first. */
  private static List<String> startingAt(List<String> cycle, int start) {
    List<String> members = cycle.subList(0, cycle.size() - 1);
    List<String> rotated = new ArrayList<>(members.subList(start, members.size()));
    rotated.addAll(members.subList(0, start));
    rotated.add(members.get(start));
    return rotated;
  }
}

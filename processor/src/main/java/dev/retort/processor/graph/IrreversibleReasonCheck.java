package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@code @Irreversible} reason is what a refused downgrade says, inside its one-line error,
 * and what {@code show} prints after "Irreversible:": so it must say something, and stay one line
 * without control characters, as a message must.
 */
final class IrreversibleReasonCheck implements GraphCheck {

  @Override
  public List<Problem> check(RevisionGraph graph) {
    List<Problem> problems = new ArrayList<>();
    for (RevisionNode node : graph.nodes()) {
      String reason = node.irreversibleReason();
      if (reason == null) {
        continue;
      }
      (reason.isBlank() ? Optional.of(Messages.isBlank()) : OneLineText.whyNot(reason))
          .ifPresent(why -> problems.add(Problem.error(node, Problem.Attribute.IRREVERSIBLE_REASON,
              null, Messages.invalidIrreversibleReason(node.describe(), why))));
    }
    return problems;
  }
}

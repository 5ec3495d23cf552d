package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@code @Irreversible} reason is what a refused downgrade says, inside its one-line error,
 * and what {@code show}, offline {@code sql} and the proofs print beside the revision: so it must
 * say something, and stay one line without control characters, as a message must.
 */
final class IrreversibleReasonCheck implements GraphCheck {

  @Override
  public List<Problem> check(RevisionGraph graph) {
    List<Problem> problems = new ArrayList<>();
    for (RevisionNode node : graph.nodes()) {
      String reason = node.irreversibleReason();
      if (reason != null) {
        whyInvalid(reason).ifPresent(why -> problems.add(Problem.error(node,
            Problem.Attribute.IRREVERSIBLE_REASON, null,
            Messages.invalidIrreversibleReason(node.describe(), why))));
      }
    }
    return problems;
  }

  private static Optional<String> whyInvalid(String reason) {
    Optional<String> notOneLine = OneLineText.whyNot(reason);
    if (notOneLine.isPresent()) {
      return notOneLine;
    }
    return reason.codePoints().allMatch(IrreversibleReasonCheck::isInvisible)
        ? Optional.of(Messages.saysNothing())
        : Optional.empty();
  }

  /** Spaces of every kind (a no-break space too) and the invisible format characters. */
  private static boolean isInvisible(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
        || Character.getType(codePoint) == Character.FORMAT;
  }
}

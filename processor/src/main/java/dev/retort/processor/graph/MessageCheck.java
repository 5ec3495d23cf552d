package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message is printed as one line by {@code history}, {@code show} and the audit trail, and
 * stored in the history table's column of {@value Messages#MAX_MESSAGE_LENGTH} characters: so no
 * line break (which would print a forged line of history), no control character (which a
 * terminal acts on, as an escape sequence or a right-to-left override), and no more than the
 * column holds (which would be cut there without a word).
 */
final class MessageCheck implements GraphCheck {

  @Override
  public List<Problem> check(RevisionGraph graph) {
    List<Problem> problems = new ArrayList<>();
    for (RevisionNode node : graph.nodes()) {
      whyInvalid(node.message()).ifPresent(reason -> problems.add(Problem.error(
          node, Problem.Attribute.MESSAGE, null,
          Messages.invalidMessage(node.describe(), reason))));
    }
    return problems;
  }

  private static Optional<String> whyInvalid(String message) {
    Optional<String> notOneLine = OneLineText.whyNot(message);
    if (notOneLine.isPresent()) {
      return notOneLine;
    }
    int length = message.codePointCount(0, message.length());
    if (length > Messages.MAX_MESSAGE_LENGTH) {
      return Optional.of(Messages.messageTooLong(length));
    }
    return Optional.empty();
  }
}

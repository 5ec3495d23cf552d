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

  static Optional<String> whyInvalid(String message) {
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (isLineBreak(c)) {
        return Optional.of(Messages.containsLineBreak(c));
      }
      if (isControl(c)) {
        return Optional.of(Messages.containsControlCharacter(c));
      }
    }
    int length = message.codePointCount(0, message.length());
    if (length > Messages.MAX_MESSAGE_LENGTH) {
      return Optional.of(Messages.messageTooLong(length));
    }
    return Optional.empty();
  }

  /** What a regular expression's {@code \R} matches, one character at a time. */
  private static boolean isLineBreak(char c) {
    return (c >= '\n' && c <= '\r') || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /**
   * C0 and C1 controls and DEL, and the invisible marks that reorder how a terminal shows text
   * (the bidirectional embeddings, overrides and isolates).
   */
  private static boolean isControl(char c) {
    return Character.isISOControl(c)
        || c == '\u061C' || c == '\u200E' || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }
}

package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.Optional;

/**
 * Whether a text Retort prints as part of one line (a message, an irreversible revision's reason)
 * stays one line: no line break, which would print a forged line of its own, and no control
 * character, which a terminal acts on (an escape sequence, a right-to-left override).
 */
final class OneLineText {

  private OneLineText() {}

  /** Why {@code text} would not print as it reads on one line, or empty when it would. */
  static Optional<String> whyNot(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isLineBreak(c)) {
        return Optional.of(Messages.containsLineBreak(c));
      }
      if (isControl(c)) {
        return Optional.of(Messages.containsControlCharacter(c));
      }
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

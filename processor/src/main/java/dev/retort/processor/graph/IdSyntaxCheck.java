package dev.retort.processor.graph;

import dev.retort.processor.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ids and branch labels are written in targets ({@code billing@head}, {@code abc123+2},
 * {@code from:to}), so they may not contain that syntax, nor be one of the target words.
 */
final class IdSyntaxCheck implements GraphCheck {

  private static final Set<String> RESERVED_WORDS = Set.of("head", "heads", "base", "current");
  private static final String TARGET_SYNTAX = "@-+:";

  private final String command;

  IdSyntaxCheck(String command) {
    this.command = command;
  }

  @Override
  public List<Problem> check(RevisionGraph graph) {
    List<Problem> problems = new ArrayList<>();
    for (RevisionNode node : graph.nodes()) {
      whyInvalid(node.id(), true).ifPresent(reason -> problems.add(Problem.error(
          node, Problem.Attribute.ID, null,
          Messages.invalidId(command, node.describe(), node.id(), reason))));
      for (String label : node.branchLabels()) {
        whyInvalid(label, false).ifPresent(reason -> problems.add(Problem.error(
            node, Problem.Attribute.BRANCH_LABELS, label,
            Messages.invalidBranchLabel(node.describe(), label, reason))));
      }
    }
    return problems;
  }

  /** Why a name cannot be an id (or, with {@code lengthLimited} false, a label), if it cannot. */
  static Optional<String> whyInvalid(String name, boolean lengthLimited) {
    if (name.isBlank()) {
      return Optional.of(Messages.emptyValue());
    }
    if (name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
      return Optional.of(Messages.containsWhitespace());
    }
    for (char syntax : TARGET_SYNTAX.toCharArray()) {
      if (name.indexOf(syntax) >= 0) {
        return Optional.of(Messages.containsTargetSyntax(syntax));
      }
    }
    // Ids and labels end up in generated Java and its javadoc, in SQL and on command lines:
    // only ASCII letters, digits and underscores are safe in all of them.
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_';
      if (!safe) {
        return Optional.of(Messages.containsUnsafeCharacter(c));
      }
    }
    if (RESERVED_WORDS.contains(name)) {
      return Optional.of(Messages.reservedWord());
    }
    if (lengthLimited && name.length() > Messages.MAX_ID_LENGTH) {
      return Optional.of(Messages.tooLong(name.length()));
    }
    return Optional.empty();
  }
}

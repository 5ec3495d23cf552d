package dev.retort.review;

import dev.retort.review.messages.Messages;
import dev.retort.runtime.RevisionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** What both reports say about a revision before its sections: parents, class, transaction. */
final class Headers {

  private Headers() {}

  /** The class's simple name; a nested class keeps its outer class ({@code Outer.Inner}). */
  static String simpleName(RevisionInfo revision) {
    String name = revision.className();
    return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
  }

  /** The facts, each a short phrase, with the ids given to {@code id} to format. */
  static List<String> facts(RevisionInfo revision, UnaryOperator<String> id) {
    List<String> facts = new ArrayList<>();
    facts.add(Messages.PARENTS + " " + (revision.revises().isEmpty() ? id.apply(Messages.BASE)
        : String.join(", ", revision.revises().stream().map(id).toList())));
    if (!revision.dependsOn().isEmpty()) {
      facts.add(Messages.DEPENDS_ON + " " + String.join(", ",
          revision.dependsOn().stream().map(id).toList()));
    }
    facts.add(id.apply(simpleName(revision)));
    if (!revision.transactional()) {
      facts.add(Messages.OUTSIDE_A_TRANSACTION);
    }
    return facts;
  }
}

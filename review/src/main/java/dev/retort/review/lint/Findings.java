package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.Dialects;
import dev.retort.review.Finding;
import dev.retort.review.messages.Messages;
import java.util.ArrayList;
import java.util.List;

/** The findings of one revision, worded for the database under review. */
final class Findings {

  private final String revision;
  private final Dialects dialect;
  private final List<Finding> found = new ArrayList<>();

  Findings(String revision, Dialects dialect) {
    this.revision = revision;
    this.dialect = dialect;
  }

  /** A statement breaks a rule; {@code detail} says what exactly it does. */
  void add(LintRule rule, Step step, String detail) {
    found.add(new Finding(rule, revision, step.statement().number(), step.statement().oneLine(),
        detail, Messages.reason(rule, dialect), Messages.fix(rule, dialect)));
  }

  List<Finding> all() {
    return found;
  }
}

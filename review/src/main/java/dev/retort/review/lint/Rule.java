package dev.retort.review.lint;

import dev.retort.annotations.LintRule;

/** One rule of the linter: finds what breaks it in a revision, and nothing else. */
interface Rule {

  /** The rule, as reports and excuses name it. */
  LintRule id();

  /** Reports each statement of the revision that breaks the rule. */
  void check(RevisionContext revision, Findings findings);
}

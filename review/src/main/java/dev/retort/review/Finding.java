package dev.retort.review;

import dev.retort.annotations.LintRule;

/**
 * One thing the linter found in one statement of a revision's upgrade.
 *
 * @param rule the rule the statement breaks
 * @param revision the revision's id
 * @param statement the statement's position in the upgrade, from 1
 * @param sql the statement, on one line
 * @param detail what exactly it does: the table, column, constraint or index, and how
 * @param reason why that matters, in the database under review
 * @param fix what to write instead
 */
public record Finding(LintRule rule, String revision, int statement, String sql, String detail,
    String reason, String fix) {

  /** The rule's stable name, {@code create-index-blocking}. */
  public String ruleName() {
    return rule.ruleName();
  }

  /** One line: the rule, the revision and statement, what was found, why, and the fix. */
  public String describe() {
    return ruleName() + " in " + revision + ", statement " + statement + ": " + detail + ". "
        + reason + " Fix: " + fix;
  }
}

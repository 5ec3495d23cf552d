package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;
import dev.retort.review.schema.Change;

/** {@code rename-column}: a column that existed before the revision renamed. */
final class RenameColumn implements Rule {

  @Override
  public LintRule id() {
    return LintRule.RENAME_COLUMN;
  }

  @Override
  public void check(RevisionContext revision, Findings findings) {
    revision.changes(Change.ColumnRenamed.class)
        .filter(renamed -> renamed.step().existing(renamed.change().table(),
            renamed.change().from()))
        .forEach(renamed -> findings.add(id(), renamed.step(), Messages.columnRenamed(
            renamed.change().table(), renamed.change().from(), renamed.change().column())));
  }
}

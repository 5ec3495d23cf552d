package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;
import dev.retort.review.schema.Change;

/** {@code drop-column}: a column that existed before the revision dropped. */
final class DropColumn implements Rule {

  @Override
  public LintRule id() {
    return LintRule.DROP_COLUMN;
  }

  @Override
  public void check(RevisionContext revision, Findings findings) {
    revision.changes(Change.ColumnDropped.class)
        .filter(dropped -> dropped.step().existing(dropped.change().table(),
            dropped.change().column().name()))
        .forEach(dropped -> findings.add(id(), dropped.step(), Messages.columnDropped(
            dropped.change().table(), dropped.change().column().name())));
  }
}

package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;
import dev.retort.review.schema.Change;

/** {@code rename-table}: a table that existed before the revision renamed. */
final class RenameTable implements Rule {

  @Override
  public LintRule id() {
    return LintRule.RENAME_TABLE;
  }

  @Override
  public void check(RevisionContext revision, Findings findings) {
    revision.changes(Change.TableRenamed.class)
        .filter(renamed -> renamed.step().existing(renamed.change().from()))
        .forEach(renamed -> findings.add(id(), renamed.step(),
            Messages.tableRenamed(renamed.change().from(), renamed.change().table())));
  }
}

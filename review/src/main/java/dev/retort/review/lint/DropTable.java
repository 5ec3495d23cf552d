package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;
import dev.retort.review.schema.Change;

/** {@code drop-table}: a table that existed before the revision dropped. */
final class DropTable implements Rule {

  @Override
  public LintRule id() {
    return LintRule.DROP_TABLE;
  }

  @Override
  public void check(RevisionContext revision, Findings findings) {
    revision.changes(Change.TableDropped.class)
        .filter(dropped -> dropped.step().existing(dropped.change().table()))
        .forEach(dropped -> findings.add(id(), dropped.step(),
            Messages.tableDropped(dropped.change().table())));
  }
}

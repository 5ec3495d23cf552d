package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;
import dev.retort.review.schema.Change;

/**
 * {@code add-column-not-null-no-default}: a {@code NOT NULL} column without a default (or an
 * identity) added to an existing table.
 */
final class AddColumnNotNullNoDefault implements Rule {

  @Override
  public LintRule id() {
    return LintRule.ADD_COLUMN_NOT_NULL_NO_DEFAULT;
  }

  @Override
  public void check(RevisionContext revision, Findings findings) {
    revision.changes(Change.ColumnAdded.class)
        .filter(added -> added.step().existing(added.change().table()))
        .filter(added -> !added.change().column().nullable() && !added.change().column().filled())
        .forEach(added -> findings.add(id(), added.step(), Messages.notNullColumnWithoutDefault(
            added.change().table(), added.change().column().name(),
            added.change().column().type().written())));
  }
}

package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;
import dev.retort.review.schema.Change;

/**
 * {@code alter-column-type}: a type change of an existing column that rewrites the table; the
 * changes {@link TypeChanges} knows to be safe pass, unless a {@code USING} expression rewrites
 * the values anyway.
 */
final class AlterColumnType implements Rule {

  @Override
  public LintRule id() {
    return LintRule.ALTER_COLUMN_TYPE;
  }

  @Override
  public void check(RevisionContext revision, Findings findings) {
    revision.changes(Change.ColumnTypeChanged.class)
        .filter(changed -> changed.step().existing(changed.change().table(),
            changed.change().column()))
        .filter(changed -> changed.step().statement().convertsWithUsing()
            || TypeChanges.rewrites(revision.dialect(), changed.change().from(),
                changed.change().to()))
        .forEach(changed -> findings.add(id(), changed.step(), Messages.typeChangeRewrites(
            changed.change().table(), changed.change().column(),
            changed.change().from().written(), changed.change().to().written(),
            changed.step().statement().convertsWithUsing())));
  }
}

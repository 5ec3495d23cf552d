package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;
import dev.retort.review.schema.Change;
import dev.retort.review.schema.Statement;

/**
 * {@code add-unique}: a unique constraint or primary key added to an existing table, which builds
 * its index under the lock; {@code ADD CONSTRAINT ... USING INDEX} takes over an index built
 * before, and passes.
 */
final class AddUnique implements Rule {

  @Override
  public LintRule id() {
    return LintRule.ADD_UNIQUE;
  }

  @Override
  public void check(RevisionContext revision, Findings findings) {
    revision.changes(Change.ConstraintAdded.class)
        .filter(added -> added.change().constraint().kind() == Change.ConstraintKind.UNIQUE
            || added.change().constraint().kind() == Change.ConstraintKind.PRIMARY_KEY)
        .filter(added -> added.step().existing(added.change().table()))
        .filter(added -> !(added.step().statement().form()
            instanceof Statement.Form.ConstraintUsingIndex))
        .forEach(added -> findings.add(id(), added.step(), Messages.uniqueBuiltUnderLock(
            added.change().constraint().kind().words(), added.change().constraint().name(),
            added.change().table(), String.join(", ", added.change().constraint().columns()))));
  }
}

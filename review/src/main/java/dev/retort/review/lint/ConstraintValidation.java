package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.Dialects;
import dev.retort.review.messages.Messages;
import dev.retort.review.schema.Change;
import dev.retort.review.schema.Statement;
import java.util.Optional;

/**
 * What {@code add-foreign-key-validating} and {@code add-check-validating} share: a constraint of
 * their kind added to an existing table is checked against every row at once, unless it is added
 * {@code NOT VALID} (PostgreSQL) and validated by a later transaction. Validating it in the
 * transaction that added it keeps the lock of the {@code ADD} through the scan, which is the same
 * thing.
 */
abstract class ConstraintValidation implements Rule {

  private final Change.ConstraintKind kind;

  ConstraintValidation(Change.ConstraintKind kind) {
    this.kind = kind;
  }

  @Override
  public abstract LintRule id();

  @Override
  public final void check(RevisionContext revision, Findings findings) {
    revision.changes(Change.ConstraintAdded.class)
        .filter(added -> added.change().constraint().kind() == kind)
        .filter(added -> added.step().existing(added.change().table()))
        .filter(added -> !added.step().statement().notValid())
        .forEach(added -> findings.add(id(), added.step(), Messages.constraintValidatedAsAdded(
            kind.words(), added.change().constraint().name(), added.change().table())));
    if (revision.dialect() != Dialects.POSTGRES || !revision.transactional()) {
      return;
    }
    for (Step step : revision.steps()) {
      if (step.statement().form() instanceof Statement.Form.ValidateConstraint validate
          && RevisionContext.constraintKind(step.before(), validate.table(),
              validate.constraint()).equals(Optional.of(kind))) {
        revision.addedNotValid(validate.table(), validate.constraint(), step)
            .ifPresent(adding -> findings.add(id(), step,
                Messages.constraintValidatedInSameTransaction(kind.words(),
                    validate.constraint(), validate.table(), adding.statement().number())));
      }
    }
  }
}

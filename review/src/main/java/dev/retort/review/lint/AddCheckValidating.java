package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.schema.Change;

/** {@code add-check-validating}: a check constraint added to an existing table and validated at once. */
final class AddCheckValidating extends ConstraintValidation {

  AddCheckValidating() {
    super(Change.ConstraintKind.CHECK);
  }

  @Override
  public LintRule id() {
    return LintRule.ADD_CHECK_VALIDATING;
  }
}

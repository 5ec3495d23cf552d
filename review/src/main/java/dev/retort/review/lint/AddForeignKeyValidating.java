package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.schema.Change;

/**
 * {@code add-foreign-key-validating}: a foreign key added to an existing table and validated at
 * once. A table created in the same revision is empty, so checking its rows costs nothing.
 */
final class AddForeignKeyValidating extends ConstraintValidation {

  AddForeignKeyValidating() {
    super(Change.ConstraintKind.FOREIGN_KEY);
  }

  @Override
  public LintRule id() {
    return LintRule.ADD_FOREIGN_KEY_VALIDATING;
  }
}

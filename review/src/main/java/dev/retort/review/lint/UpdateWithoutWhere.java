package dev.retort.review.lint;

import dev.retort.annotations.LintRule;

/** {@code update-without-where}: an {@code UPDATE} of every row of an existing table. */
final class UpdateWithoutWhere extends EveryRow {

  UpdateWithoutWhere() {
    super(DataStatements.UPDATE);
  }

  @Override
  public LintRule id() {
    return LintRule.UPDATE_WITHOUT_WHERE;
  }
}

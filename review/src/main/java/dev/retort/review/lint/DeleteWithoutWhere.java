package dev.retort.review.lint;

import dev.retort.annotations.LintRule;

/** {@code delete-without-where}: a {@code DELETE} of every row of an existing table. */
final class DeleteWithoutWhere extends EveryRow {

  DeleteWithoutWhere() {
    super(DataStatements.DELETE);
  }

  @Override
  public LintRule id() {
    return LintRule.DELETE_WITHOUT_WHERE;
  }
}

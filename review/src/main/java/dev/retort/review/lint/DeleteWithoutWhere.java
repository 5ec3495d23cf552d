package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;

/** {@code delete-without-where}: a {@code DELETE} of every row of an existing table. */
final class DeleteWithoutWhere implements Rule {

  @Override
  public LintRule id() {
    return LintRule.DELETE_WITHOUT_WHERE;
  }

  @Override
  public void check(RevisionContext revision, Findings findings) {
    for (Step step : revision.steps()) {
      DataStatements.of(step.statement().query())
          .filter(data -> data.verb().equals("DELETE FROM") && data.everyRow())
          .filter(data -> step.existing(data.table()))
          .ifPresent(data -> findings.add(id(), step,
              Messages.everyRow(data.verb(), data.table())));
    }
  }
}

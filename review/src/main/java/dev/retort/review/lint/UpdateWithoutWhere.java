package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;

/** {@code update-without-where}: an {@code UPDATE} of every row of an existing table. */
final class UpdateWithoutWhere implements Rule {

  @Override
  public LintRule id() {
    return LintRule.UPDATE_WITHOUT_WHERE;
  }

  @Override
  public void check(RevisionContext revision, Findings findings) {
    for (Step step : revision.steps()) {
      DataStatements.of(step.statement().query())
          .filter(data -> data.verb().equals("UPDATE") && data.everyRow())
          .filter(data -> step.existing(data.table()))
          .ifPresent(data -> findings.add(id(), step,
              Messages.everyRow(data.verb(), data.table())));
    }
  }
}

package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;

/**
 * What {@code update-without-where} and {@code delete-without-where} share: a data change of every
 * row of an existing table (no {@code WHERE}, or {@code WHERE TRUE}). A table created in the same
 * revision has only the rows the revision put there.
 */
abstract class EveryRow implements Rule {

  private final String verb;

  EveryRow(String verb) {
    this.verb = verb;
  }

  @Override
  public abstract LintRule id();

  @Override
  public final void check(RevisionContext revision, Findings findings) {
    for (Step step : revision.steps()) {
      DataStatements.of(step.statement().query())
          .filter(data -> data.verb().equals(verb) && data.everyRow())
          .filter(data -> step.existing(data.table()))
          .ifPresent(data -> findings.add(id(), step,
              Messages.everyRow(data.verb(), data.table())));
    }
  }
}

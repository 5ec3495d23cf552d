package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;
import dev.retort.review.schema.Names;
import dev.retort.review.schema.Statement;
import org.jooq.impl.QOM;

/**
 * {@code create-index-blocking}: a {@code CREATE INDEX} on an existing table without {@code
 * CONCURRENTLY}. An index on a table created in the same revision is fine: no one writes to it
 * yet.
 */
final class CreateIndexBlocking implements Rule {

  @Override
  public LintRule id() {
    return LintRule.CREATE_INDEX_BLOCKING;
  }

  @Override
  public void check(RevisionContext revision, Findings findings) {
    for (Step step : revision.steps()) {
      if (step.statement().concurrently()) {
        continue;
      }
      if (step.statement().query() instanceof QOM.CreateIndex index) {
        String table = Names.key(index.$table());
        if (step.existing(table)) {
          findings.add(id(), step, Messages.indexWithoutConcurrently(
              index.$index() == null ? "" : Names.key(index.$index().getUnqualifiedName()),
              table, index.$unique()));
        }
      } else if (step.statement().form() instanceof Statement.Form.UnparsedIndex index
          && step.existing(index.table())) {
        findings.add(id(), step,
            Messages.indexWithoutConcurrently(index.index(), index.table(), index.unique()));
      }
    }
  }
}

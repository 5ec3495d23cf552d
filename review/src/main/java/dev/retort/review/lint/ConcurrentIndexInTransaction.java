package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;
import org.jooq.impl.QOM;

/**
 * {@code concurrent-index-in-transaction}: {@code CREATE} or {@code DROP INDEX CONCURRENTLY} in a
 * transactional revision, which PostgreSQL refuses to run. The fix of {@code
 * create-index-blocking} leads here when {@code transactional = false} is forgotten.
 */
final class ConcurrentIndexInTransaction implements Rule {

  @Override
  public LintRule id() {
    return LintRule.CONCURRENT_INDEX_IN_TRANSACTION;
  }

  @Override
  public void check(RevisionContext revision, Findings findings) {
    if (!revision.transactional()) {
      return;
    }
    for (Step step : revision.steps()) {
      if (step.statement().concurrently()) {
        findings.add(id(), step, Messages.concurrentIndexInTransaction(
            step.statement().query() instanceof QOM.CreateIndex));
      }
    }
  }
}

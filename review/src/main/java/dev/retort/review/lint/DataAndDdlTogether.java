package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;
import dev.retort.review.schema.Change;
import dev.retort.review.schema.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code data-and-ddl-together}: an {@code UPDATE} or {@code DELETE} of an existing table in the
 * transaction of a revision that also changes that table's schema, before or after the data
 * change. Only where DDL is transactional: elsewhere each DDL statement commits on its own.
 */
final class DataAndDdlTogether implements Rule {

  @Override
  public LintRule id() {
    return LintRule.DATA_AND_DDL_TOGETHER;
  }

  @Override
  public void check(RevisionContext revision, Findings findings) {
    if (!revision.transactional() || !revision.dialect().transactionalDdl()) {
      return;
    }
    // The first statement that changes each table's schema, under every name it has.
    Map<String, Integer> ddl = new LinkedHashMap<>();
    for (Step step : revision.steps()) {
      Statement statement = step.statement();
      if (statement.kind() != Statement.Kind.DDL || statement.concurrently()
          || statement.form() instanceof Statement.Form.ValidateConstraint) {
        continue;
      }
      for (Change change : step.changes()) {
        ddl.putIfAbsent(change.table(), statement.number());
        if (change instanceof Change.TableRenamed renamed) {
          ddl.putIfAbsent(renamed.from(), statement.number());
        }
      }
    }
    for (Step step : revision.steps()) {
      DataStatements.of(step.statement().query())
          .filter(data -> step.existing(data.table()) && ddl.containsKey(data.table()))
          .ifPresent(data -> findings.add(id(), step,
              Messages.dataWithDdl(data.verb(), data.table(), ddl.get(data.table()))));
    }
  }
}

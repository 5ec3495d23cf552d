package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.messages.Messages;
import dev.retort.review.schema.Change;
import dev.retort.review.schema.Schema;
import java.util.Locale;
import org.jooq.Check;
import org.jooq.Table;

/**
 * {@code set-not-null}: {@code SET NOT NULL} on a column of an existing table. PostgreSQL 12 and
 * later skip the scan when a valid {@code CHECK (column IS NOT NULL)} already proves it, which is
 * the fix's last step, so that passes: a check from an earlier revision counts as valid (the fix
 * validates it there), one added {@code NOT VALID} by this revision only once this revision
 * validated it.
 */
final class SetNotNull implements Rule {

  @Override
  public LintRule id() {
    return LintRule.SET_NOT_NULL;
  }

  @Override
  public void check(RevisionContext revision, Findings findings) {
    revision.changes(Change.NullabilityChanged.class)
        .filter(set -> !set.change().nullable())
        .filter(set -> set.step().existing(set.change().table()))
        .filter(set -> !provenByCheck(revision, set.step(), set.change()))
        .forEach(set -> findings.add(id(), set.step(),
            Messages.setNotNull(set.change().table(), set.change().column())));
  }

  private static boolean provenByCheck(RevisionContext revision, Step step,
      Change.NullabilityChanged set) {
    Schema before = step.before();
    Table<?> table = before.table(set.table()).orElse(null);
    if (table == null) {
      return false;
    }
    for (Check<?> check : table.getChecks()) {
      String name = check.getName() == null ? "" : check.getName().toLowerCase(Locale.ROOT);
      boolean provesIt = normalized(check.condition().toString())
          .equals(set.column() + " is not null");
      boolean invalid = revision.addedNotValid(set.table(), name, step).isPresent()
          && !revision.validatedBefore(set.table(), name, step);
      if (provesIt && !invalid) {
        return true;
      }
    }
    return false;
  }

  /** A condition without quotes, qualifiers, brackets or repeated spaces, in lower case. */
  private static String normalized(String condition) {
    return condition.toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "")
        .replaceAll("[()]", "").replaceAll("\\b[a-z_][a-z0-9_$]*\\.", "")
        .replaceAll("\\s+", " ").strip();
  }
}

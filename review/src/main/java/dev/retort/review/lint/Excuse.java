package dev.retort.review.lint;

import dev.retort.annotations.Allow;
import dev.retort.annotations.LintRule;
import java.util.List;

/**
 * A deliberate exception to a rule, as a revision declares it with {@link Allow @Allow}.
 *
 * @param reason why the change is safe; blank when the revision gave none
 */
public record Excuse(LintRule rule, String reason) {

  /** The excuses on a migration class, in source order. */
  public static List<Excuse> declaredBy(Class<?> migration) {
    return List.of(migration.getAnnotationsByType(Allow.class)).stream()
        .map(allow -> new Excuse(allow.rule(), allow.reason())).toList();
  }

  /** Whether it gives a reason, without which it excuses nothing. */
  public boolean hasReason() {
    return reason != null && !reason.isBlank();
  }
}

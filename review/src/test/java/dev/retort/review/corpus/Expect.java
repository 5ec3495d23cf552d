package dev.retort.review.corpus;

import dev.retort.annotations.LintRule;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What linting a corpus revision on PostgreSQL must give, written next to the migration: {@link
 * CorpusTest} checks every revision against it. A near miss expects nothing, and no note either,
 * so that it cannot pass by being unreadable.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Expect {

  /** The rules the revision breaks, in the order of its statements. */
  LintRule[] value() default {};

  /** The rules it breaks that its {@code @Allow} excuses. */
  LintRule[] excused() default {};

  /** How many notes (statements not checked, excuses that excuse nothing) it gets. */
  int notes() default 0;

  /**
   * The rules this revision is a near miss of: the same change on a table created in the same
   * revision, or the safe form the rule's fix names. The corpus has one for every rule.
   */
  LintRule[] nearMissOf() default {};
}

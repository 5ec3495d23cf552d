package dev.retort.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A deliberate exception to one {@link LintRule}, written on the {@link Revision} it excuses so
 * that the reviewer reads it in the same diff:
 *
 * <pre>{@code
 * @Revision(id = "5b0e33c1d9f2", revises = "e7f4b2c9a016", message = "Drop legacy order code")
 * @Allow(rule = LintRule.DROP_COLUMN,
 *     reason = "orders.legacy_code is unread since 2.4, which every server runs")
 * public final class M0008_DropLegacyOrderCode implements Migration { ... }
 * }</pre>
 *
 * <p>It silences exactly its rule, for every statement of this revision's upgrade, and nothing
 * else; the report still lists the excused finding with the reason. Repeat it to excuse several
 * rules. An excuse with a blank reason is refused (the finding stands), and one that excuses
 * nothing is reported, so that excuses do not outlive the code they were written for.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Allow.List.class)
public @interface Allow {

  /** The rule this revision breaks on purpose. */
  LintRule rule();

  /** Why it is safe here: what the reviewer would otherwise have to ask. */
  String reason();

  /** The container of repeated {@link Allow} annotations; written by javac, not by hand. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {

    /** The excuses, in source order. */
    Allow[] value();
  }
}

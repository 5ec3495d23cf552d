package dev.retort.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Revision} that cannot be downgraded, for example because its upgrade drops data
 * that no downgrade can bring back.
 *
 * <p>A migration either implements {@code downgrade} or carries this annotation: the processor
 * rejects a migration that does neither (a missing downgrade must be a decision, never an
 * oversight) and one that does both. The runtime refuses a downgrade through an irreversible
 * revision before it runs anything.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Irreversible {

  /**
   * Why the revision cannot be undone; printed within one line wherever Retort names the
   * revision as irreversible: a refused downgrade, {@code show}, offline {@code sql}, the proofs.
   * One line that says something, without line breaks or control characters: the processor
   * rejects anything else ({@code [Retort/InvalidIrreversibleReason]}).
   */
  String value();
}

package dev.retort.runtime;

import dev.retort.runtime.messages.Messages;
import org.jooq.DSLContext;

/**
 * One step of the schema's history, written in the jOOQ DSL. Implementations carry
 * {@link dev.retort.annotations.Revision @Revision}, which places them in the revision graph.
 *
 * <p>Both methods receive a {@link DSLContext} bound to the connection (and, for a transactional
 * revision, the transaction) in which the runtime records the step, so every statement a
 * migration executes through it is part of the same unit of work.
 */
public interface Migration {

  /** Moves the schema from the parent revisions to this one. */
  void upgrade(DSLContext db);

  /**
   * Moves the schema from this revision back to its parents: the exact inverse of
   * {@link #upgrade}.
   *
   * <p>A migration that cannot be undone does not override this method and is annotated
   * {@link dev.retort.annotations.Irreversible @Irreversible} instead; the processor rejects a
   * migration that does neither. This default exists for those migrations and is never reached
   * in normal operation, because the runtime refuses a downgrade through an irreversible
   * revision before running anything.
   *
   * @throws IrreversibleMigrationException always, unless overridden
   */
  default void downgrade(DSLContext db) {
    throw new IrreversibleMigrationException(Messages.noDowngrade(getClass().getName()));
  }
}

package dev.retort.runtime;

/** Thrown when a migration annotated {@code @Irreversible} is asked to downgrade. */
public final class IrreversibleMigrationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IrreversibleMigrationException(String migrationClassName) {
    super(migrationClassName + " is @Irreversible and has no downgrade; "
        + "restore the schema from a backup or write a new revision that reverts it");
  }
}

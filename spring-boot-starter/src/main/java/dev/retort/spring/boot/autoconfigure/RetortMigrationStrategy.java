package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.Retort;

/**
 * What the application does with its database at start-up instead of what {@code retort.mode}
 * says: declare one as a bean to replace the upgrade (or the validation) with your own steps,
 * such as logging what is pending first or upgrading only on one kind of instance.
 *
 * <pre>{@code
 * @Bean
 * RetortMigrationStrategy logThenUpgrade() {
 *   return retort -> {
 *     log.info("Pending: {}", retort.check().pending());
 *     retort.upgrade("heads");
 *   };
 * }
 * }</pre>
 *
 * <p>It runs where the upgrade would, so everything that uses the database still waits for it.
 * With {@code retort.mode=none} it does not run; {@code retort.target} is not passed to it.
 */
@FunctionalInterface
public interface RetortMigrationStrategy {

  /**
   * Brings the database where the application needs it.
   *
   * @param retort Retort on the migration data source, with the configured settings
   */
  void migrate(Retort retort);
}

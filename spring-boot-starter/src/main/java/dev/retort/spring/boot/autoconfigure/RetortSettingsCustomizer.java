package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.RetortSettings;

/**
 * Changes the {@link RetortSettings} built from the {@code retort.*} properties before the
 * {@code Retort} bean is created. Customizer beans run in their {@code @Order}; each receives
 * what the previous one returned.
 *
 * <pre>{@code
 * @Bean
 * RetortSettingsCustomizer singleTransaction() {
 *   return settings -> settings.withTransactionMode(TransactionMode.SINGLE);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RetortSettingsCustomizer {

  /**
   * The settings to use instead.
   *
   * @param settings the settings so far (immutable: return a copy made with its {@code with}
   *     methods)
   * @return the settings to use; never {@code null}
   */
  RetortSettings customize(RetortSettings settings);
}

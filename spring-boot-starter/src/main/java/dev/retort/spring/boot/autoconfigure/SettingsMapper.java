package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.RetortSettings;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The {@link RetortSettings} the {@code retort.*} properties describe. Pure: it reads the
 * properties and nothing else, and names the property of any value the runtime refuses.
 */
final class SettingsMapper {

  private SettingsMapper() {}

  /**
   * @throws InvalidRetortPropertyException naming the first property Retort cannot use
   */
  static RetortSettings settings(RetortProperties properties) {
    RetortSettings settings = RetortSettings.defaults();
    String schema = properties.getSchema();
    if (schema != null && !schema.isBlank()) {
      settings = apply(settings, Messages.SCHEMA, s -> s.withSchema(schema.strip()));
    }
    settings = apply(settings, Messages.VERSION_TABLE,
        s -> s.withVersionTable(properties.getVersionTable()));
    settings = apply(settings, Messages.HISTORY_TABLE,
        s -> s.withHistoryTable(properties.getHistoryTable()));
    settings = apply(settings, Messages.LOCK_TABLE,
        s -> s.withLockTable(properties.getLockTable()));
    settings = settings.withLockTimeout(positive(Messages.LOCK_TIMEOUT,
        properties.getLockTimeout()));
    settings = settings.withLeaseDuration(positive(Messages.LEASE_DURATION,
        properties.getLeaseDuration()));
    if (properties.getTransactionMode() == null) {
      throw new InvalidRetortPropertyException(Messages.TRANSACTION_MODE,
          Messages.invalidProperty(Messages.TRANSACTION_MODE, Messages.emptyTransactionMode()));
    }
    settings = settings.withTransactionMode(properties.getTransactionMode());
    if (properties.getNameQuoting() == null) {
      throw new InvalidRetortPropertyException(Messages.NAME_QUOTING,
          Messages.invalidProperty(Messages.NAME_QUOTING, Messages.emptyNameQuoting()));
    }
    return settings.withNameQuoting(properties.getNameQuoting());
  }

  /** The target to upgrade to or validate against. */
  static String target(RetortProperties properties) {
    String target = properties.getTarget();
    if (target == null || target.isBlank()) {
      throw new InvalidRetortPropertyException(Messages.TARGET,
          Messages.invalidProperty(Messages.TARGET, Messages.emptyTarget()));
    }
    return target.strip();
  }

  /** What to do at start-up. */
  static RetortProperties.Mode mode(RetortProperties properties) {
    if (properties.getMode() == null) {
      throw new InvalidRetortPropertyException(Messages.MODE,
          Messages.invalidProperty(Messages.MODE, Messages.emptyMode()));
    }
    return properties.getMode();
  }

  /** The runtime's own reason, which names the rule and a valid example, under the property. */
  private static RetortSettings apply(RetortSettings settings, String property,
      UnaryOperator<RetortSettings> change) {
    try {
      return change.apply(settings);
    } catch (IllegalArgumentException refused) {
      throw new InvalidRetortPropertyException(property,
          Messages.invalidProperty(property, refused.getMessage()));
    }
  }

  private static Duration positive(String property, Duration duration) {
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new InvalidRetortPropertyException(property,
          Messages.invalidProperty(property, Messages.notPositive(duration)));
    }
    return duration;
  }
}

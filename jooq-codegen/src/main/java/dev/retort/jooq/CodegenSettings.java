package dev.retort.jooq;

import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RetortSettings.NameQuoting;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The properties of {@code <database>} in jOOQ's configuration that {@link RetortDatabase}
 * reads. All are optional.
 *
 * <ul>
 *   <li>{@code dialect}: the production dialect, whose H2 mode the migrations run in (default
 *       {@code H2});
 *   <li>{@code registry}: the registry class to use when the classpath has several that do not
 *       cover each other;
 *   <li>{@code includeStateTables}: whether to generate classes for Retort's own tables (default
 *       {@code false});
 *   <li>{@code versionTable}, {@code historyTable}, {@code lockTable}: their names, if the
 *       production database uses other names and they are included;
 *   <li>{@code nameQuoting}: {@code UNQUOTED} (default) or {@code QUOTED}, as the production
 *       database's {@code RetortSettings.withNameQuoting}, since it decides the names' case;
 *   <li>{@code unqualifiedSchema}: as for jOOQ's DDLDatabase, {@code none} (default) generates
 *       H2's default schema without a name, so queries are not qualified with it.
 * </ul>
 *
 * @param registry the registry's class name, or {@code null} for the one on the classpath
 */
record CodegenSettings(
    InMemoryDialect dialect,
    String registry,
    boolean includeStateTables,
    RetortSettings retort,
    boolean unqualifiedDefaultSchema) {

  /**
   * Reads the properties.
   *
   * @throws IllegalArgumentException if one is invalid; the message says which and how to fix it
   */
  static CodegenSettings from(Properties properties) {
    RetortSettings retort = RetortSettings.defaults()
        .withVersionTable(properties.getProperty("versionTable",
            RetortSettings.defaults().versionTable()))
        .withHistoryTable(properties.getProperty("historyTable",
            RetortSettings.defaults().historyTable()))
        .withLockTable(properties.getProperty("lockTable", RetortSettings.defaults().lockTable()))
        .withNameQuoting(nameQuoting(properties.getProperty("nameQuoting")));
    String registry = properties.getProperty("registry");
    return new CodegenSettings(
        InMemoryDialect.of(properties.getProperty("dialect", "H2")),
        registry == null || registry.isBlank() ? null : registry.trim(),
        bool(properties, "includeStateTables", false),
        retort,
        "none".equalsIgnoreCase(properties.getProperty("unqualifiedSchema", "none").trim()));
  }

  private static NameQuoting nameQuoting(String value) {
    if (value == null || value.isBlank()) {
      return RetortSettings.defaults().nameQuoting();
    }
    try {
      return NameQuoting.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(Messages.unknownNameQuoting(value,
          List.of(NameQuoting.values())), unknown);
    }
  }

  private static boolean bool(Properties properties, String name, boolean otherwise) {
    String value = properties.getProperty(name);
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(Messages.notABoolean(name, value));
    };
  }
}

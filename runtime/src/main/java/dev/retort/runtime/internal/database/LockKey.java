package dev.retort.runtime.internal.database;

import dev.retort.runtime.RetortSettings;
import java.nio.charset.StandardCharsets;

/**
 * What runners that must exclude each other share: the name of the version table they record
 * to, qualified by its schema. Each lock turns it into what its database takes.
 *
 * @param name the qualified version table
 */
record LockKey(String name) {

  static LockKey of(RetortSettings settings) {
    return new LockKey((settings.schema() == null ? "" : settings.schema() + ".")
        + settings.versionTable());
  }

  /** A stable 64-bit number for the name, for a lock that takes a number. */
  long number() {
    long hash = 1125899906842597L;
    for (byte b : ("retort:" + name).getBytes(StandardCharsets.UTF_8)) {
      hash = 31 * hash + b;
    }
    return hash;
  }

  /** The name prefixed with {@code retort:}, or its number where that is longer than allowed. */
  String text(int maxLength) {
    String full = "retort:" + name;
    return full.length() <= maxLength ? full : "retort:" + Long.toHexString(number());
  }
}

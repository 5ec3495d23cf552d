package dev.retort.runtime.internal.state;

import java.time.LocalDateTime;
import java.util.Locale;

/**
 * One row of the history table, as written.
 *
 * @param revision the revision's id, or {@code base} for a stamp that cleared the version table
 * @param finishedAt {@code null} for a row written before a step that cannot be rolled back
 * @param rolledBack for a failure, whether its changes were rolled back; {@code null} otherwise
 */
public record HistoryRow(
    String revision,
    Action action,
    String message,
    String checksum,
    LocalDateTime startedAt,
    LocalDateTime finishedAt,
    String databaseUser,
    String host,
    boolean success,
    Boolean rolledBack) {

  /** What a row records, and the code the {@code direction} column holds for it. */
  public enum Action {
    UP, DOWN, STAMP, REPAIR;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}

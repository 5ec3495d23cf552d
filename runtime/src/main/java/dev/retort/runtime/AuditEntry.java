package dev.retort.runtime;

import java.time.LocalDateTime;

/**
 * One row of the history table ({@code retort_history}): a step, stamp or repair, who ran it,
 * when, for how long, and whether it succeeded. {@link Retort#auditTrail(int)} reads them.
 *
 * @param id the row's id, rising with every row written
 * @param revision the revision id, or {@code base} for a stamp that cleared the version table
 * @param action what the row records
 * @param message the revision's message when it ran
 * @param checksum the revision's checksum when it ran; {@code null} for a stamp of base
 * @param startedAt when the step began
 * @param finishedAt when it ended; {@code null} while it runs, or when its runner died during a
 *     revision that cannot be rolled back
 * @param durationMillis how long it took; {@code null} when it has not finished
 * @param databaseUser the database user that ran it
 * @param host the host it ran on
 * @param retortVersion the version of Retort that ran it
 * @param success whether it succeeded
 * @param rolledBack for a failure, whether its changes were rolled back; {@code null} otherwise
 */
public record AuditEntry(
    long id,
    String revision,
    Action action,
    String message,
    String checksum,
    LocalDateTime startedAt,
    LocalDateTime finishedAt,
    Long durationMillis,
    String databaseUser,
    String host,
    String retortVersion,
    boolean success,
    Boolean rolledBack) {

  /** What a history row records. */
  public enum Action {
    /** A revision's upgrade ran. */
    UPGRADE,
    /** A revision's downgrade ran. */
    DOWNGRADE,
    /** The version table was set without running anything. */
    STAMP,
    /** A checksum or an unresolved failure was accepted after a person checked the schema. */
    REPAIR
  }
}

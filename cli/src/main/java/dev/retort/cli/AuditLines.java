package dev.retort.cli;

import dev.retort.runtime.AuditEntry;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A row of the audit trail as one line, in the spirit of Alembic's log lines: when, who, where,
 * what, how long, and how it ended.
 *
 * <pre>
 * 2026-12-01 10:15:02  sa@build-7  upgrade    ae1027a6acf0  12 ms  succeeded, Create users table
 * </pre>
 */
final class AuditLines {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private AuditLines() {}

  static String line(AuditEntry row) {
    return WHEN.format(row.startedAt()) + "  " + row.databaseUser() + "@" + row.host() + "  "
        + String.format(Locale.ROOT, "%-9s", row.action().name().toLowerCase(Locale.ROOT)) + "  "
        + row.revision() + "  " + duration(row) + "  " + outcome(row)
        + (row.message() == null || row.message().isEmpty() ? "" : ", " + row.message());
  }

  /** Every field of the row. */
  static String verbose(AuditEntry row) {
    return "Row: " + row.id() + "\n"
        + "Revision: " + row.revision() + "\n"
        + "Action: " + row.action().name().toLowerCase(Locale.ROOT) + "\n"
        + "Outcome: " + outcome(row) + "\n"
        + "Started: " + row.startedAt() + "\n"
        + "Finished: " + (row.finishedAt() == null ? "-" : row.finishedAt()) + "\n"
        + "Duration: " + duration(row) + "\n"
        + "User: " + row.databaseUser() + "\n"
        + "Host: " + row.host() + "\n"
        + "Retort: " + row.retortVersion() + "\n"
        + "Checksum: " + (row.checksum() == null ? "-" : row.checksum()) + "\n"
        + "\n    " + (row.message() == null ? "" : row.message()) + "\n\n";
  }

  private static String duration(AuditEntry row) {
    return row.durationMillis() == null ? "-" : row.durationMillis() + " ms";
  }

  /** succeeded, FAILED (rolled back), FAILED (NOT rolled back), or never finished. */
  static String outcome(AuditEntry row) {
    if (row.success()) {
      return "succeeded";
    }
    if (row.finishedAt() == null) {
      return "NEVER FINISHED";
    }
    return Boolean.TRUE.equals(row.rolledBack()) ? "FAILED (rolled back)"
        : "FAILED (NOT rolled back)";
  }
}

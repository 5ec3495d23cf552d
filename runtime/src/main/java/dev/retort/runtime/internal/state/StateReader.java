package dev.retort.runtime.internal.state;

import dev.retort.runtime.AuditEntry;
import dev.retort.runtime.internal.database.DatabaseProfile;
import dev.retort.runtime.internal.state.StateSql.Statement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the state tables with plain JDBC, with the statements {@link StateSql} keeps. Every
 * command starts with these reads, and a start-up with nothing to do needs nothing else, so they
 * must not wait for jOOQ to load: that alone cost more than the database round trips.
 */
public final class StateReader {

  /**
   * The latest state the history records for a revision.
   *
   * @param checksum the checksum it was last applied, stamped or repaired with
   * @param unresolvedFailure whether its latest row is a failure that was not rolled back, or a
   *     start that never finished
   * @param interrupted whether that row is a start that never finished: the runner died or lost
   *     its connection during a revision that could not be rolled back
   * @param down whether that row is a downgrade
   */
  public record Recorded(String checksum, boolean unresolvedFailure, boolean interrupted,
      String at, String host, boolean down) {}

  private final StateSql sql;
  private final DatabaseProfile profile;

  public StateReader(StateSql sql, DatabaseProfile profile) {
    this.sql = sql;
    this.profile = profile;
  }

  /** The ids the version table holds, or none when it does not exist yet. */
  public List<String> heads(Connection connection) throws SQLException {
    List<String> heads = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
            sql.sql(Statement.SELECT_HEADS));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        heads.add(rows.getString(1));
      }
    } catch (SQLException e) {
      if (!profile.isMissingTable(e)) {
        throw e;
      }
    }
    return heads;
  }

  /**
   * For each revision the history mentions, the checksum it was last applied, stamped or repaired
   * with, and whether its latest row is a failure that was not rolled back; empty when the history
   * table does not exist yet.
   */
  public Map<String, Recorded> recorded(Connection connection) throws SQLException {
    Map<String, Recorded> latest = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
            sql.sql(Statement.SELECT_RECORDED));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        String revision = rows.getString(1);
        Recorded before = latest.get(revision);
        boolean success = rows.getBoolean(4);
        boolean rolledBack = rows.getBoolean(5);
        boolean setsChecksum = success && !"down".equals(rows.getString(2));
        String checksum = setsChecksum ? rows.getString(3)
            : before == null ? null : before.checksum();
        boolean interrupted = rows.getString(7) == null;
        latest.put(revision, new Recorded(checksum, !success && !rolledBack, interrupted,
            rows.getString(6), rows.getString(8), "down".equals(rows.getString(2))));
      }
    } catch (SQLException e) {
      if (!profile.isMissingTable(e)) {
        throw e;
      }
    }
    return latest;
  }

  /**
   * The newest rows of the history table, newest first, at most {@code limit} of them; none when
   * the table does not exist yet.
   */
  public List<AuditEntry> auditTrail(Connection connection, int limit) throws SQLException {
    List<AuditEntry> rows = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
        sql.sql(Statement.SELECT_AUDIT))) {
      statement.setMaxRows(limit);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          long duration = row.getLong(8);
          Long durationMillis = row.wasNull() ? null : duration;
          boolean rolledBack = row.getBoolean(13);
          Boolean rolledBackOrNull = row.wasNull() ? null : rolledBack;
          rows.add(new AuditEntry(row.getLong(1), row.getString(2), action(row.getString(3)),
              row.getString(4), row.getString(5), row.getObject(6, LocalDateTime.class),
              row.getObject(7, LocalDateTime.class), durationMillis, row.getString(9),
              row.getString(10), row.getString(11), row.getBoolean(12), rolledBackOrNull));
        }
      }
    } catch (SQLException e) {
      if (!profile.isMissingTable(e)) {
        throw e;
      }
    }
    return rows;
  }

  private static AuditEntry.Action action(String code) {
    switch (code) {
      case "up":
        return AuditEntry.Action.UPGRADE;
      case "down":
        return AuditEntry.Action.DOWNGRADE;
      case "stamp":
        return AuditEntry.Action.STAMP;
      default:
        return AuditEntry.Action.REPAIR;
    }
  }
}

package dev.retort.runtime.internal.state;

import dev.retort.runtime.RetortException;
import dev.retort.runtime.internal.state.StateSql.Statement;
import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the state tables with plain JDBC, on one connection, with the statements {@link
 * StateSql} keeps, each prepared once per run. A run writes two rows per revision; built and
 * rendered with jOOQ in a fresh JVM, those writes cost more than the revision's own statements on
 * a thousand-revision history (see BENCHMARKS.md). Close it when the run ends.
 */
public final class StateWriter implements AutoCloseable {

  private final Connection connection;
  private final StateSql sql;
  private final Map<Statement, PreparedStatement> prepared = new EnumMap<>(Statement.class);
  private PreparedStatement insertAnnounced;

  public StateWriter(StateSql sql, Connection connection) {
    this.sql = sql;
    this.connection = connection;
  }

  /** Empties the version table. */
  public void purge() throws SQLException {
    prepared(Statement.DELETE_HEADS).executeUpdate();
  }

  /**
   * Replaces heads as Alembic does: pairs of removed and added heads become updates, the rest
   * deletes and inserts, and each statement must touch exactly one row.
   *
   * @throws RetortException if a statement touches another number of rows: another runner
   *     changed the table without the lock
   */
  public void applyChange(List<String> removed, List<String> added) throws SQLException {
    int paired = Math.min(removed.size(), added.size());
    for (int i = 0; i < paired; i++) {
      PreparedStatement update = prepared(Statement.UPDATE_HEAD);
      update.setString(1, added.get(i));
      update.setString(2, removed.get(i));
      expectOneRow(update, "update " + removed.get(i) + " to " + added.get(i));
    }
    for (int i = paired; i < removed.size(); i++) {
      PreparedStatement delete = prepared(Statement.DELETE_HEAD);
      delete.setString(1, removed.get(i));
      expectOneRow(delete, "delete " + removed.get(i));
    }
    for (int i = paired; i < added.size(); i++) {
      PreparedStatement insert = prepared(Statement.INSERT_HEAD);
      insert.setString(1, added.get(i));
      expectOneRow(insert, "insert " + added.get(i));
    }
  }

  private static void expectOneRow(PreparedStatement statement, String change)
      throws SQLException {
    int rows = statement.executeUpdate();
    if (rows != 1) {
      throw new RetortException(Messages.versionTableChanged(change, rows));
    }
  }

  /** Appends a history row. */
  public void record(HistoryRow row) throws SQLException {
    PreparedStatement insert = prepared(Statement.INSERT_HISTORY);
    bind(insert, row);
    insert.executeUpdate();
  }

  /**
   * Appends a row for a step that cannot be rolled back, before it runs, with no finish time, so
   * a runner that dies halfway leaves a row that says so; {@link #finish} completes it.
   *
   * @return the row's id
   */
  public long start(HistoryRow row) throws SQLException {
    if (insertAnnounced == null) {
      insertAnnounced = connection.prepareStatement(sql.sql(Statement.INSERT_HISTORY),
          java.sql.Statement.RETURN_GENERATED_KEYS);
    }
    bind(insertAnnounced, row);
    insertAnnounced.executeUpdate();
    try (ResultSet keys = insertAnnounced.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException(Messages.noHistoryRowId());
      }
      return keys.getLong(1);
    }
  }

  /** Completes a row written by {@link #start}. */
  public void finish(long id, LocalDateTime startedAt, LocalDateTime finishedAt,
      boolean success, Boolean rolledBack) throws SQLException {
    PreparedStatement finish = prepared(Statement.FINISH_HISTORY);
    finish.setObject(1, finishedAt);
    finish.setLong(2, Duration.between(startedAt, finishedAt).toMillis());
    finish.setBoolean(3, success);
    setBoolean(finish, 4, rolledBack);
    finish.setLong(5, id);
    finish.executeUpdate();
  }

  private static void bind(PreparedStatement insert, HistoryRow row) throws SQLException {
    insert.setString(1, row.revision());
    insert.setString(2, row.action().code());
    insert.setString(3, truncate(row.message(), 512));
    insert.setString(4, row.checksum());
    insert.setObject(5, row.startedAt());
    insert.setObject(6, row.finishedAt());
    if (row.finishedAt() == null) {
      insert.setNull(7, Types.BIGINT);
    } else {
      insert.setLong(7, Duration.between(row.startedAt(), row.finishedAt()).toMillis());
    }
    insert.setString(8, truncate(row.databaseUser(), 128));
    insert.setString(9, truncate(row.host(), 255));
    insert.setString(10, RetortVersion.VALUE);
    insert.setBoolean(11, row.success());
    setBoolean(insert, 12, row.rolledBack());
  }

  private static void setBoolean(PreparedStatement statement, int index, Boolean value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BOOLEAN);
    } else {
      statement.setBoolean(index, value);
    }
  }

  private PreparedStatement prepared(Statement statement) throws SQLException {
    PreparedStatement existing = prepared.get(statement);
    if (existing == null) {
      existing = connection.prepareStatement(sql.sql(statement));
      prepared.put(statement, existing);
    }
    return existing;
  }

  private static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }

  @Override
  public void close() throws SQLException {
    SQLException failed = null;
    for (PreparedStatement statement : prepared.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        failed = e;
      }
    }
    if (insertAnnounced != null) {
      insertAnnounced.close();
    }
    if (failed != null) {
      throw failed;
    }
  }
}

package dev.retort.runtime.internal;

import dev.retort.runtime.RetortException;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.internal.StateTables.Entry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes the state tables with plain JDBC, on one connection, with statements prepared once per
 * run. A run writes two rows per revision; built and rendered with jOOQ in a fresh JVM, those
 * writes cost more than the revision's own statements on a thousand-revision history (see
 * BENCHMARKS.md). Close it when the run ends.
 */
public final class StateWriter implements AutoCloseable {

  private final Connection connection;
  private final String version;
  private final String history;
  private PreparedStatement replaceHead;
  private PreparedStatement removeHead;
  private PreparedStatement addHead;
  private PreparedStatement insertHistory;
  private PreparedStatement insertAnnounced;
  private PreparedStatement finishHistory;

  public StateWriter(RetortSettings settings, Connection connection) {
    this.connection = connection;
    this.version = qualified(settings.schema(), settings.versionTable());
    this.history = qualified(settings.schema(), settings.historyTable());
  }

  private static String qualified(String schema, String table) {
    return schema == null ? table : schema + "." + table;
  }

  /**
   * Replaces heads as Alembic does: pairs of removed and added heads become updates, the rest
   * deletes and inserts, and each statement must touch exactly one row.
   */
  public void applyChange(List<String> removed, List<String> added) throws SQLException {
    int paired = Math.min(removed.size(), added.size());
    for (int i = 0; i < paired; i++) {
      replaceHead = prepare(replaceHead,
          "update " + version + " set version_num = ? where version_num = ?");
      replaceHead.setString(1, added.get(i));
      replaceHead.setString(2, removed.get(i));
      expectOneRow(replaceHead, "update " + removed.get(i) + " to " + added.get(i));
    }
    for (int i = paired; i < removed.size(); i++) {
      removeHead = prepare(removeHead, "delete from " + version + " where version_num = ?");
      removeHead.setString(1, removed.get(i));
      expectOneRow(removeHead, "delete " + removed.get(i));
    }
    for (int i = paired; i < added.size(); i++) {
      addHead = prepare(addHead, "insert into " + version + " (version_num) values (?)");
      addHead.setString(1, added.get(i));
      expectOneRow(addHead, "insert " + added.get(i));
    }
  }

  private void expectOneRow(PreparedStatement statement, String what) throws SQLException {
    int rows = statement.executeUpdate();
    if (rows != 1) {
      throw new RetortException("The version table changed under this run: the " + what
          + " touched " + rows + " rows instead of one. Another runner must have changed it"
          + " without taking the lock; check the table and run again.");
    }
  }

  private static final String COLUMNS = " (revision, direction, message, checksum, started_at,"
      + " finished_at, duration_ms, db_user, host, retort_version, success, rolled_back)"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Appends a history row. */
  public void record(Entry entry) throws SQLException {
    insertHistory = prepare(insertHistory, "insert into " + history + COLUMNS);
    bind(insertHistory, entry);
    insertHistory.executeUpdate();
  }

  /**
   * Appends a row for a step that cannot be rolled back, before it runs, with no finish time:
   * see {@link StateTables#start}.
   *
   * @return the row's id
   */
  public long start(Entry entry) throws SQLException {
    if (insertAnnounced == null) {
      insertAnnounced = connection.prepareStatement("insert into " + history + COLUMNS,
          Statement.RETURN_GENERATED_KEYS);
    }
    bind(insertAnnounced, entry);
    insertAnnounced.executeUpdate();
    try (ResultSet keys = insertAnnounced.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("The database returned no id for the new history row");
      }
      return keys.getLong(1);
    }
  }

  /** Completes a row written by {@link #start}. */
  public void finish(long id, LocalDateTime startedAt, LocalDateTime finishedAt,
      boolean success, Boolean rolledBack) throws SQLException {
    finishHistory = prepare(finishHistory, "update " + history + " set finished_at = ?,"
        + " duration_ms = ?, success = ?, rolled_back = ? where id = ?");
    finishHistory.setObject(1, finishedAt);
    finishHistory.setLong(2, Duration.between(startedAt, finishedAt).toMillis());
    finishHistory.setBoolean(3, success);
    setBoolean(finishHistory, 4, rolledBack);
    finishHistory.setLong(5, id);
    finishHistory.executeUpdate();
  }

  private static void bind(PreparedStatement insert, Entry entry) throws SQLException {
    insert.setString(1, entry.revision());
    insert.setString(2, entry.direction().code());
    insert.setString(3, truncate(entry.message(), 512));
    insert.setString(4, entry.checksum());
    insert.setObject(5, entry.startedAt());
    insert.setObject(6, entry.finishedAt());
    if (entry.finishedAt() == null) {
      insert.setNull(7, Types.BIGINT);
    } else {
      insert.setLong(7, Duration.between(entry.startedAt(), entry.finishedAt()).toMillis());
    }
    insert.setString(8, truncate(entry.databaseUser(), 128));
    insert.setString(9, truncate(entry.host(), 255));
    insert.setString(10, RetortVersion.VALUE);
    insert.setBoolean(11, entry.success());
    setBoolean(insert, 12, entry.rolledBack());
  }

  private static void setBoolean(PreparedStatement statement, int index, Boolean value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BOOLEAN);
    } else {
      statement.setBoolean(index, value);
    }
  }

  private PreparedStatement prepare(PreparedStatement prepared, String sql) throws SQLException {
    return prepared != null ? prepared : connection.prepareStatement(sql);
  }

  private static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement : new PreparedStatement[] {
        replaceHead, removeHead, addHead, insertHistory, insertAnnounced, finishHistory}) {
      if (statement != null) {
        statement.close();
      }
    }
  }
}

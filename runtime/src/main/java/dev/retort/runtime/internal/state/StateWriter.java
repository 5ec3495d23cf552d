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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the state tables with plain JDBC, on one connection, with the statements {@link
 * StateSql} keeps, each prepared once per run. A run writes two rows per revision; built and
 * rendered with jOOQ in a fresh JVM, those writes cost more than the revision's own statements on
 * a thousand-revision history, and sent one by one to a server they cost a round trip each (see
 * BENCHMARKS.md). Close it when the run ends.
 */
public final class StateWriter implements AutoCloseable {

  private final Connection connection;
  private final StateSql sql;
  private final boolean together;
  private final Map<Statement, PreparedStatement> prepared = new EnumMap<>(Statement.class);
  private final Map<List<Statement>, PreparedStatement> preparedTogether = new HashMap<>();
  private PreparedStatement insertAnnounced;

  /**
   * @param together whether the connection's driver sends the statements of one prepared
   *     statement, separated by semicolons, to the server together and reports each one's count
   *     ({@code DatabaseProfile.sendsStatementsTogether}); {@link #recordStep} then costs one
   *     round trip instead of one per statement
   */
  public StateWriter(StateSql sql, Connection connection, boolean together) {
    this.sql = sql;
    this.connection = connection;
    this.together = together;
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
    for (HeadChange change : HeadChange.of(removed, added)) {
      PreparedStatement statement = prepared(change.statement());
      bindHeads(statement, 1, change);
      expectOneRow(change, statement.executeUpdate());
    }
  }

  /**
   * Records a completed step: replaces heads as {@link #applyChange} does and appends the step's
   * history row, or completes the row {@link #start} announced ({@code announced} not null).
   * Where the driver sends several statements together ({@link #together}), all of them go to the
   * server in one round trip, inside the caller's transaction, and each statement's count is
   * checked as {@link #applyChange} checks it, before the caller commits.
   *
   * @throws RetortException if a statement of the version table touches another number of rows
   *     than one
   */
  public void recordStep(List<String> removed, List<String> added, HistoryRow row,
      Long announced) throws SQLException {
    List<HeadChange> changes = HeadChange.of(removed, added);
    if (!together) {
      applyChange(removed, added);
      if (announced == null) {
        record(row);
      } else {
        finish(announced, row.startedAt(), row.finishedAt(), row.success(), row.rolledBack());
      }
      return;
    }
    List<Statement> shape = new ArrayList<>();
    changes.forEach(change -> shape.add(change.statement()));
    shape.add(announced == null ? Statement.INSERT_HISTORY : Statement.FINISH_HISTORY);
    PreparedStatement statement = preparedTogether(shape);
    int index = 1;
    for (HeadChange change : changes) {
      index = bindHeads(statement, index, change);
    }
    if (announced == null) {
      bind(statement, index, row);
    } else {
      bindFinish(statement, index, announced, row.startedAt(), row.finishedAt(), row.success(),
          row.rolledBack());
    }
    statement.execute();
    for (HeadChange change : changes) {
      expectOneRow(change, statement.getUpdateCount());
      statement.getMoreResults();
    }
  }

  /**
   * One statement of a change of heads, in the order {@link #applyChange} runs them: the pairs of
   * removed and added heads as updates (values: added, removed), then deletes, then inserts.
   */
  record HeadChange(Statement statement, List<String> values, String description) {

    static List<HeadChange> of(List<String> removed, List<String> added) {
      List<HeadChange> changes = new ArrayList<>();
      int paired = Math.min(removed.size(), added.size());
      for (int i = 0; i < paired; i++) {
        changes.add(new HeadChange(Statement.UPDATE_HEAD, List.of(added.get(i), removed.get(i)),
            "update " + removed.get(i) + " to " + added.get(i)));
      }
      for (int i = paired; i < removed.size(); i++) {
        changes.add(new HeadChange(Statement.DELETE_HEAD, List.of(removed.get(i)),
            "delete " + removed.get(i)));
      }
      for (int i = paired; i < added.size(); i++) {
        changes.add(new HeadChange(Statement.INSERT_HEAD, List.of(added.get(i)),
            "insert " + added.get(i)));
      }
      return changes;
    }
  }

  private static int bindHeads(PreparedStatement statement, int index, HeadChange change)
      throws SQLException {
    for (String value : change.values()) {
      statement.setString(index++, value);
    }
    return index;
  }

  private static void expectOneRow(HeadChange change, int rows) {
    if (rows != 1) {
      throw new RetortException(Messages.versionTableChanged(change.description(), rows));
    }
  }

  /** Appends a history row. */
  public void record(HistoryRow row) throws SQLException {
    PreparedStatement insert = prepared(Statement.INSERT_HISTORY);
    bind(insert, 1, row);
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
    bind(insertAnnounced, 1, row);
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
    bindFinish(finish, 1, id, startedAt, finishedAt, success, rolledBack);
    finish.executeUpdate();
  }

  private static void bindFinish(PreparedStatement finish, int at, long id,
      LocalDateTime startedAt, LocalDateTime finishedAt, boolean success, Boolean rolledBack)
      throws SQLException {
    finish.setObject(at, finishedAt);
    finish.setLong(at + 1, Duration.between(startedAt, finishedAt).toMillis());
    finish.setBoolean(at + 2, success);
    setBoolean(finish, at + 3, rolledBack);
    finish.setLong(at + 4, id);
  }

  /** Binds a history row's twelve values from parameter {@code at} on. */
  private static void bind(PreparedStatement insert, int at, HistoryRow row) throws SQLException {
    insert.setString(at, row.revision());
    insert.setString(at + 1, row.action().code());
    insert.setString(at + 2, truncate(row.message(), 512));
    insert.setString(at + 3, row.checksum());
    insert.setObject(at + 4, row.startedAt());
    insert.setObject(at + 5, row.finishedAt());
    if (row.finishedAt() == null) {
      insert.setNull(at + 6, Types.BIGINT);
    } else {
      insert.setLong(at + 6, Duration.between(row.startedAt(), row.finishedAt()).toMillis());
    }
    insert.setString(at + 7, truncate(row.databaseUser(), 128));
    insert.setString(at + 8, truncate(row.host(), 255));
    insert.setString(at + 9, RetortVersion.VALUE);
    insert.setBoolean(at + 10, row.success());
    setBoolean(insert, at + 11, row.rolledBack());
  }

  private static void setBoolean(PreparedStatement statement, int index, Boolean value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BOOLEAN);
    } else {
      statement.setBoolean(index, value);
    }
  }

  /** The statements of a shape as one prepared statement, separated by semicolons. */
  private PreparedStatement preparedTogether(List<Statement> shape) throws SQLException {
    PreparedStatement existing = preparedTogether.get(shape);
    if (existing == null) {
      existing = connection.prepareStatement(shape.stream().map(sql::sql)
          .collect(Collectors.joining(";\n")));
      preparedTogether.put(List.copyOf(shape), existing);
    }
    return existing;
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
    List<PreparedStatement> all = new ArrayList<>(prepared.values());
    all.addAll(preparedTogether.values());
    for (PreparedStatement statement : all) {
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

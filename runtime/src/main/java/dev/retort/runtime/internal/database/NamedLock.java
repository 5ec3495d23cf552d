package dev.retort.runtime.internal.database;

import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.SQLException;

/** MySQL's and MariaDB's named lock ({@code GET_LOCK}), whose names are at most 64 characters. */
final class NamedLock extends SessionLock {

  private final String lockName;

  /** The longest name {@code GET_LOCK} takes. */
  private static final int MAX_NAME = 64;

  NamedLock(LockKey key) {
    super(key);
    this.lockName = key.text(MAX_NAME);
  }

  @Override
  boolean tryLock(Connection connection) throws SQLException {
    return queryOne(connection, "select get_lock(?, 0)", lockName, row -> row.getInt(1) == 1,
        false);
  }

  @Override
  String holder(Connection connection) throws SQLException {
    return queryOne(connection,
        "select p.id, p.user, p.host, p.time from information_schema.processlist p"
            + " where p.id = is_used_lock(?)",
        lockName,
        row -> Messages.mysqlHolder(row.getLong(1), row.getString(2), row.getString(3),
            row.getLong(4)),
        Messages.justReleased());
  }

  @Override
  void unlock(Connection connection) throws SQLException {
    queryOne(connection, "select release_lock(?)", lockName, row -> null, null);
  }
}

package dev.retort.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** MySQL's and MariaDB's named lock ({@code GET_LOCK}), whose names are at most 64 characters. */
final class NamedLock extends SessionLock {

  private final String lockName;

  NamedLock(String name) {
    super(name);
    String full = "retort:" + name;
    this.lockName = full.length() <= 64 ? full : "retort:" + Long.toHexString(AdvisoryLock.keyOf(name));
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
        row -> "connection " + row.getLong(1) + " (" + row.getString(2) + "@" + row.getString(3)
            + ", for " + row.getLong(4) + " s)",
        "a session that has just released it");
  }

  @Override
  void unlock(Connection connection) throws SQLException {
    queryOne(connection, "select release_lock(?)", lockName, row -> null, null);
  }
}

package dev.retort.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/** PostgreSQL's session-level advisory lock on a 64-bit key derived from the lock's name. */
final class AdvisoryLock extends SessionLock {

  private final long key;

  AdvisoryLock(String name) {
    super(name);
    this.key = keyOf(name);
  }

  /** A stable 64-bit key for a name. */
  static long keyOf(String name) {
    long hash = 1125899906842597L;
    for (byte b : ("retort:" + name).getBytes(StandardCharsets.UTF_8)) {
      hash = 31 * hash + b;
    }
    return hash;
  }

  @Override
  boolean tryLock(Connection connection) throws SQLException {
    return queryOne(connection, "select pg_try_advisory_lock(?)", key,
        row -> row.getBoolean(1), false);
  }

  @Override
  String holder(Connection connection) throws SQLException {
    return queryOne(connection,
        "select a.pid, a.application_name, a.client_addr, a.backend_start"
            + " from pg_locks l join pg_stat_activity a on a.pid = l.pid"
            + " where l.locktype = 'advisory' and l.granted"
            + " and l.database = (select oid from pg_database where datname = current_database())"
            + " and ((l.classid::bigint << 32) | l.objid::bigint) = ?",
        key,
        row -> "backend pid " + row.getInt(1) + " (" + row.getString(2) + " from "
            + row.getString(3) + ", connected since " + row.getTimestamp(4) + ")",
        "a session that has just released it");
  }

  @Override
  void unlock(Connection connection) throws SQLException {
    queryOne(connection, "select pg_advisory_unlock(?)", key, row -> null, null);
  }
}

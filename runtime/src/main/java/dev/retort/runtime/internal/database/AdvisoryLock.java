package dev.retort.runtime.internal.database;

import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.SQLException;

/** PostgreSQL's session-level advisory lock on a 64-bit key derived from the lock's name. */
final class AdvisoryLock extends SessionLock {

  private final long key;

  AdvisoryLock(LockKey key) {
    super(key);
    this.key = key.number();
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
        row -> Messages.postgresHolder(row.getInt(1), row.getString(2), row.getString(3),
            String.valueOf(row.getTimestamp(4))),
        Messages.justReleased());
  }

  @Override
  void unlock(Connection connection) throws SQLException {
    queryOne(connection, "select pg_advisory_unlock(?)", key, row -> null, null);
  }
}

package dev.retort.runtime.internal;

import dev.retort.runtime.LockException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's session-level advisory lock, on a connection of its own: the server releases it
 * when that connection ends, however the holder died.
 */
final class AdvisoryLock implements MigrationLock {

  private static final Logger log = LoggerFactory.getLogger(AdvisoryLock.class);

  private final Connection connection;
  private final long key;

  private AdvisoryLock(Connection connection, long key) {
    this.connection = connection;
    this.key = key;
  }

  static AdvisoryLock acquire(DataSource dataSource, String name, Duration timeout)
      throws InterruptedException {
    long key = keyOf(name);
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      long deadline = System.nanoTime() + timeout.toNanos();
      boolean announced = false;
      while (!tryLock(connection, key)) {
        if (!announced) {
          log.info("Waiting for the migration lock on {}, held by {}", name,
              holder(connection, key));
          announced = true;
        }
        if (System.nanoTime() > deadline) {
          throw new LockException("Gave up waiting for the migration lock on " + name
              + " after " + timeout + "; it is held by " + holder(connection, key));
        }
        Thread.sleep(200);
      }
      return new AdvisoryLock(connection, key);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new LockException("Could not take the PostgreSQL advisory lock: " + e.getMessage(), e);
    } catch (RuntimeException | InterruptedException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /** A stable 64-bit key for the lock's name. */
  static long keyOf(String name) {
    long hash = 1125899906842597L;
    for (byte b : ("retort:" + name).getBytes(StandardCharsets.UTF_8)) {
      hash = 31 * hash + b;
    }
    return hash;
  }

  private static boolean tryLock(Connection connection, long key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "select pg_try_advisory_lock(?)")) {
      statement.setLong(1, key);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }

  private static String holder(Connection connection, long key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "select a.pid, a.application_name, a.client_addr, a.backend_start"
            + " from pg_locks l join pg_stat_activity a on a.pid = l.pid"
            + " where l.locktype = 'advisory' and l.granted"
            + " and l.classid = ((?::bigint >> 32) & 4294967295)::oid"
            + " and l.objid = (?::bigint & 4294967295)::oid")) {
      statement.setLong(1, key);
      statement.setLong(2, key);
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          return "a session that has just released it";
        }
        return "backend pid " + result.getInt(1) + " (" + result.getString(2) + " from "
            + result.getString(3) + ", connected since " + result.getTimestamp(4) + ")";
      }
    }
  }

  @Override
  public void checkHeld() {
    // A session lock lasts as long as its connection; there is nothing to renew.
  }

  @Override
  public void close() {
    try (PreparedStatement statement = connection.prepareStatement(
        "select pg_advisory_unlock(?)")) {
      statement.setLong(1, key);
      statement.execute();
    } catch (SQLException e) {
      log.warn("Could not release the advisory lock; closing its connection releases it", e);
    } finally {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Closing the session is what releases the lock; nothing more can be done here.
      }
    }
  }
}

package dev.retort.runtime.internal.database;

import dev.retort.runtime.LockException;
import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock the database server ties to a session, held on a connection of its own: the server
 * releases it when that connection ends, however the holder died. Subclasses supply the three
 * statements their database uses to try, describe and release it.
 */
abstract class SessionLock implements MigrationLock {

  private static final Logger log = LoggerFactory.getLogger(SessionLock.class);

  private Connection connection;
  private final String name;

  SessionLock(LockKey key) {
    this.name = key.name();
  }

  /** Tries once; true if the lock is now held on this connection. */
  abstract boolean tryLock(Connection connection) throws SQLException;

  /** Who holds the lock, for the log line and the timeout message. */
  abstract String holder(Connection connection) throws SQLException;

  abstract void unlock(Connection connection) throws SQLException;

  /**
   * Polls until the lock is held or the timeout passes, logging once whom it waits for.
   *
   * @throws LockException if the lock cannot be had in time, or the database fails
   */
  final SessionLock acquire(DataSource dataSource, Duration timeout) throws InterruptedException {
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      long deadline = System.nanoTime() + timeout.toNanos();
      boolean announced = false;
      while (!tryLock(connection)) {
        if (!announced) {
          log.info(Messages.waitingForLock(name, holder(connection)));
          announced = true;
        }
        if (System.nanoTime() > deadline) {
          throw new LockException(Messages.lockTimedOut(name, timeout, holder(connection)));
        }
        Thread.sleep(200);
      }
      return this;
    } catch (SQLException e) {
      closeConnection();
      throw new LockException(Messages.lockFailed(name, e.getMessage()), e);
    } catch (RuntimeException | InterruptedException e) {
      closeConnection();
      throw e;
    }
  }

  @Override
  public final void checkHeld() {
    // A session lock lasts as long as its connection; there is nothing to renew.
  }

  @Override
  public final void close() {
    try {
      unlock(connection);
    } catch (SQLException e) {
      // One line: the lock's connection was terminated, say, which released the lock anyway.
      log.warn(Messages.lockNotReleased(name, e.getMessage()));
      log.debug(Messages.lockNotReleased(name, e.getMessage()), e);
    } finally {
      closeConnection();
    }
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Ending the session is what releases the lock; nothing more can be done here.
      }
    }
  }

  /** Runs a query with one parameter and maps its first row, or returns {@code whenNone}. */
  static <T> T queryOne(Connection connection, String sql, Object parameter,
      RowMapper<T> mapper, T whenNone) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, parameter);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() ? mapper.map(result) : whenNone;
      }
    }
  }

  /** Reads one row. */
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }
}

package dev.retort.runtime.internal;

import dev.retort.runtime.LockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MySQL's and MariaDB's named lock ({@code GET_LOCK}), on a connection of its own: the server
 * releases it when that connection ends.
 */
final class NamedLock implements MigrationLock {

  private static final Logger log = LoggerFactory.getLogger(NamedLock.class);

  private final Connection connection;
  private final String name;

  private NamedLock(Connection connection, String name) {
    this.connection = connection;
    this.name = name;
  }

  static NamedLock acquire(DataSource dataSource, String key, Duration timeout)
      throws InterruptedException {
    // MySQL limits lock names to 64 characters.
    String name = ("retort:" + key).length() <= 64 ? "retort:" + key
        : "retort:" + Long.toHexString(AdvisoryLock.keyOf(key));
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      long deadline = System.nanoTime() + timeout.toNanos();
      boolean announced = false;
      while (!tryLock(connection, name)) {
        if (!announced) {
          log.info("Waiting for the migration lock {}, held by {}", name, holder(connection, name));
          announced = true;
        }
        if (System.nanoTime() > deadline) {
          throw new LockException("Gave up waiting for the migration lock " + name + " after "
              + timeout + "; it is held by " + holder(connection, name));
        }
        Thread.sleep(200);
      }
      return new NamedLock(connection, name);
    } catch (SQLException e) {
      close(connection);
      throw new LockException("Could not take the named lock " + name + ": " + e.getMessage(), e);
    } catch (RuntimeException | InterruptedException e) {
      close(connection);
      throw e;
    }
  }

  private static boolean tryLock(Connection connection, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("select get_lock(?, 0)")) {
      statement.setString(1, name);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getInt(1) == 1;
      }
    }
  }

  private static String holder(Connection connection, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "select p.id, p.user, p.host, p.time from information_schema.processlist p"
            + " where p.id = is_used_lock(?)")) {
      statement.setString(1, name);
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          return "a session that has just released it";
        }
        return "connection " + result.getLong(1) + " (" + result.getString(2) + "@"
            + result.getString(3) + ", for " + result.getLong(4) + " s)";
      }
    }
  }

  @Override
  public void checkHeld() {
    // A session lock lasts as long as its connection; there is nothing to renew.
  }

  @Override
  public void close() {
    try (PreparedStatement statement = connection.prepareStatement("select release_lock(?)")) {
      statement.setString(1, name);
      statement.execute();
    } catch (SQLException e) {
      log.warn("Could not release the named lock; closing its connection releases it", e);
    } finally {
      close(connection);
    }
  }

  private static void close(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Closing the session is what releases the lock; nothing more can be done here.
      }
    }
  }
}

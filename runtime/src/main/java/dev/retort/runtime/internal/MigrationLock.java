package dev.retort.runtime.internal;

import dev.retort.runtime.LockException;
import dev.retort.runtime.RetortSettings;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.SQLDialect;

/**
 * Serializes runners: held while a command reads and changes the state, released by {@link
 * #close()}. Each database gets the strongest lock it offers: a session lock that the server
 * releases when the holder's connection dies (PostgreSQL advisory locks, MySQL and MariaDB named
 * locks), or else a lease row that the holder keeps renewing and that expires if it dies.
 */
public interface MigrationLock extends AutoCloseable {

  /**
   * Throws if the lock was lost (a lease that could not be renewed in time), so a runner stops
   * before its next revision rather than running alongside another one.
   */
  void checkHeld();

  /**
   * Confirms the lock inside the transaction that records a revision, on that transaction's own
   * connection, so the record commits only if the lock is still this runner's. A session lock
   * cannot be lost while its connection lives, so only a lease does anything here: it renews
   * itself in the transaction, which keeps a revision that runs longer than the lease from
   * looking abandoned (SQLite blocks the renewal thread's own connection while a revision
   * writes), and fails the transaction if another runner took the lease over.
   */
  default void confirmIn(java.sql.Connection transaction) throws java.sql.SQLException {}

  @Override
  void close();

  /** Acquires the lock suited to the dialect, waiting up to the settings' lock timeout. */
  static MigrationLock acquire(DataSource dataSource, SQLDialect dialect, RetortSettings settings) {
    String key = (settings.schema() == null ? "" : settings.schema() + ".")
        + settings.versionTable();
    try {
      switch (dialect.family()) {
        case POSTGRES:
          return new AdvisoryLock(key).acquire(dataSource, settings.lockTimeout());
        case MYSQL:
        case MARIADB:
          return new NamedLock(key).acquire(dataSource, settings.lockTimeout());
        default:
          return LeaseLock.acquire(dataSource, dialect, settings);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LockException("Interrupted while waiting for the migration lock", e);
    }
  }

  /** Who a runner is, in lock rows and log lines: host, process id and a random suffix. */
  static String runnerName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
        + UUID.randomUUID().toString().substring(0, 8);
  }
}

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

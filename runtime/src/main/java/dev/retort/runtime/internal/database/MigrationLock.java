package dev.retort.runtime.internal.database;

import dev.retort.runtime.LockException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Serializes runners: held while a command reads and changes the state, released by {@link
 * #close()}. Each database gets the strongest lock it offers: a session lock that the server
 * releases when the holder's connection dies (PostgreSQL advisory locks, MySQL and MariaDB named
 * locks), or else a lease row that the holder keeps renewing and that expires if it dies. Which
 * one a database gets is its {@link DatabaseProfile}'s choice.
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
  default void confirmIn(Connection transaction) throws SQLException {}

  /**
   * Called first in each transaction Retort runs on the command's connection. On a database that
   * lets one connection write at a time (SQLite), a transaction that reads and writes later fails
   * if another connection wrote in between, and the lease's own renewal thread is such a
   * connection: a revision that read, computed past the renewal period, then wrote, failed with
   * {@code SQLITE_BUSY}. There a lease renews itself here, as the transaction's first statement,
   * which takes the database's write lock for the whole transaction; until {@link #transactionEnded}
   * the transaction carries the lease, and the renewal thread's attempts, which wait for that
   * write lock, are not failures. Elsewhere this does nothing.
   *
   * @throws LockException if another runner took the lease over
   */
  default void transactionBegan(Connection transaction) throws SQLException {}

  /** Called when the transaction {@link #transactionBegan} began has committed or rolled back. */
  default void transactionEnded() {}

  @Override
  void close();
}

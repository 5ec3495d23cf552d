package dev.retort.runtime.internal.database;

import dev.retort.runtime.LockException;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.internal.state.StateSql;
import dev.retort.runtime.internal.state.StateSql.Statement;
import dev.retort.runtime.internal.state.StateTables;
import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock row with a lease, for databases without a session lock (H2, SQLite, others). The holder
 * bumps a heartbeat counter three times per lease period; a waiting runner that sees the same
 * owner and heartbeat for a whole period takes the row over, with a compare-and-set update. Only
 * the waiter's own clock is used, so clock skew between hosts cannot expire a live lease.
 *
 * <p>The row is read and written with plain JDBC and the texts {@link StateSql} keeps, each
 * statement on a connection of its own from the data source: built and fetched through jOOQ in a
 * fresh JVM, taking the lease cost ten times what the statements do (BENCHMARKS.md, section 3).
 * Only the table is created through jOOQ, whose DDL every command renders anyway.
 */
final class LeaseLock implements MigrationLock {

  private static final Logger log = LoggerFactory.getLogger(LeaseLock.class);
  /** How often a waiter looks at the lease row. */
  private static final long POLL_MILLIS = 100;

  /** The renewal {@link #confirmIn} runs, prepared on {@link #confirmOn}; the caller's thread only. */
  private PreparedStatement confirm;
  private Connection confirmOn;
  private final DataSource dataSource;
  private final StateSql sql;
  private final String owner;
  private final Duration lease;
  private final ScheduledExecutorService renewer;
  private final boolean renewFirstInTransactions;
  /** What its release tries again: {@link DatabaseProfile#momentaryFailures} of its source. */
  private final Predicate<Throwable> momentary;
  private volatile long lastRenewal = System.nanoTime();
  private volatile boolean lost;
  /** Whether a transaction on the command's connection holds the lease row: see below. */
  private volatile boolean carried;

  private LeaseLock(DataSource dataSource, StateSql sql, String owner, Duration lease,
      boolean renewFirstInTransactions, Predicate<Throwable> momentary) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.owner = owner;
    this.lease = lease;
    this.renewFirstInTransactions = renewFirstInTransactions;
    this.momentary = momentary;
    this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "retort-lease-renewal");
      thread.setDaemon(true);
      return thread;
    });
    long period = Math.max(1, lease.toMillis() / 3);
    renewer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Who a runner is, in the lock row and log lines: host, process id and a random suffix of eight
   * hex digits, which tells runners of one process apart (it guards nothing, so no secure random
   * number generator is started for it).
   */
  static String runnerName() {
    long suffix = (1L << 32) | (ThreadLocalRandom.current().nextInt() & 0xffffffffL);
    return Host.name() + ":" + ProcessHandle.current().pid() + ":"
        + Long.toHexString(suffix).substring(1);
  }

  /** The lease row as a waiter sees it. */
  private record Holder(String owner, long heartbeat) {}

  /**
   * Inserts the lock row, or waits for its holder to delete it or for its lease to expire.
   *
   * @param renewFirstInTransactions whether each of Retort's transactions renews the lease as its
   *     first statement (see {@link MigrationLock#transactionBegan}): the profile's choice
   * @throws LockException if the lock cannot be had within the settings' lock timeout
   */
  static LeaseLock acquire(DataSource dataSource, SQLDialect dialect, RetortSettings settings,
      boolean renewFirstInTransactions) throws InterruptedException {
    Predicate<Throwable> momentary = DatabaseProfile.momentaryFailures(dataSource);
    StateSql sql = new StateSql(settings);
    String owner = runnerName();
    Duration lease = settings.leaseDuration();
    long deadline = System.nanoTime() + settings.lockTimeout().toNanos();
    Holder observed = null;
    long observedSince = System.nanoTime();
    boolean announced = false;
    Exception lastError = null;
    boolean tableExists = false;
    Backoff backoff = Backoff.afterMomentaryFailure();
    while (true) {
      long pauseMillis = POLL_MILLIS;
      try {
        // Once only: on H2 every CREATE takes a lock on the whole schema, and fifteen waiters
        // repeating it ten times a second slowed the holder's own DDL tenfold.
        if (!tableExists) {
          new StateTables(settings).createLockTable(DSL.using(dataSource, dialect)).execute();
          tableExists = true;
        }
        // Read before writing: a waiter that only reads never queues for the write lock of a
        // database with one writer at a time, which the holder's revision holds (SQLite).
        Holder holder = holder(dataSource, sql);
        if (holder == null) {
          update(dataSource, sql.sql(Statement.INSERT_LEASE), owner, LocalDateTime.now());
          return new LeaseLock(dataSource, sql, owner, lease, renewFirstInTransactions,
              momentary);
        }
        if (!holder.equals(observed)) {
          observed = holder;
          observedSince = System.nanoTime();
        } else if (System.nanoTime() - observedSince > lease.toNanos()
            && update(dataSource, sql.sql(Statement.TAKE_OVER_LEASE), owner,
                LocalDateTime.now(), holder.owner(), holder.heartbeat()) == 1) {
          log.warn(Messages.leaseTakenOver(holder.owner(), lease));
          return new LeaseLock(dataSource, sql, owner, lease, renewFirstInTransactions,
              momentary);
        }
        if (!announced) {
          log.info(Messages.waitingForLease(holder.owner()));
          announced = true;
        }
        backoff = Backoff.afterMomentaryFailure();
      } catch (SQLException | DataAccessException takenOrBusy) {
        // Another runner inserted the row first, or the database was busy: look again. After
        // H2's refusal during an AUTO_SERVER hand-off, later and later: each waiter's poll is an
        // open of the file, and waiters polling ten times a second kept the file from everyone,
        // the lease's holder too.
        lastError = takenOrBusy;
        if (momentary.test(takenOrBusy)) {
          pauseMillis = backoff.pauseMillis(ThreadLocalRandom.current());
          backoff = backoff.next();
        }
      }
      if (System.nanoTime() > deadline) {
        throw new LockException(Messages.leaseTimedOut(settings.lockTimeout(),
            observed == null ? null : observed.owner(), lease), lastError);
      }
      Thread.sleep(Math.max(1, Math.min(pauseMillis,
          TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
    }
  }

  /** The lease row's owner and heartbeat, or null when no runner holds the lease. */
  private static Holder holder(DataSource dataSource, StateSql sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql.sql(Statement.SELECT_LEASE));
        ResultSet row = select.executeQuery()) {
      return row.next() ? new Holder(row.getString(1), row.getLong(2)) : null;
    }
  }

  /** Runs a statement about the lease row on a connection of its own; the rows it changed. */
  private static int update(DataSource dataSource, String text, Object... values)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(text)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      return statement.executeUpdate();
    }
  }

  private void renew() {
    try {
      if (update(dataSource, sql.sql(Statement.RENEW_LEASE), owner) == 1) {
        lastRenewal = System.nanoTime();
      } else {
        lost = true;
      }
    } catch (SQLException | RuntimeException e) {
      if (carried) {
        // The transaction that holds the database's write lock renewed the lease as it began and
        // renews it again as it records; this attempt could only wait for it.
        log.debug(Messages.leaseNotRenewed(e.getMessage()));
      } else {
        log.warn(Messages.leaseNotRenewed(e.getMessage()));
      }
    }
  }

  /**
   * Renews the lease in the caller's transaction. The statement is prepared once for the command's
   * connection and kept until {@link #close}: a run confirms once per revision, and on H2 each
   * prepare parses the statement again.
   */
  @Override
  public void transactionBegan(Connection transaction) throws SQLException {
    if (renewFirstInTransactions) {
      confirmIn(transaction);
      carried = true;
    }
  }

  @Override
  public void transactionEnded() {
    carried = false;
  }

  @Override
  public void confirmIn(Connection transaction) throws SQLException {
    if (confirmOn != transaction) {
      closeConfirm();
      confirm = transaction.prepareStatement(sql.sql(Statement.RENEW_LEASE));
      confirmOn = transaction;
    }
    confirm.setString(1, owner);
    int rows = confirm.executeUpdate();
    if (rows != 1) {
      lost = true;
      throw new LockException(Messages.leaseLost(lease));
    }
    lastRenewal = System.nanoTime();
  }

  @Override
  public void checkHeld() {
    if (lost || System.nanoTime() - lastRenewal > lease.toNanos()) {
      throw new LockException(Messages.leaseLost(lease));
    }
  }

  private void closeConfirm() {
    if (confirm != null) {
      try {
        confirm.close();
      } catch (SQLException ignored) {
        // A statement of the command's connection; closing the connection frees it too.
      }
      confirm = null;
      confirmOn = null;
    }
  }

  @Override
  public void close() {
    closeConfirm();
    renewer.shutdownNow();
    try {
      // Tried again while H2 hands its file over between processes, up to the lease: a row left
      // behind would make every other runner wait that long.
      Connector.retrying(lease, () -> update(dataSource, sql.sql(Statement.RELEASE_LEASE), owner),
          momentary);
    } catch (SQLException | RuntimeException e) {
      log.warn(Messages.leaseNotReleased(lease, e.getMessage()));
      log.debug(Messages.leaseNotReleased(lease, e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn(Messages.leaseNotReleased(lease, e.toString()));
    }
  }
}

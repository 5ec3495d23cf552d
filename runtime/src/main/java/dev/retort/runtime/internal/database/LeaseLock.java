package dev.retort.runtime.internal.database;

import static dev.retort.runtime.internal.state.StateTables.LEASE_ROW;
import static dev.retort.runtime.internal.state.StateTables.LOCK_ACQUIRED_AT;
import static dev.retort.runtime.internal.state.StateTables.LOCK_HEARTBEAT;
import static dev.retort.runtime.internal.state.StateTables.LOCK_ID;
import static dev.retort.runtime.internal.state.StateTables.LOCK_OWNER;

import dev.retort.runtime.LockException;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.internal.state.StateSql;
import dev.retort.runtime.internal.state.StateTables;
import dev.retort.runtime.messages.Messages;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock row with a lease, for databases without a session lock (H2, SQLite, others). The holder
 * bumps a heartbeat counter three times per lease period; a waiting runner that sees the same
 * owner and heartbeat for a whole period takes the row over, with a compare-and-set update. Only
 * the waiter's own clock is used, so clock skew between hosts cannot expire a live lease.
 */
final class LeaseLock implements MigrationLock {

  private static final Logger log = LoggerFactory.getLogger(LeaseLock.class);
  /** How often a waiter looks at the lease row. */
  private static final long POLL_MILLIS = 100;

  /** The renewal {@link #confirmIn} runs, prepared on {@link #confirmOn}; the caller's thread only. */
  private PreparedStatement confirm;
  private Connection confirmOn;
  private final DSLContext db;
  private final Table<Record> table;
  private final String renewSql;
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

  private LeaseLock(DSLContext db, Table<Record> table, String renewSql, String owner,
      Duration lease, boolean renewFirstInTransactions, Predicate<Throwable> momentary) {
    this.db = db;
    this.table = table;
    this.renewSql = renewSql;
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

  /** Who a runner is, in the lock row and log lines: host, process id and a random suffix. */
  static String runnerName() {
    return Host.name() + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Inserts the lock row, or waits for its holder to delete it or for its lease to expire.
   *
   * @param renewFirstInTransactions whether each of Retort's transactions renews the lease as its
   *     first statement (see {@link MigrationLock#transactionBegan}): the profile's choice
   * @throws LockException if the lock cannot be had within the settings' lock timeout
   */
  static LeaseLock acquire(DataSource dataSource, SQLDialect dialect, RetortSettings settings,
      boolean renewFirstInTransactions) throws InterruptedException {
    DSLContext db = DSL.using(dataSource, dialect);
    Predicate<Throwable> momentary = DatabaseProfile.momentaryFailures(dataSource);
    StateTables tables = new StateTables(settings);
    Table<Record> table = tables.lock();
    String renewSql = new StateSql(settings).sql(StateSql.Statement.RENEW_LEASE);
    String owner = runnerName();
    Duration lease = settings.leaseDuration();
    long deadline = System.nanoTime() + settings.lockTimeout().toNanos();
    Record2<String, Long> observed = null;
    long observedSince = System.nanoTime();
    boolean announced = false;
    DataAccessException lastError = null;
    boolean tableExists = false;
    Backoff backoff = Backoff.afterMomentaryFailure();
    while (true) {
      long pauseMillis = POLL_MILLIS;
      try {
        // Once only: on H2 every CREATE takes a lock on the whole schema, and fifteen waiters
        // repeating it ten times a second slowed the holder's own DDL tenfold.
        if (!tableExists) {
          tables.createLockTable(db).execute();
          tableExists = true;
        }
        // Read before writing: a waiter that only reads never queues for the write lock of a
        // database with one writer at a time, which the holder's revision holds (SQLite).
        Record2<String, Long> holder = db.select(LOCK_OWNER, LOCK_HEARTBEAT).from(table)
            .where(LOCK_ID.eq(LEASE_ROW)).fetchOne();
        if (holder == null) {
          db.insertInto(table, LOCK_ID, LOCK_OWNER, LOCK_HEARTBEAT, LOCK_ACQUIRED_AT)
              .values(LEASE_ROW, owner, 0L, LocalDateTime.now()).execute();
          return new LeaseLock(db, table, renewSql, owner, lease, renewFirstInTransactions,
              momentary);
        }
        if (!holder.equals(observed)) {
          observed = holder;
          observedSince = System.nanoTime();
        } else if (System.nanoTime() - observedSince > lease.toNanos()
            && takeOver(db, table, holder, owner)) {
          log.warn(Messages.leaseTakenOver(holder.value1(), lease));
          return new LeaseLock(db, table, renewSql, owner, lease, renewFirstInTransactions,
              momentary);
        }
        if (!announced) {
          log.info(Messages.waitingForLease(holder.value1()));
          announced = true;
        }
        backoff = Backoff.afterMomentaryFailure();
      } catch (DataAccessException takenOrBusy) {
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
            observed == null ? null : observed.value1(), lease), lastError);
      }
      Thread.sleep(Math.max(1, Math.min(pauseMillis,
          TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
    }
  }

  private static boolean takeOver(DSLContext db, Table<Record> table,
      Record2<String, Long> expired, String owner) {
    return db.update(table)
        .set(LOCK_OWNER, owner)
        .set(LOCK_HEARTBEAT, 0L)
        .set(LOCK_ACQUIRED_AT, LocalDateTime.now())
        .where(LOCK_ID.eq(LEASE_ROW))
        .and(LOCK_OWNER.eq(expired.value1()))
        .and(LOCK_HEARTBEAT.eq(expired.value2()))
        .execute() == 1;
  }

  private void renew() {
    try {
      int rows = db.update(table).set(LOCK_HEARTBEAT, LOCK_HEARTBEAT.plus(1))
          .where(LOCK_ID.eq(LEASE_ROW)).and(LOCK_OWNER.eq(owner)).execute();
      if (rows == 1) {
        lastRenewal = System.nanoTime();
      } else {
        lost = true;
      }
    } catch (DataAccessException e) {
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
      confirm = transaction.prepareStatement(renewSql);
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
      Connector.retrying(lease, () -> db.deleteFrom(table).where(LOCK_ID.eq(LEASE_ROW))
          .and(LOCK_OWNER.eq(owner)).execute(), momentary);
    } catch (SQLException | DataAccessException e) {
      log.warn(Messages.leaseNotReleased(lease, e.getMessage()));
      log.debug(Messages.leaseNotReleased(lease, e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn(Messages.leaseNotReleased(lease, e.toString()));
    }
  }
}

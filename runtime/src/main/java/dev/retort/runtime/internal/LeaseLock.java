package dev.retort.runtime.internal;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.INTEGER;
import static org.jooq.impl.SQLDataType.LOCALDATETIME;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.runtime.LockException;
import dev.retort.runtime.RetortSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
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

  private static final Field<Integer> ID = DSL.field(DSL.unquotedName("id"), Integer.class);
  private static final Field<String> OWNER = DSL.field(DSL.unquotedName("owner"), String.class);
  private static final Field<Long> HEARTBEAT = DSL.field(DSL.unquotedName("heartbeat"), Long.class);
  private static final Field<LocalDateTime> ACQUIRED_AT =
      DSL.field(DSL.unquotedName("acquired_at"), LocalDateTime.class);
  private static final int ROW = 1;

  private final DSLContext db;
  private final Table<Record> table;
  private final String tableName;
  private final String owner;
  private final Duration lease;
  private final ScheduledExecutorService renewer;
  private volatile long lastRenewal = System.nanoTime();
  private volatile boolean lost;

  private LeaseLock(DSLContext db, Table<Record> table, String tableName, String owner,
      Duration lease) {
    this.db = db;
    this.table = table;
    this.tableName = tableName;
    this.owner = owner;
    this.lease = lease;
    this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "retort-lease-renewal");
      thread.setDaemon(true);
      return thread;
    });
    long period = Math.max(1, lease.toMillis() / 3);
    renewer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
  }

  static LeaseLock acquire(DataSource dataSource, SQLDialect dialect, RetortSettings settings)
      throws InterruptedException {
    DSLContext db = DSL.using(dataSource, dialect);
    Table<Record> table = DSL.table(StateTables.name(settings.schema(), settings.lockTable()));
    // Plain identifiers (settings refuse anything else), safe to put into SQL as they are.
    String tableName = settings.schema() == null ? settings.lockTable()
        : settings.schema() + "." + settings.lockTable();
    String owner = MigrationLock.runnerName();
    Duration lease = settings.leaseDuration();
    long deadline = System.nanoTime() + settings.lockTimeout().toNanos();
    Record2<String, Long> observed = null;
    long observedSince = System.nanoTime();
    boolean announced = false;
    DataAccessException lastError = null;
    boolean tableExists = false;
    while (true) {
      try {
        // Once only: on H2 every CREATE takes a lock on the whole schema, and fifteen waiters
        // repeating it ten times a second slowed the holder's own DDL tenfold.
        if (!tableExists) {
          createTable(db, table);
          tableExists = true;
        }
        db.insertInto(table, ID, OWNER, HEARTBEAT, ACQUIRED_AT)
            .values(ROW, owner, 0L, LocalDateTime.now()).execute();
        return new LeaseLock(db, table, tableName, owner, lease);
      } catch (DataAccessException taken) {
        lastError = taken;
      }
      try {
        Record2<String, Long> holder = db.select(OWNER, HEARTBEAT).from(table)
            .where(ID.eq(ROW)).fetchOne();
        if (holder != null) {
          if (!holder.equals(observed)) {
            observed = holder;
            observedSince = System.nanoTime();
          } else if (System.nanoTime() - observedSince > lease.toNanos()
              && takeOver(db, table, holder, owner)) {
            log.warn("Took over the migration lock of {}, whose lease expired {} ago",
                holder.value1(), lease);
            return new LeaseLock(db, table, tableName, owner, lease);
          }
          if (!announced) {
            log.info("Waiting for the migration lock, held by {}", holder.value1());
            announced = true;
          }
        }
      } catch (DataAccessException busy) {
        lastError = busy;
      }
      if (System.nanoTime() > deadline) {
        throw new LockException("Gave up waiting for the migration lock after "
            + settings.lockTimeout() + "; it is held by "
            + (observed == null ? "another runner" : observed.value1())
            + ". If that runner is gone, its lease expires " + lease + " after its last renewal",
            lastError);
      }
      Thread.sleep(100);
    }
  }

  private static void createTable(DSLContext db, Table<Record> table) {
    db.createTableIfNotExists(table)
        .column(ID, INTEGER.nullable(false))
        .column(OWNER, VARCHAR(255).nullable(false))
        .column(HEARTBEAT, BIGINT.nullable(false))
        .column(ACQUIRED_AT, LOCALDATETIME(3).nullable(false))
        .constraints(DSL.primaryKey(ID))
        .execute();
  }

  private static boolean takeOver(DSLContext db, Table<Record> table,
      Record2<String, Long> expired, String owner) {
    return db.update(table)
        .set(OWNER, owner)
        .set(HEARTBEAT, 0L)
        .set(ACQUIRED_AT, LocalDateTime.now())
        .where(ID.eq(ROW))
        .and(OWNER.eq(expired.value1()))
        .and(HEARTBEAT.eq(expired.value2()))
        .execute() == 1;
  }

  private void renew() {
    try {
      int rows = db.update(table).set(HEARTBEAT, HEARTBEAT.plus(1))
          .where(ID.eq(ROW)).and(OWNER.eq(owner)).execute();
      if (rows == 1) {
        lastRenewal = System.nanoTime();
      } else {
        lost = true;
      }
    } catch (DataAccessException e) {
      log.warn("Could not renew the migration lock's lease: {}", e.getMessage());
    }
  }

  @Override
  public void confirmIn(Connection transaction) throws SQLException {
    int rows;
    try (PreparedStatement renew = transaction.prepareStatement("update " + tableName
        + " set heartbeat = heartbeat + 1 where id = " + ROW + " and owner = ?")) {
      renew.setString(1, owner);
      rows = renew.executeUpdate();
    }
    if (rows != 1) {
      lost = true;
      throw lostLock();
    }
    lastRenewal = System.nanoTime();
  }

  @Override
  public void checkHeld() {
    if (lost || System.nanoTime() - lastRenewal > lease.toNanos()) {
      throw lostLock();
    }
  }

  private LockException lostLock() {
    return new LockException("Lost the migration lock: its lease of " + lease + " could not be"
        + " renewed, so another runner may have taken it. Stopped before the next revision;"
        + " run again to continue");
  }

  @Override
  public void close() {
    renewer.shutdownNow();
    try {
      db.deleteFrom(table).where(ID.eq(ROW)).and(OWNER.eq(owner)).execute();
    } catch (DataAccessException e) {
      log.warn("Could not release the migration lock; its lease expires in {}", lease, e);
    }
  }
}

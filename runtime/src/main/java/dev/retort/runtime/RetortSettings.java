package dev.retort.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Where Retort keeps its state and how it runs revisions. Immutable: each {@code with} method
 * returns a copy.
 *
 * <pre>{@code
 * RetortSettings settings = RetortSettings.defaults()
 *     .withSchema("app")
 *     .withTransactionMode(TransactionMode.SINGLE);
 * }</pre>
 */
public final class RetortSettings {

  /** How revisions are grouped into database transactions. */
  public enum TransactionMode {
    /** Each revision and the record of it commit together (the default, as in Alembic). */
    PER_REVISION,
    /**
     * The whole upgrade or downgrade commits at once or not at all. Refused before anything runs
     * when a revision in it is {@code transactional = false}.
     */
    SINGLE
  }

  private final String schema;
  private final String versionTable;
  private final String historyTable;
  private final String lockTable;
  private final TransactionMode transactionMode;
  private final Duration lockTimeout;
  private final Duration leaseDuration;

  private RetortSettings(String schema, String versionTable, String historyTable,
      String lockTable, TransactionMode transactionMode, Duration lockTimeout,
      Duration leaseDuration) {
    this.schema = schema == null ? null : requireName(schema, "schema name");
    this.versionTable = requireName(versionTable, "version table name");
    this.historyTable = requireName(historyTable, "history table name");
    this.lockTable = requireName(lockTable, "lock table name");
    this.transactionMode = Objects.requireNonNull(transactionMode, "transactionMode");
    this.lockTimeout = requirePositive(lockTimeout, "lockTimeout");
    this.leaseDuration = requirePositive(leaseDuration, "leaseDuration");
  }

  /**
   * Tables {@code retort_version}, {@code retort_history} and {@code retort_lock} in the
   * connection's default schema; one transaction per revision; a 10-minute lock timeout; a
   * 30-second lease for databases without a session lock.
   */
  public static RetortSettings defaults() {
    return new RetortSettings(null, "retort_version", "retort_history", "retort_lock",
        TransactionMode.PER_REVISION, Duration.ofMinutes(10), Duration.ofSeconds(30));
  }

  /** The schema of the state tables; {@code null} for the connection's default. */
  public String schema() {
    return schema;
  }

  /** The table with one row per current head (Alembic's {@code alembic_version}). */
  public String versionTable() {
    return versionTable;
  }

  /** The append-only audit trail of every step, stamp and repair. */
  public String historyTable() {
    return historyTable;
  }

  /** The lease table, used on databases without a session-level lock. */
  public String lockTable() {
    return lockTable;
  }

  public TransactionMode transactionMode() {
    return transactionMode;
  }

  /** How long a runner waits for another runner's lock before giving up. */
  public Duration lockTimeout() {
    return lockTimeout;
  }

  /**
   * How long a lease lock survives without renewal: the holder renews it three times per period,
   * and a waiting runner takes it over once it has seen no renewal for this long.
   */
  public Duration leaseDuration() {
    return leaseDuration;
  }

  public RetortSettings withSchema(String schema) {
    return new RetortSettings(schema, versionTable, historyTable, lockTable, transactionMode,
        lockTimeout, leaseDuration);
  }

  public RetortSettings withVersionTable(String versionTable) {
    return new RetortSettings(schema, versionTable, historyTable, lockTable, transactionMode,
        lockTimeout, leaseDuration);
  }

  public RetortSettings withHistoryTable(String historyTable) {
    return new RetortSettings(schema, versionTable, historyTable, lockTable, transactionMode,
        lockTimeout, leaseDuration);
  }

  public RetortSettings withLockTable(String lockTable) {
    return new RetortSettings(schema, versionTable, historyTable, lockTable, transactionMode,
        lockTimeout, leaseDuration);
  }

  public RetortSettings withTransactionMode(TransactionMode transactionMode) {
    return new RetortSettings(schema, versionTable, historyTable, lockTable, transactionMode,
        lockTimeout, leaseDuration);
  }

  public RetortSettings withLockTimeout(Duration lockTimeout) {
    return new RetortSettings(schema, versionTable, historyTable, lockTable, transactionMode,
        lockTimeout, leaseDuration);
  }

  public RetortSettings withLeaseDuration(Duration leaseDuration) {
    return new RetortSettings(schema, versionTable, historyTable, lockTable, transactionMode,
        lockTimeout, leaseDuration);
  }

  /**
   * The state tables' names go into SQL unquoted, so that they follow each database's case rules
   * and can be queried by hand; only a plain identifier is safe to use that way.
   */
  private static final java.util.regex.Pattern IDENTIFIER =
      java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private static String requireName(String name, String what) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("The " + what + " must be a plain SQL identifier"
          + " (ASCII letters, digits and _, not starting with a digit, at most 63 characters),"
          + " not " + (name == null ? "null" : "'" + name + "'") + ". Choose a name such as"
          + " retort_version; nothing was run.");
    }
    return name;
  }

  private static Duration requirePositive(Duration duration, String what) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be a positive duration, not " + duration);
    }
    return duration;
  }
}

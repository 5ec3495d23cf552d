package dev.retort.runtime;

import dev.retort.runtime.messages.Messages;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;

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

  private static final String DEFAULT_VERSION_TABLE = "retort_version";
  private static final String DEFAULT_HISTORY_TABLE = "retort_history";
  private static final String DEFAULT_LOCK_TABLE = "retort_lock";
  /** The default state tables' names, which {@link #defaults()} checks no further. */
  static final Set<String> DEFAULT_NAMES =
      Set.of(DEFAULT_VERSION_TABLE, DEFAULT_HISTORY_TABLE, DEFAULT_LOCK_TABLE);

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

  /**
   * How the names a migration gives as plain strings ({@code db.createTable("users")}, {@code
   * DSL.name("users")}) are written into SQL. A name the migration quotes or unquotes explicitly
   * ({@code DSL.quotedName}, {@code DSL.unquotedName}) is always written as it asks.
   */
  public enum NameQuoting {
    /**
     * Unquoted, as a person writes SQL: the database folds the name by its own rules (PostgreSQL
     * to lower case; H2, Oracle and Db2 to upper case), so {@code select * from users} finds the
     * table a migration created as {@code "users"}. The default. jOOQ's {@link
     * RenderQuotedNames#EXPLICIT_DEFAULT_UNQUOTED}.
     */
    UNQUOTED,
    /**
     * Quoted, with the case exactly as written: jOOQ's own default ({@link
     * RenderQuotedNames#EXPLICIT_DEFAULT_QUOTED}), and what Retort did before {@link #UNQUOTED}
     * became the default. Keep it for a database whose tables were created that way with names
     * the database would fold differently: lower-case names on H2, Oracle or Db2, mixed-case
     * names anywhere.
     */
    QUOTED
  }

  /** Which lock keeps two runners from applying the same revisions. */
  public enum LockKind {
    /**
     * The strongest lock the database offers: a PostgreSQL advisory lock, a MySQL or MariaDB
     * named lock, which the server releases when the holder's connection dies; a lease row
     * where there is none. The default.
     */
    AUTOMATIC,
    /**
     * Always the lease row in the lock table, renewed while held and taken over once it
     * expires: for engines that speak PostgreSQL's protocol without its advisory locks
     * (CockroachDB), and for connection poolers that hand one session to several clients.
     */
    LEASE_ROW
  }

  private final String schema;
  private final String migrationSchema;
  private final LockKind lockKind;
  private final String versionTable;
  private final String historyTable;
  private final String lockTable;
  private final TransactionMode transactionMode;
  private final Duration lockTimeout;
  private final Duration leaseDuration;
  private final NameQuoting nameQuoting;

  private RetortSettings(String schema, String versionTable, String historyTable,
      String lockTable, TransactionMode transactionMode, Duration lockTimeout,
      Duration leaseDuration, NameQuoting nameQuoting) {
    this(schema, null, LockKind.AUTOMATIC, versionTable, historyTable, lockTable,
        transactionMode, lockTimeout, leaseDuration, nameQuoting);
  }

  private RetortSettings(String schema, String migrationSchema, LockKind lockKind,
      String versionTable, String historyTable, String lockTable,
      TransactionMode transactionMode, Duration lockTimeout, Duration leaseDuration,
      NameQuoting nameQuoting) {
    this.schema = schema == null ? null : requireName(schema, "schema name");
    this.migrationSchema = migrationSchema == null ? null
        : requireName(migrationSchema, "migration schema name");
    this.lockKind = Objects.requireNonNull(lockKind, "lockKind");
    this.versionTable = requireName(versionTable, "version table name");
    this.historyTable = requireName(historyTable, "history table name");
    this.lockTable = requireName(lockTable, "lock table name");
    this.transactionMode = Objects.requireNonNull(transactionMode, "transactionMode");
    this.lockTimeout = requirePositive(lockTimeout, "lockTimeout");
    this.leaseDuration = requirePositive(leaseDuration, "leaseDuration");
    this.nameQuoting = Objects.requireNonNull(nameQuoting, "nameQuoting");
  }

  /**
   * Tables {@code retort_version}, {@code retort_history} and {@code retort_lock} in the
   * connection's default schema; one transaction per revision; a 10-minute lock timeout; a
   * 30-second lease for databases without a session lock; names rendered {@link
   * NameQuoting#UNQUOTED unquoted}; the migrations in the connection's own schema; the {@link
   * LockKind#AUTOMATIC strongest lock} the database offers.
   */
  public static RetortSettings defaults() {
    return new RetortSettings(null, DEFAULT_VERSION_TABLE, DEFAULT_HISTORY_TABLE,
        DEFAULT_LOCK_TABLE, TransactionMode.PER_REVISION, Duration.ofMinutes(10),
        Duration.ofSeconds(30), NameQuoting.UNQUOTED);
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

  /** How revisions are grouped into database transactions. */
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

  /**
   * A copy whose state tables are in this schema; {@code null} for the connection's default.
   *
   * @throws IllegalArgumentException if the name is not a plain SQL identifier, or is an SQL
   *     keyword
   */
  public RetortSettings withSchema(String schema) {
    return new RetortSettings(schema, migrationSchema, lockKind, versionTable, historyTable,
        lockTable, transactionMode, lockTimeout, leaseDuration, nameQuoting);
  }

  /**
   * A copy with another version table.
   *
   * @throws IllegalArgumentException if the name is not a plain SQL identifier, or is an SQL
   *     keyword
   */
  public RetortSettings withVersionTable(String versionTable) {
    return new RetortSettings(schema, migrationSchema, lockKind, versionTable, historyTable,
        lockTable, transactionMode, lockTimeout, leaseDuration, nameQuoting);
  }

  /**
   * A copy with another history table.
   *
   * @throws IllegalArgumentException if the name is not a plain SQL identifier, or is an SQL
   *     keyword
   */
  public RetortSettings withHistoryTable(String historyTable) {
    return new RetortSettings(schema, migrationSchema, lockKind, versionTable, historyTable,
        lockTable, transactionMode, lockTimeout, leaseDuration, nameQuoting);
  }

  /**
   * A copy with another lease table.
   *
   * @throws IllegalArgumentException if the name is not a plain SQL identifier, or is an SQL
   *     keyword
   */
  public RetortSettings withLockTable(String lockTable) {
    return new RetortSettings(schema, migrationSchema, lockKind, versionTable, historyTable,
        lockTable, transactionMode, lockTimeout, leaseDuration, nameQuoting);
  }

  /**
   * A copy with another transaction mode.
   *
   * @throws NullPointerException if the mode is null
   */
  public RetortSettings withTransactionMode(TransactionMode transactionMode) {
    return new RetortSettings(schema, migrationSchema, lockKind, versionTable, historyTable,
        lockTable, transactionMode, lockTimeout, leaseDuration, nameQuoting);
  }

  /**
   * A copy that waits this long for another runner's lock.
   *
   * @throws IllegalArgumentException if the duration is not positive
   */
  public RetortSettings withLockTimeout(Duration lockTimeout) {
    return new RetortSettings(schema, migrationSchema, lockKind, versionTable, historyTable,
        lockTable, transactionMode, lockTimeout, leaseDuration, nameQuoting);
  }

  /**
   * A copy whose lease locks last this long without renewal.
   *
   * @throws IllegalArgumentException if the duration is not positive
   */
  public RetortSettings withLeaseDuration(Duration leaseDuration) {
    return new RetortSettings(schema, migrationSchema, lockKind, versionTable, historyTable,
        lockTable, transactionMode, lockTimeout, leaseDuration, nameQuoting);
  }

  /**
   * How migrations' names are written into SQL: by the runtime, the offline {@code sql()}, the
   * proofs and the testing module alike.
   */
  public NameQuoting nameQuoting() {
    return nameQuoting;
  }

  /**
   * A copy that writes migrations' names as this says.
   *
   * @throws NullPointerException if it is null
   */
  public RetortSettings withNameQuoting(NameQuoting nameQuoting) {
    return new RetortSettings(schema, migrationSchema, lockKind, versionTable, historyTable,
        lockTable, transactionMode, lockTimeout, leaseDuration, nameQuoting);
  }

  /**
   * The schema the migrations' unqualified names resolve in; {@code null} (the default) for the
   * connection's own. See {@link #withMigrationSchema(String)}.
   */
  public String migrationSchema() {
    return migrationSchema;
  }

  /**
   * A copy whose migrations work in this schema, as one tenant's copy of the application's
   * tables: every connection Retort takes resolves unqualified names in it (on PostgreSQL its
   * {@code search_path} is this schema alone, so a name the tenant lacks is an error rather than
   * another schema's table; JDBC's current schema, or catalog on MySQL, elsewhere), and is
   * switched back when Retort closes it; the offline {@code sql()} starts with the statement
   * that switches to it. The migrations' SQL stays unqualified: jOOQ's render mapping of its
   * default schema would also qualify what PostgreSQL takes only unqualified (the new name in
   * {@code alter table ... rename to}, an index's name), so it is not used. Usually given
   * together with {@link #withSchema(String)}, so that each tenant's state tables live beside
   * its tables: {@link Fleet} does both. The schema must exist. {@code null} for the
   * connection's own.
   *
   * @throws IllegalArgumentException if the name is not a plain SQL identifier, or is an SQL
   *     keyword
   */
  public RetortSettings withMigrationSchema(String migrationSchema) {
    return new RetortSettings(schema, migrationSchema, lockKind, versionTable, historyTable,
        lockTable, transactionMode, lockTimeout, leaseDuration, nameQuoting);
  }

  /** Which lock keeps two runners apart. */
  public LockKind lockKind() {
    return lockKind;
  }

  /**
   * A copy that takes this kind of lock.
   *
   * @throws NullPointerException if it is null
   */
  public RetortSettings withLockKind(LockKind lockKind) {
    return new RetortSettings(schema, migrationSchema, lockKind, versionTable, historyTable,
        lockTable, transactionMode, lockTimeout, leaseDuration, nameQuoting);
  }

  /**
   * The jOOQ settings Retort gives the {@code DSLContext} it hands to migrations, online and
   * offline: names rendered as {@link #nameQuoting()} says. Give an application's own context
   * these too ({@code DSL.using(dataSource, dialect, settings.jooqSettings())}), so that its
   * queries name the tables the way the migrations created them. A new instance on every call.
   */
  public Settings jooqSettings() {
    return new Settings().withRenderQuotedNames(nameQuoting == NameQuoting.UNQUOTED
        ? RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED
        : RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED);
  }

  /**
   * The state tables' names go into SQL unquoted, so that they follow each database's case rules
   * and can be queried by hand; only a plain identifier that is no SQL keyword is safe to use that
   * way.
   */
  private static String requireName(String name, String what) {
    if (!isPlainIdentifier(name)) {
      throw new IllegalArgumentException(Messages.invalidName(what, name));
    }
    // The default names are no keywords (RetortSettingsTest checks): the list is read only for a
    // name the application chose, not by every start-up.
    if (!DEFAULT_NAMES.contains(name) && ReservedWords.contains(name)) {
      throw new IllegalArgumentException(Messages.reservedName(what, name));
    }
    return name;
  }

  /** A letter or underscore, then up to 62 letters, digits or underscores, all ASCII. */
  private static boolean isPlainIdentifier(String name) {
    if (name == null || name.isEmpty() || name.length() > 63) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static Duration requirePositive(Duration duration, String what) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(Messages.notPositive(what, duration));
    }
    return duration;
  }
}

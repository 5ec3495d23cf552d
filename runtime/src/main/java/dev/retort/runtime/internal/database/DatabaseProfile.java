package dev.retort.runtime.internal.database;

import dev.retort.runtime.RetortSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jooq.SQLDialect;

/**
 * Every fact Retort needs about one family of databases, in one place: how it is recognised, the
 * lock it offers, how a session is switched to a tenant's schema, whether it rolls back DDL, how its session is set up and torn down for a
 * command, and how it reports a missing table or a missing right. Choosing a profile loads no
 * jOOQ class: a start-up with nothing to do needs only {@link #isMissingTable}.
 */
public abstract class DatabaseProfile {

  /** SQLSTATE of a table that does not exist (H2, MySQL, MariaDB, SQL Server). */
  static final String NO_SUCH_TABLE = "42S02";
  /** SQLSTATE of a missing right: the standard's, used by PostgreSQL and H2 among others. */
  static final String INSUFFICIENT_PRIVILEGE = "42501";

  /** H2's error codes for a database file that another process holds or is handing over. */
  private static final int H2_ERROR_OPENING_DATABASE = 8000;
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;
  private static final int H2_CONNECTION_BROKEN = 90067;
  private static final int H2_DATABASE_IS_CLOSED = 90098;
  private static final int H2_CLOSED_AT_SHUTDOWN = 90121;
  private static final String H2_URL = "jdbc:h2:";
  private static final String AUTO_SERVER_SETTING = ";AUTO_SERVER=TRUE";
  /** How deep {@link #isTransientOpenFailure} follows a failure's causes. */
  static final int MAX_CAUSES = 64;

  /** The profile of the database a connection reaches, by the product name its driver reports. */
  public static DatabaseProfile of(Connection connection) throws SQLException {
    String product = String.valueOf(connection.getMetaData().getDatabaseProductName())
        .toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return new PostgresProfile();
    }
    if (product.contains("mysql") || product.contains("mariadb")) {
      return new MySqlProfile(product.contains("mariadb") ? "MariaDB" : "MySQL");
    }
    if (product.equals("h2")) {
      return new H2Profile();
    }
    if (product.contains("sqlite")) {
      return new SqliteProfile();
    }
    if (product.contains("hsql")) {
      return new HsqldbProfile();
    }
    return new OtherProfile(connection.getMetaData().getDatabaseProductName());
  }

  /**
   * The failures worth trying again on a data source's connections, because they last a moment
   * only: H2's refusals while a file opened with {@code AUTO_SERVER=TRUE} passes from the process
   * that served it to the next ({@code isTransientOpenFailure}), when the data source's URL is
   * such an H2 URL. None otherwise: elsewhere the same codes mean that trying again is pointless
   * (H2's "Connection is broken" from a TCP server that refuses connections), and they, like a
   * wrong path or a wrong password, fail a command at once. A data source that does not say its
   * URL is taken as not handing over. The URL is read only for a failure that looks like a
   * hand-off: reading it reflects on the data source's class, which a start-up whose connection
   * opens at once should not pay for.
   */
  public static Predicate<Throwable> momentaryFailures(DataSource dataSource) {
    return failure -> isTransientOpenFailure(failure)
        && DataSourceUrl.of(dataSource).filter(DatabaseProfile::handsOverBetweenProcesses)
            .isPresent();
  }

  /**
   * Whether connections to a JDBC URL may be refused for a moment while another process takes
   * over serving the database: an H2 URL with {@code AUTO_SERVER=TRUE} (H2 reads its settings'
   * names and {@code TRUE} in any case).
   */
  static boolean handsOverBetweenProcesses(String url) {
    // Compared by hand, not by a regular expression: every start-up asks, and compiling one
    // costs a start-up with nothing to do more than the comparison.
    if (!url.regionMatches(true, 0, H2_URL, 0, H2_URL.length())) {
      return false;
    }
    int length = AUTO_SERVER_SETTING.length();
    for (int at = H2_URL.length(); at + length <= url.length(); at++) {
      if (url.regionMatches(true, at, AUTO_SERVER_SETTING, 0, length)
          && (at + length == url.length() || url.charAt(at + length) == ';')) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether opening a connection (or reopening one, as H2's AUTO_SERVER connections do when the
   * process that served them exits) failed for a moment only, so that trying again can succeed,
   * whatever wraps the driver's exception. H2 refuses connections while a file opened with {@code
   * AUTO_SERVER=TRUE} passes from a process that closes it to one that opens it: "Lock file
   * recently modified", "Another process was faster" or "Concurrent update" while two processes
   * race for the lock file, "Locked by another process" before the new owner has published its
   * server's address, a broken connection to the owner that just left, or a database that owner
   * is closing ("The database has been closed", "Database is already closed" at its JVM's
   * shutdown). The codes are H2's, checked together with the SQLSTATE H2 derives from them; they
   * mean a hand-off only on an AUTO_SERVER URL, which {@link #momentaryFailures} checks too. A
   * chain of causes is followed {@value #MAX_CAUSES} deep at most: a chain that loops back on
   * itself, which a driver can build with {@code initCause}, is no hand-off.
   */
  static boolean isTransientOpenFailure(Throwable e) {
    int depth = 0;
    for (Throwable cause = e; cause != null && depth++ < MAX_CAUSES; cause = cause.getCause()) {
      if (cause instanceof SQLException failure && isH2Handover(failure)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isH2Handover(SQLException e) {
    String state = String.valueOf(e.getSQLState());
    String message = String.valueOf(e.getMessage());
    switch (e.getErrorCode()) {
      case H2_ERROR_OPENING_DATABASE:
        return state.equals("08000") && (message.contains("Lock file recently modified")
            || message.contains("Another process was faster")
            || message.contains("Concurrent update"));
      case H2_DATABASE_ALREADY_OPEN:
      case H2_CONNECTION_BROKEN:
      case H2_DATABASE_IS_CLOSED:
      case H2_CLOSED_AT_SHUTDOWN:
        return state.equals(String.valueOf(e.getErrorCode()));
      default:
        return false;
    }
  }

  /** The profile of a jOOQ dialect, for what Retort renders without a database. */
  public static DatabaseProfile of(SQLDialect dialect) {
    switch (dialect.family()) {
      case POSTGRES:
      case YUGABYTEDB:
        return new PostgresProfile();
      case MYSQL:
        return new MySqlProfile("MySQL");
      case MARIADB:
        return new MySqlProfile("MariaDB");
      case H2:
        return new H2Profile();
      case SQLITE:
        return new SqliteProfile();
      case HSQLDB:
        return new HsqldbProfile();
      default:
        return new OtherProfile(dialect.getName());
    }
  }

  /** The database's name, as messages say it. */
  public abstract String name();

  /**
   * Whether a failed transaction takes its DDL with it. MySQL and MariaDB commit before each DDL
   * statement; so does H2, whose CREATE, ALTER and DROP commit the open transaction. An offline
   * script ({@code sql}) wraps a step in BEGIN and COMMIT only where this holds, and elsewhere
   * says in a comment what a failure part-way leaves.
   */
  public abstract boolean transactionalDdl();

  /**
   * Takes the migration lock, waiting up to the settings' lock timeout: the strongest lock the
   * database offers (a session lock that the server releases when the holder's connection dies,
   * or else a lease row), or a lease row wherever the settings ask for one.
   *
   * @throws InterruptedException if interrupted while waiting
   * @throws dev.retort.runtime.LockException if the lock cannot be had in time
   */
  public final MigrationLock lock(DataSource dataSource, SQLDialect dialect,
      RetortSettings settings) throws InterruptedException {
    return usesLockTable(settings)
        ? LeaseLock.acquire(dataSource, dialect, settings, oneWriterAtATime())
        : sessionLock(dataSource, dialect, settings);
  }

  /**
   * Whether {@link #lock} takes a lease row in the lock table: where the settings ask for one,
   * and where the database offers no session lock.
   */
  public final boolean usesLockTable(RetortSettings settings) {
    return settings.lockKind() == RetortSettings.LockKind.LEASE_ROW || !hasSessionLock();
  }

  /** Whether the database offers a session lock; the profiles that do override both methods. */
  boolean hasSessionLock() {
    return false;
  }

  /** The database's session lock; called only where {@link #hasSessionLock} is true. */
  MigrationLock sessionLock(DataSource dataSource, SQLDialect dialect, RetortSettings settings)
      throws InterruptedException {
    throw new UnsupportedOperationException(getClass().getSimpleName());
  }

  /**
   * Whether the database lets one connection write at a time and fails, rather than waits, a
   * transaction that read and then writes after another connection wrote in between (SQLite's
   * deferred transactions: {@code SQLITE_BUSY} in either journal mode). A lease lock there
   * renews itself as the first statement of each of Retort's transactions, which takes the write
   * lock before the revision reads: see {@link MigrationLock#transactionBegan}.
   */
  public boolean oneWriterAtATime() {
    return false;
  }

  /**
   * Whether the driver takes several statements, separated by semicolons, as one prepared
   * statement, sends them to the server in one round trip, and reports each one's update count in
   * turn. Retort then records a revision (its change of the version table and its history row)
   * with one round trip instead of one per statement. PostgreSQL's driver does; MySQL's and
   * MariaDB's only with {@code allowMultiQueries}, which Retort does not ask users to set; H2 runs
   * in-process, where a round trip costs nothing to save.
   */
  public boolean sendsStatementsTogether() {
    return false;
  }

  /**
   * What the connection's unqualified names resolve through now, in the form {@link
   * #useSchema} takes back: the JDBC current schema by default, PostgreSQL's {@code
   * search_path}.
   */
  public String schemaPath(Connection connection) throws SQLException {
    return connection.getSchema();
  }

  /**
   * Makes the connection resolve unqualified names in this schema (or, with what {@link
   * #schemaPath} returned, as before): JDBC's {@link Connection#setSchema} by default.
   */
  public void useSchema(Connection connection, String schemaPath) throws SQLException {
    connection.setSchema(schemaPath);
  }

  /**
   * The statement an offline script starts with so that its unqualified names land in this
   * schema (a plain identifier), or {@code null} where the dialect has none.
   */
  public String useSchemaSql(String schema) {
    return null;
  }

  /**
   * Prepares a command's session on its connection.
   *
   * @return the settings it changed, with the values they had before, for {@link #tearDown}:
   *     none by default
   */
  public List<SessionSetting> setUp(Connection connection) {
    return List.of();
  }

  /**
   * Sets back what {@link #setUp} changed, before the connection goes back to its pool: to the
   * values the session had, which a pool's init SQL may have given it, not to the server's.
   *
   * @param before what {@link #setUp} returned
   */
  public void tearDown(Connection connection, List<SessionSetting> before) {}

  /**
   * A session setting and its value, as the database reports them and takes them back.
   *
   * @param name the setting's name
   * @param value its value
   */
  public record SessionSetting(String name, String value) {}

  /**
   * What a connection's session was set to beyond the values it started with, before Retort
   * used it: a pool's init SQL, say, or the role it switched to. {@link #clearForReuse} sets them
   * again, so that the pool gets its connection back as it gave it. None by default.
   */
  public List<SessionSetting> sessionSettings(Connection connection) throws SQLException {
    return List.of();
  }

  /**
   * Releases what a session may still hold that the JDBC API does not show, so that the
   * connection can serve another schema's command, and sets again what its session was given
   * before Retort used it: called in auto-commit mode, after the transaction was rolled back.
   *
   * @param given what {@link #sessionSettings} read when the connection came from its pool
   * @return whether the session is clean and may be reused; {@code false} (the default, where
   *     the dialect has no such check) means it is to be closed
   * @throws SQLException if the session is broken, or was cleared but could not be given its
   *     settings again: not to go back to a pool as it is
   */
  public boolean clearForReuse(Connection connection, List<SessionSetting> given)
      throws SQLException {
    return false;
  }

  /**
   * A statement as the schema model (jOOQ's parser and DDL interpreter) is to read it: without
   * the words that change how the database runs it but not the schema it leaves. The statement
   * itself by default.
   */
  public String asModelled(String sql) {
    return sql;
  }

  /** Whether a query failed because its table does not exist yet. */
  public boolean isMissingTable(SQLException e) {
    return NO_SUCH_TABLE.equals(e.getSQLState());
  }

  /** Whether a statement failed because the user lacks a right. */
  public boolean isInsufficientPrivilege(String sqlState) {
    return INSUFFICIENT_PRIVILEGE.equals(sqlState);
  }

  /** PostgreSQL (and YugabyteDB): advisory locks, transactional DDL. */
  static final class PostgresProfile extends DatabaseProfile {

    /** How often the server checks, during a statement, that the client is still there. */
    private static final String CLIENT_CHECK_INTERVAL = "2s";

    private static final String CLIENT_CHECK = "client_connection_check_interval";

    @Override
    public String name() {
      return "PostgreSQL";
    }

    @Override
    public boolean transactionalDdl() {
      return true;
    }

    @Override
    boolean hasSessionLock() {
      return true;
    }

    @Override
    MigrationLock sessionLock(DataSource dataSource, SQLDialect dialect,
        RetortSettings settings) throws InterruptedException {
      return new AdvisoryLock(LockKey.of(settings)).acquire(dataSource, settings.lockTimeout());
    }

    @Override
    public boolean sendsStatementsTogether() {
      return true;
    }

    /** The {@code search_path}, a list of schemas, which {@code getSchema()} does not show. */
    @Override
    public String schemaPath(Connection connection) throws SQLException {
      try (java.sql.Statement statement = connection.createStatement();
          java.sql.ResultSet path = statement.executeQuery(
              "select current_setting('search_path')")) {
        path.next();
        return path.getString(1);
      }
    }

    /**
     * The {@code search_path} set to the schema alone, for the session (not only the current
     * transaction): a name the tenant lacks fails instead of finding {@code public}'s table.
     */
    @Override
    public void useSchema(Connection connection, String schemaPath) throws SQLException {
      try (java.sql.PreparedStatement statement = connection.prepareStatement(
          "select set_config('search_path', ?, false)")) {
        statement.setString(1, schemaPath);
        statement.executeQuery().close();
      }
    }

    @Override
    public String useSchemaSql(String schema) {
      return "set search_path to " + schema;
    }

    /**
     * The session's user ({@code SET SESSION AUTHORIZATION}), which {@code DISCARD ALL} resets
     * and which is set again first, since it resets the role; then the settings whose source is
     * the session ({@code SET} or {@code set_config} since the connection started, which is how a
     * pool's init SQL sets them) but the {@code search_path}, which {@link #schemaPath} reads, and
     * the {@code transaction_} ones, which belong to a transaction; then the role the session
     * switched to with {@code SET ROLE}, last, because the role may lack the right to set what
     * the session's user set before it. {@code pg_settings} lists neither the user nor the role,
     * nor custom settings ({@code app.tenant}, say): those cannot be listed, and {@code DISCARD
     * ALL} resets them.
     */
    @Override
    public List<SessionSetting> sessionSettings(Connection connection) throws SQLException {
      List<SessionSetting> settings = new ArrayList<>();
      try (java.sql.Statement statement = connection.createStatement();
          java.sql.ResultSet rows = statement.executeQuery("select name, setting from ("
              + "select 0 as rank, 'session_authorization' as name,"
              + " current_setting('session_authorization') as setting"
              + " union all select 1, name, setting from pg_settings where source = 'session'"
              + " and name <> 'search_path' and name not like 'transaction\\_%'"
              + " union all select 2, 'role', current_setting('role')"
              + " where current_setting('role') <> 'none') given order by rank, name")) {
        while (rows.next()) {
          settings.add(new SessionSetting(rows.getString(1), rows.getString(2)));
        }
      }
      return List.copyOf(settings);
    }

    /**
     * {@code DISCARD ALL}: releases advisory locks, resets every session setting to the
     * connection's start-up value (the {@code search_path} too: the caller sets it back), resets
     * the role, drops temporary tables, closes cursors and forgets prepared statements (the
     * driver notices and prepares again); then sets what the session was given again. It refuses
     * to run inside a transaction block, so a transaction left open by plain SQL, or an aborted
     * one, fails it, and the caller aborts the connection.
     */
    @Override
    public boolean clearForReuse(Connection connection, List<SessionSetting> given)
        throws SQLException {
      try (java.sql.Statement statement = connection.createStatement()) {
        statement.execute("discard all");
      }
      setAll(connection, given);
      return true;
    }

    /** Sets each setting in one statement, in the order given: all of them or, failing, none. */
    private static void setAll(Connection connection, List<SessionSetting> settings)
        throws SQLException {
      if (settings.isEmpty()) {
        return;
      }
      try (java.sql.PreparedStatement statement = connection.prepareStatement(
          "select set_config(name, setting, false) from unnest(?::text[], ?::text[])"
              + " with ordinality as given(name, setting, position) order by position")) {
        statement.setArray(1, connection.createArrayOf("text",
            settings.stream().map(SessionSetting::name).toArray()));
        statement.setArray(2, connection.createArrayOf("text",
            settings.stream().map(SessionSetting::value).toArray()));
        statement.executeQuery().close();
      }
    }

    /**
     * PostgreSQL notices that a client died only when it next talks to it, so a runner killed
     * during a long statement leaves that statement running, its transaction open and its locks
     * held, until the statement ends: the next runner would wait that long. Since version 14 the
     * server can check the connection while a statement runs; Retort turns that on for its own
     * session.
     */
    @Override
    public List<SessionSetting> setUp(Connection connection) {
      // The value before, read in the statement that changes it: the pool's, if it set one.
      return Sessions.firstValue(connection, 14, "with before as materialized (select"
              + " current_setting('" + CLIENT_CHECK + "') as setting) select setting, set_config('"
              + CLIENT_CHECK + "', '" + CLIENT_CHECK_INTERVAL + "', false) from before")
          .map(value -> List.of(new SessionSetting(CLIENT_CHECK, value)))
          .orElse(List.of());
    }

    @Override
    public void tearDown(Connection connection, List<SessionSetting> before) {
      // Where it fails, the server checks for a dead client as often as Retort asked: no harm.
      Sessions.attempt("set " + CLIENT_CHECK + " back", () -> setAll(connection, before));
    }

    @Override
    public boolean isMissingTable(SQLException e) {
      return "42P01".equals(e.getSQLState());
    }

    /** Without CONCURRENTLY, which leaves the same index as the statement without it. */
    @Override
    public String asModelled(String sql) {
      return Concurrently.PATTERN.matcher(sql).replaceFirst("$1");
    }

    /**
     * {@code CREATE [UNIQUE] INDEX CONCURRENTLY} and {@code DROP INDEX CONCURRENTLY}: the word
     * that makes PostgreSQL build or drop an index without blocking writes, which jOOQ's parser
     * does not read (it takes it for the index's name, or fails on the name after it). In a class
     * of its own, compiled when a statement is modelled: every start-up on PostgreSQL makes this
     * profile, and compiling the expression then loaded five more of the regular expression's
     * classes.
     */
    private static final class Concurrently {
      static final Pattern PATTERN = Pattern.compile(
          "^(\\s*(?:create\\s+(?:unique\\s+)?index|drop\\s+index)\\s+)concurrently\\b",
          Pattern.CASE_INSENSITIVE);
    }
  }

  /** MySQL and MariaDB: named locks; every DDL statement commits. */
  static final class MySqlProfile extends DatabaseProfile {
    private final String name;

    MySqlProfile(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean transactionalDdl() {
      return false;
    }

    @Override
    boolean hasSessionLock() {
      return true;
    }

    @Override
    MigrationLock sessionLock(DataSource dataSource, SQLDialect dialect,
        RetortSettings settings) throws InterruptedException {
      return new NamedLock(LockKey.of(settings)).acquire(dataSource, settings.lockTimeout());
    }

    /** A MySQL "schema" is a database: the driver's catalog. */
    @Override
    public String schemaPath(Connection connection) throws SQLException {
      return connection.getCatalog();
    }

    @Override
    public void useSchema(Connection connection, String schemaPath) throws SQLException {
      connection.setCatalog(schemaPath);
    }

    @Override
    public String useSchemaSql(String schema) {
      return "use " + schema;
    }
  }

  /** H2: a lease; CREATE, ALTER and DROP commit the open transaction. */
  static final class H2Profile extends DatabaseProfile {
    /** H2's SQLSTATE for a missing table in a database that has none at all. */
    private static final String NO_SUCH_TABLE_IN_EMPTY_DATABASE = "42S04";
    /**
     * H2's SQLSTATE for a missing table when others have a similar name: a quoted name that
     * differs in case only, or the very table while another session is creating it, which H2
     * lists but does not show yet (sixteen runners started at once met it).
     */
    private static final String NO_SUCH_TABLE_BUT_CANDIDATES = "42S03";

    @Override
    public String name() {
      return "H2";
    }

    @Override
    public String useSchemaSql(String schema) {
      return "set schema " + schema;
    }

    @Override
    public boolean transactionalDdl() {
      return false;
    }

    @Override
    public boolean isMissingTable(SQLException e) {
      return super.isMissingTable(e) || NO_SUCH_TABLE_IN_EMPTY_DATABASE.equals(e.getSQLState())
          || NO_SUCH_TABLE_BUT_CANDIDATES.equals(e.getSQLState());
    }
  }

  /** HSQLDB: a lease; DDL commits; a missing object is reported as a missing right. */
  static final class HsqldbProfile extends DatabaseProfile {
    @Override
    public String name() {
      return "HSQLDB";
    }

    @Override
    public boolean transactionalDdl() {
      return false;
    }

    @Override
    public boolean isMissingTable(SQLException e) {
      return super.isMissingTable(e) || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT)
          .contains("object not found");
    }
  }

  /**
   * SQLite: a lease; one writer at a time; transactional DDL; no SQLSTATE, only a message, for a
   * missing table.
   */
  static final class SqliteProfile extends DatabaseProfile {
    @Override
    public String name() {
      return "SQLite";
    }

    @Override
    public boolean oneWriterAtATime() {
      return true;
    }

    @Override
    public boolean transactionalDdl() {
      return true;
    }

    @Override
    public boolean isMissingTable(SQLException e) {
      return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("no such table");
    }
  }

  /**
   * Any other database: a lease, DDL assumed transactional, and a missing table recognised by
   * every SQLSTATE the profiles above know.
   */
  static final class OtherProfile extends DatabaseProfile {
    private static final Set<String> NO_SUCH_TABLE_STATES = Set.of(NO_SUCH_TABLE, "42P01", "42S04");
    private final String name;

    OtherProfile(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean transactionalDdl() {
      return true;
    }

    @Override
    public boolean isMissingTable(SQLException e) {
      return NO_SUCH_TABLE_STATES.contains(e.getSQLState())
          || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("no such table");
    }
  }
}

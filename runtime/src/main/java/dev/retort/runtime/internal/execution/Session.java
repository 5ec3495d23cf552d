package dev.retort.runtime.internal.execution;

import dev.retort.runtime.AuditEntry;
import dev.retort.runtime.LockException;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.internal.database.DatabaseProfile;
import dev.retort.runtime.internal.database.Host;
import dev.retort.runtime.internal.database.MigrationLock;
import dev.retort.runtime.internal.state.StateReader;
import dev.retort.runtime.internal.state.StateReader.Recorded;
import dev.retort.runtime.internal.state.StateTableShapes;
import dev.retort.runtime.internal.state.StateTableShapes.Role;
import dev.retort.runtime.internal.state.StateTables;
import dev.retort.runtime.internal.state.StateWriter;
import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * One command's hold on the database: its connection (one, so that a data source without a pool
 * does not open one per statement), the migration lock's lifecycle and the session set-up that
 * goes with it, and Retort's reads of its own tables, with their failures worded once. Reads use
 * plain JDBC; jOOQ is loaded only when a command needs its DSL (to create the tables, or to run
 * migrations). Close it when the command ends.
 */
public final class Session implements AutoCloseable {

  private final Database database;
  private final Connection connection;
  private final DatabaseProfile profile;
  private final StateReader reader;
  private DSLContext db;
  private MigrationLock lock;
  /** What {@link DatabaseProfile#setUp} changed, with the values before; set back at the end. */
  private List<DatabaseProfile.SessionSetting> changedBySetUp = List.of();

  Session(Database database, Connection connection, DatabaseProfile profile) {
    this.database = database;
    this.connection = connection;
    this.profile = profile;
    this.reader = new StateReader(database.sql(), profile);
  }

  public Connection connection() {
    return connection;
  }

  public DatabaseProfile profile() {
    return profile;
  }

  public RetortSettings settings() {
    return database.settings();
  }

  /**
   * The jOOQ context on this session's connection, rendering names as the settings say: what
   * migrations are handed.
   */
  public DSLContext db() {
    if (db == null) {
      db = DSL.using(connection, database.dialect(connection), settings().jooqSettings());
    }
    return db;
  }

  /** The database user, as the history records it. */
  public String user() {
    try {
      return connection.getMetaData().getUserName();
    } catch (SQLException e) {
      throw stateAccessFailed(e, e.getSQLState());
    }
  }

  /** This machine's name, as the history records it; looked up on first use. */
  public String host() {
    return Host.name();
  }

  /** The ids in the version table; none when it does not exist yet. */
  public List<String> heads() {
    try {
      return reader.heads(connection);
    } catch (SQLException e) {
      throw stateAccessFailed(e, e.getSQLState());
    }
  }

  /** What the history records for each revision; see {@link StateReader#recorded}. */
  public Map<String, Recorded> recorded() {
    try {
      return reader.recorded(connection);
    } catch (SQLException e) {
      throw stateAccessFailed(e, e.getSQLState());
    }
  }

  /** The newest rows of the history table, newest first. */
  public List<AuditEntry> auditTrail(int limit) {
    try {
      return reader.auditTrail(connection, limit);
    } catch (SQLException e) {
      throw stateAccessFailed(e, e.getSQLState());
    }
  }

  /**
   * Refuses a state table that the settings name and that exists without Retort's columns (the
   * lock table too, where the lock is a lease row), before anything reads or writes it.
   *
   * @throws RetortException naming the table and its setting
   */
  public void checkStateTables() {
    List<Role> roles = profile.usesLockTable(settings())
        ? List.of(Role.VERSION, Role.HISTORY, Role.LOCK) : List.of(Role.VERSION, Role.HISTORY);
    try {
      new StateTableShapes(database.sql(), settings(), profile).check(connection, roles);
    } catch (SQLException e) {
      throw stateAccessFailed(e, e.getSQLState());
    }
  }

  /** Creates the version and history tables where they do not exist. */
  public void createTablesIfMissing() {
    try {
      for (Query query : new StateTables(settings()).create(db())) {
        query.execute();
      }
    } catch (DataAccessException e) {
      throw stateAccessFailed(e, e.sqlState());
    }
  }

  /** A writer of the state tables on this session's connection; close it after the run. */
  public StateWriter writer() {
    return new StateWriter(database.sql(), connection, profile.sendsStatementsTogether());
  }

  /**
   * Takes the migration lock the profile chooses, waiting up to the lock timeout, then sets the
   * session up for the command; {@link #close()} undoes both.
   *
   * @throws LockException if the lock cannot be had
   */
  public MigrationLock lock() {
    try {
      lock = profile.lock(database.dataSource(), database.dialect(connection), settings());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LockException(Messages.lockInterrupted(), e);
    }
    changedBySetUp = profile.setUp(connection);
    return lock;
  }

  /** The lock {@link #lock()} took, or {@code null} before. */
  public MigrationLock lockHeld() {
    return lock;
  }

  /**
   * A command's failure outside the executor: jOOQ's failure on Retort's own tables as {@link
   * #stateAccessFailed}, anything else as it is.
   */
  public RuntimeException stateFailure(RuntimeException e) {
    return e instanceof DataAccessException failed ? stateAccessFailed(failed, failed.sqlState())
        : e;
  }

  /**
   * The failure of Retort's own read or write of its tables, said once: what failed, and the
   * grant that is missing when the database says a right is.
   */
  public RetortException stateAccessFailed(Exception e, String sqlState) {
    return new RetortException(Messages.stateAccessFailed(settings().versionTable(),
        settings().historyTable(), e.getMessage(), profile.isInsufficientPrivilege(sqlState)), e);
  }

  /** Tears the session set-up down, releases the lock, and closes the connection. */
  @Override
  public void close() {
    try {
      if (!changedBySetUp.isEmpty()) {
        profile.tearDown(connection, changedBySetUp);
      }
    } finally {
      try {
        if (lock != null) {
          lock.close();
        }
      } finally {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // The command is over; a connection that will not close has nothing left to lose.
        }
      }
    }
  }
}

package dev.retort.runtime.internal.execution;

import dev.retort.runtime.RetortException;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.internal.database.Connector;
import dev.retort.runtime.internal.database.DatabaseProfile;
import dev.retort.runtime.internal.state.StateSql;
import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * The database Retort works on: its data source, the settings, and what is learnt about it once
 * (its profile, its jOOQ dialect) and kept for every later command. Thread-safe.
 */
public final class Database {

  private final DataSource dataSource;
  private final RetortSettings settings;
  private final StateSql sql;
  private final Predicate<Throwable> momentary;
  private volatile DatabaseProfile profile;
  private volatile SQLDialect dialect;

  public Database(DataSource dataSource, RetortSettings settings) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.sql = new StateSql(settings);
    this.momentary = DatabaseProfile.momentaryFailures(dataSource);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public RetortSettings settings() {
    return settings;
  }

  /** The statements about Retort's tables, with the settings' names. */
  public StateSql sql() {
    return sql;
  }

  /**
   * Whether a failure lasts a moment only on this data source, so that the work it stopped is
   * worth trying again ({@link DatabaseProfile#momentaryFailures}).
   */
  public boolean isMomentary(Throwable failure) {
    return momentary.test(failure);
  }

  /**
   * A connection from the data source, within the lock timeout, retrying what lasts a moment
   * only on it (see {@link Connector}).
   *
   * @throws SQLException if none can be had; a {@link java.sql.SQLTimeoutException} if none
   *     came within the lock timeout
   * @throws RetortException if interrupted while waiting
   */
  public Connection connect() throws SQLException {
    return connection(beginConnecting());
  }

  /**
   * Starts opening a connection as {@link #connect()} does and returns at once; {@link
   * #connection} waits for it. Work done in between runs while the driver connects.
   */
  public Connector.Pending beginConnecting() {
    return new Connector(dataSource, settings.lockTimeout(), momentary).begin();
  }

  /**
   * The connection {@link #beginConnecting()} started.
   *
   * @throws SQLException if none can be had; a {@link java.sql.SQLTimeoutException} if none
   *     came within the lock timeout
   * @throws RetortException if interrupted while waiting
   */
  public Connection connection(Connector.Pending pending) throws SQLException {
    try {
      return pending.connection();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetortException(Messages.connectInterrupted(), e);
    }
  }

  /**
   * Opens a session on a connection of its own, in auto-commit mode between transactions.
   *
   * @throws RetortException if no connection can be had
   */
  public Session open() {
    Connection connection;
    try {
      connection = connect();
    } catch (SQLException e) {
      throw new RetortException(Messages.cannotConnect(String.valueOf(e.getMessage())), e);
    }
    return open(connection);
  }

  /**
   * Opens a session on a connection already open, which the session closes (or this, if the
   * session cannot be opened), in auto-commit mode between transactions.
   *
   * @throws RetortException if the connection cannot be set up
   */
  public Session open(Connection connection) {
    try {
      connection.setAutoCommit(true);
      return new Session(this, connection, profile(connection));
    } catch (SQLException | RuntimeException | Error e) {
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e instanceof Error error) {
        throw error;
      }
      throw new RetortException(Messages.cannotConnect(String.valueOf(e.getMessage())), e);
    }
  }

  /** The profile of the database, learnt from the first connection. */
  public DatabaseProfile profile(Connection connection) throws SQLException {
    DatabaseProfile known = profile;
    if (known == null) {
      known = DatabaseProfile.of(connection);
      profile = known;
    }
    return known;
  }

  /** The jOOQ dialect, detected on the first connection that needs it. */
  SQLDialect dialect(Connection connection) {
    SQLDialect known = dialect;
    if (known == null) {
      known = JDBCUtils.dialect(connection);
      dialect = known;
    }
    return known;
  }
}

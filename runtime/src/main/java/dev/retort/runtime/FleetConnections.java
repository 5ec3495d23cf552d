package dev.retort.runtime;

import dev.retort.runtime.internal.database.DatabaseProfile;
import dev.retort.runtime.internal.database.ForwardingDataSource;
import dev.retort.runtime.messages.Messages;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One fleet run's connections to the server its schemas share: a connection a member closes is
 * kept for the next member instead of being closed, so that a run of a thousand schemas does not
 * start a thousand server sessions (on PostgreSQL, a process each). A connection is handed on
 * only as the data source gave it: its transaction rolled back; cleared by the dialect's {@link
 * DatabaseProfile#clearForReuse} (PostgreSQL's {@code DISCARD ALL}: advisory locks released,
 * session settings and role reset, refused while a transaction is left open); the settings and
 * role its session had when it came (a pool's init SQL), auto-commit, isolation, read-only and
 * the schema path (PostgreSQL's {@code search_path}) as they were. A connection that fails any of
 * this is aborted and closed instead, and one of a dialect without such a check is closed. At
 * most {@code capacity} connections wait; {@link #close()} closes them, and a connection handed
 * back after it is closed at once.
 */
final class FleetConnections extends ForwardingDataSource implements AutoCloseable {

  /** A member's connections at once: its session, its lock, and one to read the state. */
  static final int PER_MEMBER = 3;

  private final int capacity;
  private final ArrayDeque<Physical> idle = new ArrayDeque<>();
  private boolean closed;
  private volatile DatabaseProfile profile;

  FleetConnections(DataSource delegate, int capacity) {
    super(delegate);
    this.capacity = capacity;
  }

  /** A connection as the data source gave it, and the settings it came with. */
  private record Physical(Connection connection, boolean autoCommit, int isolation,
      boolean readOnly, String schemaPath, List<DatabaseProfile.SessionSetting> settings) {}

  @Override
  public Connection getConnection() throws SQLException {
    Physical physical;
    synchronized (this) {
      if (closed) {
        throw new SQLException(Messages.fleetConnectionsClosed());
      }
      physical = idle.pollLast();
    }
    if (physical == null) {
      Connection connection = delegate.getConnection();
      try {
        DatabaseProfile known = profile(connection);
        physical = new Physical(connection, connection.getAutoCommit(),
            connection.getTransactionIsolation(), connection.isReadOnly(),
            known.schemaPath(connection), known.sessionSettings(connection));
      } catch (SQLException | RuntimeException e) {
        closeQuietly(connection, e);
        throw e;
      }
    }
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new Lent(physical));
  }

  /** Another user's connections are not this run's to share. */
  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return delegate.getConnection(user, password);
  }

  /**
   * Keeps the connection for the next member when it is clean and there is room, else closes it;
   * a connection that could not be cleared is aborted first, so that a pool drops it rather than
   * hand out a session that a member changed, or that lost its settings and role.
   */
  private void giveBack(Physical physical) {
    boolean clean;
    try {
      clean = cleared(physical);
    } catch (SQLException | RuntimeException broken) {
      try {
        physical.connection().abort(Runnable::run);
      } catch (SQLException | RuntimeException aborting) {
        broken.addSuppressed(aborting);
      }
      clean = false;
    }
    if (clean) {
      synchronized (this) {
        if (!closed && idle.size() < capacity) {
          idle.addLast(physical);
          return;
        }
      }
    }
    closeQuietly(physical.connection(), null);
  }

  private boolean cleared(Physical physical) throws SQLException {
    Connection connection = physical.connection();
    if (connection.isClosed()) {
      return false;
    }
    if (!connection.getAutoCommit()) {
      connection.rollback();
      connection.setAutoCommit(true);
    }
    if (connection.getTransactionIsolation() != physical.isolation()) {
      connection.setTransactionIsolation(physical.isolation());
    }
    if (connection.isReadOnly() != physical.readOnly()) {
      connection.setReadOnly(physical.readOnly());
    }
    connection.clearWarnings();
    DatabaseProfile known = profile(connection);
    if (!known.clearForReuse(connection, physical.settings())) {
      return false;
    }
    // Set again whatever the member and the clearing did: a switch back made inside a
    // transaction rolled back since, or a reset to the start-up value, is not the path it came
    // with.
    known.useSchema(connection, physical.schemaPath());
    if (!physical.autoCommit()) {
      connection.setAutoCommit(false);
    }
    return true;
  }

  private DatabaseProfile profile(Connection connection) throws SQLException {
    DatabaseProfile known = profile;
    if (known == null) {
      known = DatabaseProfile.of(connection);
      profile = known;
    }
    return known;
  }

  /** Closes the waiting connections; those still lent out close when they come back. */
  @Override
  public void close() {
    List<Physical> waiting;
    synchronized (this) {
      closed = true;
      waiting = new ArrayList<>(idle);
      idle.clear();
    }
    for (Physical physical : waiting) {
      closeQuietly(physical.connection(), null);
    }
  }

  private static void closeQuietly(Connection connection, Exception cause) {
    try {
      connection.close();
    } catch (SQLException closing) {
      // Nothing is left to do with a connection that cannot even be closed.
      if (cause != null) {
        cause.addSuppressed(closing);
      }
    }
  }

  /** Passes every call through; {@code close()} hands the connection back once. */
  private final class Lent implements InvocationHandler {
    private final Physical physical;
    private boolean returned;

    Lent(Physical physical) {
      this.physical = physical;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
      String name = method.getName();
      int parameters = method.getParameterCount();
      if (name.equals("close") && parameters == 0) {
        if (take()) {
          giveBack(physical);
        }
        return null;
      }
      if (name.equals("isClosed") && parameters == 0 && returned()) {
        return true;
      }
      if (name.equals("unwrap") && arguments[0] instanceof Class<?> type
          && type.isInstance(proxy)) {
        return proxy;
      }
      if (name.equals("isWrapperFor") && arguments[0] instanceof Class<?> type
          && type.isInstance(proxy)) {
        return true;
      }
      if (name.equals("equals") && parameters == 1) {
        return proxy == arguments[0];
      }
      if (name.equals("hashCode") && parameters == 0) {
        return System.identityHashCode(proxy);
      }
      if (returned()) {
        throw new SQLException(Messages.connectionClosed());
      }
      if (name.equals("abort")) {
        // An aborted connection is never handed on.
        take();
      }
      try {
        return method.invoke(physical.connection(), arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private synchronized boolean take() {
      boolean first = !returned;
      returned = true;
      return first;
    }

    private synchronized boolean returned() {
      return returned;
    }
  }
}

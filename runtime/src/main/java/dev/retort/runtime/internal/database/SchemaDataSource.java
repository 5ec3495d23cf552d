package dev.retort.runtime.internal.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A data source whose connections resolve unqualified names in one schema: each connection is
 * switched to it when taken (the profile's {@link DatabaseProfile#useSchema}) and switched back
 * when closed, so that a pooled connection returns to its pool as it came.
 */
public final class SchemaDataSource extends ForwardingDataSource {

  private final String schema;
  private volatile DatabaseProfile profile;

  private SchemaDataSource(DataSource delegate, String schema) {
    super(delegate);
    this.schema = schema;
  }

  /** The data source itself when the schema is {@code null}, else one switched to the schema. */
  public static DataSource of(DataSource delegate, String schema) {
    return schema == null ? delegate : new SchemaDataSource(delegate, schema);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return switched(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return switched(delegate.getConnection(user, password));
  }

  private Connection switched(Connection connection) throws SQLException {
    try {
      DatabaseProfile known = profile;
      if (known == null) {
        known = DatabaseProfile.of(connection);
        profile = known;
      }
      String before = known.schemaPath(connection);
      known.useSchema(connection, schema);
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, new Restoring(connection, known, before));
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * Passes every call through; {@code close()} switches the schema back first, ending a
   * transaction left open with a rollback.
   */
  private static final class Restoring implements InvocationHandler {
    private final Connection connection;
    private final DatabaseProfile profile;
    private final String before;
    private boolean closed;

    Restoring(Connection connection, DatabaseProfile profile, String before) {
      this.connection = connection;
      this.profile = profile;
      this.before = before;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
      String name = method.getName();
      if (name.equals("close") && method.getParameterCount() == 0) {
        close();
        return null;
      }
      if (name.equals("unwrap") && arguments[0] instanceof Class<?> type
          && type.isInstance(proxy)) {
        return proxy;
      }
      if (name.equals("isWrapperFor") && arguments[0] instanceof Class<?> type
          && type.isInstance(proxy)) {
        return true;
      }
      if (name.equals("equals") && method.getParameterCount() == 1) {
        return proxy == arguments[0];
      }
      if (name.equals("hashCode") && method.getParameterCount() == 0) {
        return System.identityHashCode(proxy);
      }
      try {
        return method.invoke(connection, arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private synchronized void close() throws SQLException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (before != null && !connection.isClosed()) {
          if (connection.getAutoCommit()) {
            profile.useSchema(connection, before);
          } else {
            // Closed inside a transaction (a failed one, say, which refuses every statement
            // until it ends): roll back what was left, as a pool does with a connection given
            // back so, then switch back and commit that alone, or the pool's rollback would undo
            // the switch (PostgreSQL rolls back a session's SET with its transaction) and hand
            // the next borrower this schema.
            connection.rollback();
            profile.useSchema(connection, before);
            connection.commit();
          }
        }
      } catch (SQLException restoreFailed) {
        // A broken connection: closing it is all that is left, and a pool discards it.
      } finally {
        connection.close();
      }
    }
  }
}

package dev.retort.runtime.internal.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * A connection that tells a test of each call before it passes the call on: to count closes or
 * record statements without a driver of its own.
 */
public final class ObservedConnection {

  /** What a test does with a call before the connection gets it. */
  public interface Observer {
    void before(String method, Object[] arguments);
  }

  private ObservedConnection() {}

  /** The connection, observed; what it throws is thrown as it was. */
  public static Connection of(Connection connection, Observer observer) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
          observer.before(method.getName(), arguments);
          try {
            return method.invoke(connection, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}

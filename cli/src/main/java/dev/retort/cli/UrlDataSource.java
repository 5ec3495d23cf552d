package dev.retort.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source for a JDBC URL: the command line runs one command and exits, so it needs no pool.
 * The driver is the first that accepts the URL among those on the command line's classpath and
 * the project's ({@code classpath=}); {@link DriverManager} alone would not use a driver that only
 * the project's class loader can see.
 */
final class UrlDataSource implements DataSource {

  private final String url;
  private final String user;
  private final String password;
  private final ClassLoader drivers;

  UrlDataSource(String url, String user, String password, ClassLoader drivers) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.drivers = drivers;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connect(user, password);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return connect(user, password);
  }

  private Connection connect(String user, String password) throws SQLException {
    Properties info = new Properties();
    if (user != null) {
      info.setProperty("user", user);
    }
    if (password != null) {
      info.setProperty("password", password);
    }
    try {
      Driver driver = driver();
      Connection connection = driver == null ? null : driver.connect(url, info);
      if (connection == null) {
        throw new SQLException(CliMessages.cannotConnect(redacted(url), user,
            CliMessages.noDriver()), "08001");
      }
      return connection;
    } catch (SQLException e) {
      throw e.getMessage() != null && e.getMessage().startsWith("Cannot connect to ") ? e
          : cannotConnect(e);
    }
  }

  /** The first driver, the registered ones first, that accepts the URL. */
  private Driver driver() throws SQLException {
    try {
      return DriverManager.getDriver(url);
    } catch (SQLException notRegisteredHere) {
      for (Driver driver : ServiceLoader.load(Driver.class, drivers)) {
        if (driver.acceptsURL(url)) {
          return driver;
        }
      }
      return null;
    }
  }

  /**
   * The driver's error, with what to do about it, and with no password in it: neither in the
   * message nor in a chained cause, since {@code --debug} prints the whole chain.
   */
  private SQLException cannotConnect(SQLException e) {
    String driverMessage = String.valueOf(e.getMessage());
    String clean = redacted(driverMessage);
    SQLException cannot = new SQLException(CliMessages.cannotConnect(redacted(url), user, clean),
        e.getSQLState(), e.getErrorCode(), clean.equals(driverMessage) && !chainQuotes(e)
            ? e : null);
    return cannot;
  }

  /** Whether a cause below the driver's exception quotes a password. */
  private boolean chainQuotes(Throwable e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (!redacted(message).equals(message)) {
        return true;
      }
    }
    return false;
  }

  private String redacted(String text) {
    return Secrets.of(password, url).redact(text);
  }

  @Override
  public PrintWriter getLogWriter() {
    return DriverManager.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    DriverManager.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) {
    DriverManager.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return DriverManager.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("No java.util.logging here");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("Not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}

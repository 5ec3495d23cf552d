package dev.retort.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source for a JDBC URL, through {@link DriverManager}: the command line runs one command
 * and exits, so it needs no pool. The driver must be on the classpath.
 */
final class UrlDataSource implements DataSource {

  private final String url;
  private final String user;
  private final String password;

  UrlDataSource(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      return user == null
          ? DriverManager.getConnection(url)
          : DriverManager.getConnection(url, user, password);
    } catch (SQLException e) {
      throw cannotConnect(e);
    }
  }

  /**
   * The driver's error, with what to do about it, and with no password in it: not in the message
   * and not in a chained cause, since {@code --debug} prints the whole chain.
   */
  private SQLException cannotConnect(SQLException e) {
    String driverMessage = String.valueOf(e.getMessage());
    String advice = e.getMessage() != null && e.getMessage().startsWith("No suitable driver")
        ? "no JDBC driver on the classpath accepts this URL. Check its prefix (jdbc:postgresql:,"
            + " jdbc:h2:, ...) or put the driver's jar on the classpath"
        : Secrets.redact(driverMessage, password);
    SQLException clean = new SQLException("Cannot connect to " + Secrets.redact(url, password)
        + (user == null ? "" : " as " + user) + ": " + advice, e.getSQLState(),
        e.getErrorCode(), Secrets.redact(driverMessage, password).equals(driverMessage)
            ? e : e.getCause());
    return clean;
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return DriverManager.getConnection(url, user, password);
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

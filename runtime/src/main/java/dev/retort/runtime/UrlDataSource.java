package dev.retort.runtime;

import dev.retort.runtime.messages.Messages;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections to a JDBC URL, one new connection per call and no pool: for a command line, a
 * start-up migration or a build plugin, which run one command and stop. An application with a
 * connection pool gives Retort its pool instead.
 *
 * <pre>{@code
 * Retort.using(UrlDataSource.of("jdbc:postgresql://db/shop", "shop", password), Revisions.REGISTRY)
 *     .upgrade("heads");
 * }</pre>
 *
 * <p>The driver is the first that accepts the URL among those {@link DriverManager} has
 * registered, then among the {@link Driver} services of a class loader: by default the context
 * class loader of the thread that made the data source, so a driver that only an application
 * server's, a build plugin's or a Spring Boot jar's class loader can see is found too.
 *
 * <p>No password is ever in what it says: a failed connection is a {@link SQLException} that
 * names the URL (its passwords masked, by {@link PasswordMask}), the user, and the driver's
 * reason, masked too; the driver's exception is chained only when no message in it quotes a
 * password, since a stack trace prints every cause. {@link #toString()} masks the URL.
 */
public final class UrlDataSource implements DataSource {

  private final String url;
  private final String user;
  private final String password;
  private final ClassLoader drivers;
  private final PasswordMask mask;

  private UrlDataSource(String url, String user, String password, ClassLoader drivers) {
    this.url = Objects.requireNonNull(url, "url");
    this.user = user;
    this.password = password;
    this.drivers = drivers;
    this.mask = PasswordMask.of(password, url);
  }

  /**
   * Connections to the URL, with the drivers the current thread's context class loader sees.
   *
   * @param user the user, or {@code null} for the driver's default (or the one in the URL)
   * @param password the password, or {@code null}
   * @throws NullPointerException if the URL is null
   */
  public static UrlDataSource of(String url, String user, String password) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return of(url, user, password,
        context != null ? context : UrlDataSource.class.getClassLoader());
  }

  /**
   * Connections to the URL, with the drivers a class loader sees (a project's classes, say).
   *
   * @throws NullPointerException if the URL or the class loader is null
   */
  public static UrlDataSource of(String url, String user, String password, ClassLoader drivers) {
    return new UrlDataSource(url, user, password, Objects.requireNonNull(drivers, "drivers"));
  }

  /**
   * A new connection as the data source's user.
   *
   * @throws SQLException if no driver accepts the URL or the driver cannot connect; its message
   *     masks every password
   */
  @Override
  public Connection getConnection() throws SQLException {
    return connect(user, password);
  }

  /**
   * The URL as given, any password in it included: its {@code url} property, as connection pools
   * and H2's data source have one, which Retort reads to learn whether an H2 database is shared
   * between processes with {@code AUTO_SERVER=TRUE}. To print, use {@link #toString()}, which
   * masks passwords.
   */
  public String getUrl() {
    return url;
  }

  /**
   * A new connection as another user.
   *
   * @throws SQLException if no driver accepts the URL or the driver cannot connect; its message
   *     masks every password
   */
  @Override
  public Connection getConnection(String otherUser, String otherPassword) throws SQLException {
    return connect(otherUser, otherPassword);
  }

  private Connection connect(String asUser, String withPassword) throws SQLException {
    PasswordMask masking = mask.and(PasswordMask.of(withPassword, null));
    Properties info = new Properties();
    if (asUser != null) {
      info.setProperty("user", asUser);
    }
    if (withPassword != null) {
      info.setProperty("password", withPassword);
    }
    Connection connection;
    try {
      Driver driver = driver();
      connection = driver == null ? null : driver.connect(url, info);
    } catch (SQLException | RuntimeException e) {
      String reason = masking.mask(String.valueOf(e.getMessage()));
      SQLException cannot = new SQLException(
          Messages.cannotConnectTo(masking.mask(url), asUser, reason),
          e instanceof SQLException sql ? sql.getSQLState() : null,
          e instanceof SQLException sql ? sql.getErrorCode() : 0);
      if (!masking.reveals(e)) {
        cannot.initCause(e);
      }
      throw cannot;
    }
    if (connection == null) {
      throw new SQLException(Messages.cannotConnectTo(masking.mask(url), asUser,
          Messages.noDriver()), "08001");
    }
    return connection;
  }

  /** The first driver, the registered ones first, that accepts the URL; null if none does. */
  private Driver driver() throws SQLException {
    try {
      return DriverManager.getDriver(url);
    } catch (SQLException notRegistered) {
      for (Driver driver : ServiceLoader.load(Driver.class, drivers)) {
        if (driver.acceptsURL(url)) {
          return driver;
        }
      }
      return null;
    }
  }

  /** None: the data source writes no log. */
  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  /**
   * Not supported: each driver logs as it is configured.
   *
   * @throws SQLFeatureNotSupportedException always
   */
  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    throw new SQLFeatureNotSupportedException(Messages.urlDataSourceSetting("log writer"));
  }

  /**
   * Not supported: a driver's connect timeout is a parameter of its URL.
   *
   * @throws SQLFeatureNotSupportedException always
   */
  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    throw new SQLFeatureNotSupportedException(Messages.urlDataSourceSetting("login timeout"));
  }

  /** Zero: the driver's own, or the one its URL sets. */
  @Override
  public int getLoginTimeout() {
    return 0;
  }

  /**
   * Not supported: there is no java.util.logging logger.
   *
   * @throws SQLFeatureNotSupportedException always
   */
  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException(Messages.urlDataSourceSetting("parent logger"));
  }

  /**
   * This data source, as the type asked for.
   *
   * @throws SQLException if it is not one
   */
  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException(Messages.notAWrapperOf(type.getName()));
  }

  /** Whether this data source is of the type. */
  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  /** The URL with its passwords masked, and the user; never a password. */
  @Override
  public String toString() {
    return "UrlDataSource[" + mask.mask(url) + (user == null ? "" : ", user=" + mask.mask(user))
        + "]";
  }
}

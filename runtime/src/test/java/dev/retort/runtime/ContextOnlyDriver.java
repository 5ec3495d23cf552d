package dev.retort.runtime;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:retort-context:NAME} that no class path service file lists and
 * that never registers itself with {@code DriverManager}: only a class loader that names it as a
 * service finds it, as only an application's class loader sees the driver in its jar. It opens
 * the in-memory H2 database NAME.
 */
public final class ContextOnlyDriver implements Driver {

  static final String PREFIX = "jdbc:retort-context:";

  /** The driver, as ServiceLoader makes it. */
  public ContextOnlyDriver() {}

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    return new org.h2.Driver().connect("jdbc:h2:mem:" + url.substring(PREFIX.length())
        + ";DB_CLOSE_DELAY=-1", info);
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger(ContextOnlyDriver.class.getName());
  }
}

package com.example.shop;

import com.example.shop.db.versions.Revisions;
import dev.retort.runtime.MigrationStep;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The shop starts by bringing its database to head through the generated registry, as an
 * application should: no classpath scanning, and no migration class loaded when nothing is
 * pending.
 *
 * <p>The database is an H2 file by default ({@code -Dshop.db=path}, set by the sample's build to
 * {@code sample/data/shop}); {@code -Dshop.url=jdbc:...} picks any other whose driver is on the
 * classpath (the sample ships H2's and PostgreSQL's), with {@code -Dshop.user} and {@code
 * -Dshop.password} or the credentials in the URL.
 */
public final class ShopApplication {

  private ShopApplication() {}

  public static void main(String[] args) {
    String url = System.getProperty("shop.url");
    // H2's file database has the user sa; another URL's user is -Dshop.user, or in the URL.
    DataSource dataSource = url == null
        ? new DriverManagerDataSource("jdbc:h2:file:" + System.getProperty("shop.db", "./data/shop")
            + ";AUTO_SERVER=TRUE", System.getProperty("shop.user", "sa"),
            System.getProperty("shop.password", ""))
        : new DriverManagerDataSource(url, System.getProperty("shop.user"),
            System.getProperty("shop.password"));

    List<MigrationStep> applied = Retort.using(dataSource, Revisions.REGISTRY).upgrade("head");

    List<RevisionInfo> current = Retort.using(dataSource, Revisions.REGISTRY).current();
    String at = current.stream().map(RevisionInfo::id).collect(Collectors.joining(", "));
    if (applied.isEmpty()) {
      System.out.println("The database is up to date at " + at + ".");
    } else {
      System.out.println("Applied " + applied.size() + " revision"
          + (applied.size() == 1 ? "" : "s") + "; the database is now at " + at + ":");
      applied.forEach(step -> System.out.println("  " + step.describe()));
    }
  }

  /**
   * Connections for any JDBC URL through {@link DriverManager}. A real application would use its
   * connection pool here; the shop runs one upgrade and exits, so it needs none. Not a record:
   * a record's toString would print the password.
   * It repeats retort-cli's UrlDataSource, which is package-private and a runtime-only dependency.
   */
  private static final class DriverManagerDataSource implements DataSource {

    private final String url;
    private final String user;
    private final String password;

    DriverManagerDataSource(String url, String user, String password) {
      this.url = url;
      this.user = user;
      this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return user == null
          ? DriverManager.getConnection(url)
          : DriverManager.getConnection(url, user, password);
    }

    @Override
    public Connection getConnection(String otherUser, String otherPassword) throws SQLException {
      return DriverManager.getConnection(url, otherUser, otherPassword);
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
      throw new SQLFeatureNotSupportedException("DriverManager has no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}

package dev.retort.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The databases every runtime rule is proven on. H2 and SQLite are files in a temporary folder;
 * PostgreSQL and MariaDB are real servers whose URLs {@code .ci/start-databases} exports. Each
 * {@link #create()} gives a fresh, empty database. A server that is not configured skips its
 * tests on a developer's machine, and fails them in CI ({@code CI=true}).
 */
enum TestDatabase {
  H2 {
    @Override
    String createUrl() throws Exception {
      Path file = Files.createTempDirectory("retort-h2").resolve("db");
      return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
    }
  },
  SQLITE {
    @Override
    String createUrl() throws Exception {
      String url = "jdbc:sqlite:" + Files.createTempDirectory("retort-sqlite").resolve("db");
      // WAL is a property of the file: set once here, since setting it on every new connection
      // needs a lock that concurrent runners hold.
      try (Connection connection = DriverManager.getConnection(url);
          Statement statement = connection.createStatement()) {
        statement.execute("pragma journal_mode=wal");
      }
      return url;
    }
  },
  POSTGRES {
    @Override
    String createUrl() throws Exception {
      String url = serverUrl("RETORT_TEST_POSTGRES_URL");
      return url.replace("/postgres?", "/" + createDatabase(url) + "?");
    }
  },
  MARIADB {
    @Override
    String createUrl() throws Exception {
      String url = serverUrl("RETORT_TEST_MARIADB_URL");
      return url.replace("/?", "/" + createDatabase(url) + "?");
    }
  };

  /** A new, empty database. */
  DataSource create() throws Exception {
    return open(createUrl());
  }

  /** The URL of a new, empty database, for a runner in another process. */
  abstract String createUrl() throws Exception;

  /** A data source for a URL that {@link #createUrl()} returned, in this or another JVM. */
  static DataSource open(String url) {
    if (url.startsWith("jdbc:h2:")) {
      org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
      dataSource.setURL(url);
      return dataSource;
    }
    if (url.startsWith("jdbc:sqlite:")) {
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout(30_000);
      SQLiteDataSource dataSource = new SQLiteDataSource(config);
      dataSource.setUrl(url);
      return dataSource;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(url);
      return dataSource;
    }
    if (url.startsWith("jdbc:mariadb:")) {
      try {
        return new MariaDbDataSource(url);
      } catch (SQLException e) {
        throw new IllegalArgumentException(url, e);
      }
    }
    throw new IllegalArgumentException("No test data source for " + url);
  }

  /**
   * Whether a rolled-back transaction takes its DDL with it: PostgreSQL's and SQLite's do; H2
   * and MariaDB commit the open transaction on every CREATE, ALTER and DROP.
   */
  /** The database's name, as Retort's messages say it. */
  String productName() {
    return switch (this) {
      case H2 -> "H2";
      case SQLITE -> "SQLite";
      case POSTGRES -> "PostgreSQL";
      case MARIADB -> "MariaDB";
    };
  }

  boolean transactionalDdl() {
    return this == SQLITE || this == POSTGRES;
  }

  /** The tables of the database's default schema, lower-cased. */
  static Set<String> tables(DataSource dataSource) throws SQLException {
    Set<String> tables = new TreeSet<>();
    try (Connection connection = dataSource.getConnection()) {
      String catalog = String.valueOf(connection.getCatalog());
      // The default schema's tables only: asking for every table reads every database on the
      // server (MariaDB's each a schema to jOOQ), which under load took a minute per class.
      DSL.using(connection).meta().getSchemas().stream()
          .filter(schema -> List.of("public", "main", "").contains(
                  schema.getName().toLowerCase(Locale.ROOT))
              || schema.getName().equalsIgnoreCase(catalog))
          .flatMap(schema -> schema.getTables().stream())
          .forEach(table -> tables.add(table.getName().toLowerCase(Locale.ROOT)));
    }
    return tables;
  }

  /**
   * Creates a database with a fresh name on the server and returns the name. The servers are
   * shared, so every database created is dropped when the test JVM ends (the runner processes a
   * test starts have ended by then).
   */
  private static String createDatabase(String serverUrl) throws SQLException {
    String name = "retort_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(serverUrl);
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + name);
    }
    Created.DATABASES.add(new String[] {serverUrl, name});
    return name;
  }

  /** The databases this JVM created, dropped by a shutdown hook installed with the first. */
  private static final class Created {
    static final List<String[]> DATABASES = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(Created::dropAll, "drop-test-databases"));
    }

    private static void dropAll() {
      for (String[] database : DATABASES) {
        String serverUrl = database[0];
        try (Connection admin = DriverManager.getConnection(serverUrl);
            Statement statement = admin.createStatement()) {
          statement.execute("drop database if exists " + database[1]
              + (serverUrl.startsWith("jdbc:postgresql:") ? " with (force)" : ""));
        } catch (SQLException e) {
          System.err.println("Could not drop the test database " + database[1] + ": " + e);
        }
      }
    }
  }

  private static String serverUrl(String variable) {
    String url = System.getenv(variable);
    if (url == null || url.isBlank()) {
      boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
      if (ci) {
        throw new IllegalStateException(variable + " is not set, but CI=true: the suite must run"
            + " against this server in CI. Source .ci/start-databases before ./mvnw verify.");
      }
      Assumptions.abort(variable + " is not set; source .ci/start-databases to run these tests");
    }
    return url;
  }
}

package dev.retort.autogenerate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases the round trips run on: H2 in memory, and the PostgreSQL server that {@code
 * .ci/start-databases} starts (one database per test class, a schema per case). Without the
 * server a test is skipped on a developer's machine and fails in CI ({@code CI=true}).
 */
final class TestServers {

  private TestServers() {}

  static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:ag" + UUID.randomUUID().toString().replace("-", "")
        + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  /** The server URL, from {@code RETORT_TEST_POSTGRES_URL}. */
  static String postgresServer() {
    String server = System.getenv("RETORT_TEST_POSTGRES_URL");
    if (server == null || server.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("RETORT_TEST_POSTGRES_URL is not set, but CI=true:"
            + " source .ci/start-databases before ./mvnw verify");
      }
      System.out.println("Skipping PostgreSQL tests: RETORT_TEST_POSTGRES_URL is not set");
      Assumptions.abort("RETORT_TEST_POSTGRES_URL is not set");
    }
    return server;
  }

  /** A new database on the server; returns its name. */
  static String createPostgresDatabase(String server) throws SQLException {
    String name = "retort_ag_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    execute(server, "create database " + name);
    return name;
  }

  static void dropPostgresDatabase(String server, String name) throws SQLException {
    execute(server, "drop database if exists " + name + " with (force)");
  }

  /** A data source on a schema of its own in a database of the server. */
  static DataSource postgresSchema(String server, String database, String schema)
      throws SQLException {
    String url = server.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    execute(url, "create schema " + schema);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setCurrentSchema(schema);
    return dataSource;
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

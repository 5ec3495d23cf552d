package dev.retort.spring.boot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for the starter's tests: new in-memory H2 databases, and new databases on the
 * PostgreSQL server that {@code .ci/start-databases} starts. Without that server a PostgreSQL
 * test is skipped on a developer's machine and fails in CI ({@code CI=true}).
 */
public final class TestDatabases {

  private static final Pattern URL =
      Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

  private TestDatabases() {}

  /** The URL of a new, empty in-memory H2 database that lives until the JVM ends. */
  public static String h2() {
    return "jdbc:h2:mem:" + unique("widgets_") + ";DB_CLOSE_DELAY=-1";
  }

  /** The PostgreSQL server's URL, from {@code RETORT_TEST_POSTGRES_URL}. */
  public static String postgresServer() {
    String server = System.getenv("RETORT_TEST_POSTGRES_URL");
    if (server == null || server.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("RETORT_TEST_POSTGRES_URL is not set, but CI=true:"
            + " source .ci/start-databases before ./mvnw verify");
      }
      Assumptions.abort("RETORT_TEST_POSTGRES_URL is not set; source .ci/start-databases");
    }
    return server;
  }

  /** Creates a new, empty PostgreSQL database and returns its name. */
  public static String createPostgresDatabase(String prefix) {
    String name = unique(prefix);
    try (Connection admin = DriverManager.getConnection(postgresServer());
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database: " + e.getMessage(), e);
    }
    return name;
  }

  /** Drops PostgreSQL databases made by {@link #createPostgresDatabase}, connections and all. */
  public static void dropPostgresDatabases(List<String> names) throws SQLException {
    if (names.isEmpty()) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(postgresServer());
        Statement statement = admin.createStatement()) {
      for (String name : new ArrayList<>(names)) {
        statement.execute("drop database if exists " + name + " with (force)");
      }
    }
  }

  /** The URL of a database on the PostgreSQL server, the server URL's parameters kept. */
  public static String postgresUrl(String database) {
    Matcher url = URL.matcher(postgresServer());
    if (!url.matches()) {
      throw new IllegalStateException("RETORT_TEST_POSTGRES_URL is not a jdbc:postgresql:// URL");
    }
    return url.group(1) + "/" + database + (url.group(3) == null ? "" : url.group(3));
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}

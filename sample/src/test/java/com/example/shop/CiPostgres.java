package com.example.shop;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server that {@code .ci/start-databases} starts, for the sample's tests: new
 * databases on it, and their URLs. Without the server a test is skipped on a developer's machine
 * and fails in CI ({@code CI=true}).
 */
public final class CiPostgres {

  private static final Pattern URL =
      Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

  private CiPostgres() {}

  /** The server's URL, from {@code RETORT_TEST_POSTGRES_URL}. */
  public static String server() {
    String server = System.getenv("RETORT_TEST_POSTGRES_URL");
    if (server == null || server.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("RETORT_TEST_POSTGRES_URL is not set, but CI=true:"
            + " source .ci/start-databases before ./mvnw verify");
      }
      if (SKIP_SAID.compareAndSet(false, true)) {
        // Surefire shows a skip's reason only in its XML: say it on the console, once.
        System.out.println("SKIPPED: the PostgreSQL tests of this module, because"
            + " RETORT_TEST_POSTGRES_URL is not set; run `source .ci/start-databases` first to"
            + " run them (with CI=true they fail instead of skipping).");
      }
      Assumptions.abort("RETORT_TEST_POSTGRES_URL is not set; source .ci/start-databases");
    }
    return server;
  }

  /** Whether this JVM has said why its PostgreSQL tests are skipped. */
  private static final java.util.concurrent.atomic.AtomicBoolean SKIP_SAID =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** Creates a new, empty database whose name starts with the prefix, and returns its name. */
  public static String createDatabase(String prefix) {
    String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(server());
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database: " + e.getMessage(), e);
    }
    return name;
  }

  /** Drops databases {@link #createDatabase} made, even while a connection is still open. */
  public static void dropDatabases(Iterable<String> names) throws SQLException {
    try (Connection admin = DriverManager.getConnection(server());
        Statement statement = admin.createStatement()) {
      for (String name : names) {
        statement.execute("drop database if exists " + name + " with (force)");
      }
    }
  }

  /** The URL of a database on the server, the server URL's parameters (its user=) kept. */
  public static String urlOf(String database) {
    String server = server();
    Matcher url = URL.matcher(server);
    if (!url.matches()) {
      throw new IllegalStateException("RETORT_TEST_POSTGRES_URL is not a jdbc:postgresql:// URL: "
          + server);
    }
    return url.group(1) + "/" + database + (url.group(3) == null ? "" : url.group(3));
  }
}

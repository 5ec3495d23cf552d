package com.example.shop.db.versions;

import dev.retort.runtime.RevisionRegistry;
import dev.retort.testing.ExpectedSchema;
import dev.retort.testing.MigrationTests;
import java.nio.file.Path;
import java.util.Optional;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The same checks on PostgreSQL, a new database for each, on the server that
 * {@code .ci/start-databases} starts. Without it they are skipped on a developer's machine and
 * fail in CI.
 */
class ShopMigrationsOnPostgresTest implements MigrationTests {

  @Override
  public RevisionRegistry registry() {
    return Revisions.REGISTRY;
  }

  @Override
  public Optional<ExpectedSchema> expectedSchema() {
    return Optional.of(ExpectedSchema.ddlFile(Path.of("src/test/resources/shop-schema.sql")));
  }

  @Override
  public SQLDialect dialect() {
    return SQLDialect.POSTGRES;
  }

  @Override
  public DataSource database() {
    String server = System.getenv("RETORT_TEST_POSTGRES_URL");
    if (server == null || server.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("RETORT_TEST_POSTGRES_URL is not set, but CI=true:"
            + " source .ci/start-databases before ./mvnw verify");
      }
      Assumptions.abort("RETORT_TEST_POSTGRES_URL is not set; source .ci/start-databases");
    }
    String name = "shop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(server);
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database: " + e.getMessage(), e);
    }
    CREATED.add(name);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(onDatabase(server, name));
    return dataSource;
  }

  /** The databases database() created, each check's own: dropped once every check has run. */
  private static final Queue<String> CREATED = new ConcurrentLinkedQueue<>();

  @AfterAll
  static void dropTheDatabases() throws SQLException {
    if (CREATED.isEmpty()) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(System.getenv("RETORT_TEST_POSTGRES_URL"));
        Statement statement = admin.createStatement()) {
      for (String name = CREATED.poll(); name != null; name = CREATED.poll()) {
        statement.execute("drop database if exists " + name + " with (force)");
      }
    }
  }

  /** The server's URL with another database, its parameters (the admin's user=) kept. */
  private static String onDatabase(String server, String database) {
    Matcher url = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?").matcher(server);
    if (!url.matches()) {
      throw new IllegalStateException("RETORT_TEST_POSTGRES_URL is not a jdbc:postgresql:// URL: "
          + server);
    }
    return url.group(1) + "/" + database + (url.group(3) == null ? "" : url.group(3));
  }
}

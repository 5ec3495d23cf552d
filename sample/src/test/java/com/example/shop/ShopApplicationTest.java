package com.example.shop;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopApplicationTest {

  @TempDir Path folder;

  @Test
  void theFirstStartUpgradesTheFileDatabase_andTheSecondFindsItUpToDate() {
    System.setProperty("shop.db", folder.resolve("shop").toString());
    try {
      String first = run();
      String second = run();

      assertThat(first).startsWith("Applied 7 revisions; the database is now at e7f4b2c9a016:");
      assertThat(first).contains("Running upgrade (4d2f8e1a9b3c, 8b1e5c7d2a64) -> c3a9f0e2d815,"
          + " Merge order status and display names");
      assertThat(second).isEqualTo("The database is up to date at e7f4b2c9a016.\n");
    } finally {
      System.clearProperty("shop.db");
    }
  }

  /** -Dshop.url takes any JDBC URL, not only H2's: here a new database on the CI PostgreSQL. */
  @Test
  void aPostgresqlUrl_isUpgradedThroughItsOwnDriver() throws Exception {
    String name = CiPostgres.createDatabase("shop_app_");
    try {
      upgradesTheDatabaseAt(CiPostgres.urlOf(name));
    } finally {
      CiPostgres.dropDatabases(java.util.List.of(name));
    }
  }

  private static void upgradesTheDatabaseAt(String url) throws Exception {
    System.setProperty("shop.url", url);
    try {
      assertThat(run()).startsWith("Applied 7 revisions; the database is now at e7f4b2c9a016:");
      try (Connection connection = DriverManager.getConnection(url);
          ResultSet version = connection.createStatement()
              .executeQuery("select version_num from retort_version")) {
        assertThat(version.next()).isTrue();
        assertThat(version.getString(1)).isEqualTo("e7f4b2c9a016");
      }
    } finally {
      System.clearProperty("shop.url");
    }
  }

  /** The server's URL with another database, its parameters (the admin's user=) kept. */

  private static String run() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ShopApplication.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}

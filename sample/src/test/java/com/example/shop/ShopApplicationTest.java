package com.example.shop;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.runtime.GeneratedRegistry;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationStep;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.RevisionTable;
import dev.retort.runtime.UrlDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;
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

  /**
   * The day a labelled branch lands beside the trunk there are two heads: the start-up applies
   * both, where {@code upgrade("head")} would refuse and stop the application.
   */
  @Test
  void withALabelledBranchBesideTheTrunk_theStartUpAppliesEveryHead() throws Exception {
    RevisionRegistry twoLines = new TwoLinesOfHistory();
    DataSource dataSource = UrlDataSource.of("jdbc:h2:mem:" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1", "sa", "");

    List<MigrationStep> applied = ShopApplication.migrate(dataSource, twoLines);

    assertThat(applied.stream().map(step -> step.revision().id()).toList())
        .containsExactly("a1", "b1", "x1");
    assertThat(Retort.using(dataSource, twoLines).current().stream().map(RevisionInfo::id)
        .toList()).containsExactly("b1", "x1");
  }

  /** The trunk a1 -> b1, and a branch labelled billing from base: x1. */
  private static final class TwoLinesOfHistory extends GeneratedRegistry {
    TwoLinesOfHistory() {
      super(RevisionTable.builder(3)
          .add("a1", "shop.A1", "Create t_a1", "sum-a1", true, null, RevisionTable.NONE,
              RevisionTable.NONE, RevisionTable.NONE)
          .add("b1", "shop.B1", "Create t_b1", "sum-b1", true, null, new String[] {"a1"},
              RevisionTable.NONE, RevisionTable.NONE)
          .add("x1", "shop.X1", "Create t_x1", "sum-x1", true, null, RevisionTable.NONE,
              RevisionTable.NONE, new String[] {"billing"})
          .build(new String[] {"b1", "x1"}, new String[] {"a1", "x1"}));
    }

    @Override
    protected Migration newMigration(int index) {
      String table = "t_" + revisions().get(index).id();
      return new Migration() {
        @Override
        public void upgrade(DSLContext db) {
          db.createTable(table).column("id", SQLDataType.INTEGER).execute();
        }

        @Override
        public void downgrade(DSLContext db) {
          db.dropTable(table).execute();
        }
      };
    }
  }


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

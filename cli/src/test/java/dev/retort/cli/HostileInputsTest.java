package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.cli.CliRunner.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wrong and hostile input through the command line. Each is refused with exit status 1 and one
 * line that names the problem and the fix, and leaves the database exactly as it was.
 */
class HostileInputsTest {

  private static final String PASSWORD = "correct-horse-battery";

  @TempDir Path folder;
  private Path config;
  private String url;

  @BeforeEach
  void writeConfig() throws Exception {
    url = "jdbc:h2:file:" + folder.resolve("db");
    config = folder.resolve("retort.properties");
    Files.writeString(config, "url=" + url + "\nuser=sa\npassword=" + PASSWORD + "\n");
  }

  private Run retort(String... args) {
    List<String> withConfig = new ArrayList<>(List.of(args));
    withConfig.add("--config");
    withConfig.add(config.toString());
    return CliRunner.run(withConfig.toArray(String[]::new));
  }

  /** The tables, the version table and the history, as plain text to compare before and after. */
  private String snapshot() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", PASSWORD);
        Statement statement = connection.createStatement()) {
      StringBuilder state = new StringBuilder();
      append(state, statement, "select table_name from information_schema.tables"
          + " where table_schema = 'PUBLIC' order by table_name");
      if (state.toString().contains("RETORT_VERSION")) {
        append(state, statement, "select version_num from retort_version order by 1");
        append(state, statement, "select concat(revision, ' ', direction, ' ', checksum, ' ',"
            + " success) from retort_history order by id");
      }
      return state.toString();
    }
  }

  private static void append(StringBuilder state, Statement statement, String sql)
      throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        state.append(rows.getString(1)).append('\n');
      }
    }
    state.append("--\n");
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private void assertRefused(Run run, String... phrases) {
    assertWithMessage(run.printed()).that(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("ERROR: ");
    assertThat(run.err().strip().lines().count()).isEqualTo(1);
    for (String phrase : phrases) {
      assertThat(run.err()).contains(phrase);
    }
  }

  @Test
  void aDatabaseAheadOfTheCode_isRefused() throws Exception {
    assertThat(retort("upgrade").status()).isEqualTo(0);
    execute("update retort_version set version_num = 'f00d1e'");
    String before = snapshot();

    Run run = retort("upgrade");

    assertRefused(run, "The database is at revision f00d1e, which this build does not know",
        "Deploy the build that contains it");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void anAppliedMigrationEditedAfterwards_isRefused() throws Exception {
    assertThat(retort("upgrade", "b1").status()).isEqualTo(0);
    execute("update retort_history set checksum = 'before-the-edit' where revision = 'a1'");
    String before = snapshot();

    Run run = retort("upgrade");

    assertRefused(run, "Revision a1 (Rev_a1) was edited after it was applied",
        "add a new revision instead", "run repair");
    assertThat(snapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zz9", "+x", "a1@+1@", "heads@base", "-1", "c1:d1", "%00"})
  void anUnknownOrMalformedTarget_isRefused(String target) throws Exception {
    assertThat(retort("upgrade", "b1").status()).isEqualTo(0);
    String before = snapshot();

    Run run = retort("upgrade", target);

    assertRefused(run);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aWrongDriverPrefix_saysNoDriverAcceptsTheUrl() {
    Run run = retort("current", "--url", "jdbc:nosuchdb://127.0.0.1/shop");

    assertRefused(run, "Cannot connect to jdbc:nosuchdb://127.0.0.1/shop",
        "no JDBC driver on the classpath accepts this URL", "put the driver's jar on the classpath");
  }

  @Test
  void anUnreachableServer_saysWhereItTried() {
    Run run = retort("upgrade", "--url", "jdbc:postgresql://127.0.0.1:1/shop");

    assertRefused(run, "Cannot connect to jdbc:postgresql://127.0.0.1:1/shop as sa",
        "Connection to 127.0.0.1:1 refused");
  }

  @Test
  void aWrongPassword_isRefusedByTheDatabase_andNothingChanges() throws Exception {
    assertThat(retort("upgrade", "a1").status()).isEqualTo(0);
    String before = snapshot();

    Run run = retort("upgrade", "--password", "wrong-horse");

    assertRefused(run, "Cannot connect to " + url + " as sa", "Wrong user name or password");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aVersionTableNameThatIsNotAnIdentifier_isRefusedBeforeConnecting() throws Exception {
    Files.writeString(config, "version_table=retort_version; drop table users\n",
        java.nio.file.StandardOpenOption.APPEND);
    String before = snapshot();

    Run run = retort("upgrade");

    assertRefused(run, "The version table name must be a plain SQL identifier",
        "not 'retort_version; drop table users'",
        CliMessages.invalidTableSetting("", config).strip());
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void create_withASyntaxErrorInTheMigrationsFolder_namesTheFileAndLine_andWritesNothing()
      throws Exception {
    Path migrations = Files.createDirectories(folder.resolve("migrations"));
    Files.writeString(config, "migrations.source=migrations\nmigrations.package=shop.db\n",
        java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(migrations.resolve("M0001_CreateUsers.java"), "package shop.db;\n"
        + "@dev.retort.annotations.Revision(id = \"a1b2c3d4e5f6\")\n"
        + "class M0001_CreateUsers {\n  void upgrade( {\n}\n");

    Run run = retort("create", "add email");

    assertRefused(run, "Cannot read the migrations in", "M0001_CreateUsers.java:4",
        "Fix the syntax error", "nothing was written");
    try (var files = Files.list(migrations)) {
      assertThat(files.map(file -> file.getFileName().toString()).toList())
          .containsExactly("M0001_CreateUsers.java");
    }
  }

  /**
   * A user who may log in but not create tables, as PostgreSQL 15 makes every user in the public
   * schema by default. Needs the server that .ci/start-databases starts; in CI it must be there.
   */
  @Test
  void aUserWithoutRights_isToldWhichRightIsMissing_andNothingChanges() throws Exception {
    String serverUrl = CiPostgres.server();
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String database = "retort_norights_" + suffix;
    String user = "retort_reader_" + suffix;
    try (Connection admin = DriverManager.getConnection(serverUrl);
        Statement statement = admin.createStatement()) {
      statement.execute("create role " + user + " login");
      try {
        statement.execute("create database " + database);
        try {
          refusedWithoutRights(serverUrl, database, user);
        } finally {
          statement.execute("drop database if exists " + database + " with (force)");
        }
      } finally {
        statement.execute("drop role if exists " + user);
      }
    }
  }

  private void refusedWithoutRights(String serverUrl, String database, String user)
      throws Exception {
    String onDatabase = CiPostgres.onDatabase(serverUrl, database);
    String restricted = onDatabase.replaceAll("user=[^&]*", "user=" + user);

    Run run = retort("upgrade", "--url", restricted, "--user", user);

    assertRefused(run, "permission denied for schema public",
        "The database user lacks a right Retort needs: grant it CREATE on the schema",
        "Nothing was changed");
    try (Connection connection = DriverManager.getConnection(onDatabase);
        ResultSet tables = connection.getMetaData().getTables(null, "public", "%", null)) {
      assertThat(tables.next()).isFalse();
    }
  }

}

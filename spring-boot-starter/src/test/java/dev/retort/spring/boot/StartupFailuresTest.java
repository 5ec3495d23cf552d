package dev.retort.spring.boot;

import static com.google.common.truth.Truth.assertThat;
import static dev.retort.spring.boot.Failures.cause;
import static dev.retort.spring.boot.Failures.ids;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.ChecksumMismatchException;
import dev.retort.runtime.MigrationFailedException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.UnresolvedFailureException;
import dev.retort.spring.boot.autoconfigure.PendingRevisionsException;
import dev.retort.spring.boot.autoconfigure.RetortMigrationStrategy;
import dev.retort.spring.boot.widgets.Revisions;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Start-ups that Retort stops, as an operator sees them: the failure analysis Spring Boot prints,
 * and the database left as the runtime's contract says.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailuresTest {

  private static final String SECRET = "Sup3r-Secret-Pa55";
  private static final List<String> postgresDatabases = new ArrayList<>();

  @AfterAll
  static void dropDatabases() throws SQLException {
    TestDatabases.dropPostgresDatabases(postgresDatabases);
  }

  @Test
  void validateMode_refusesAPendingRevision_namingIt_andAppliesNothing(CapturedOutput output)
      throws Exception {
    String url = TestDatabases.h2();
    start(url, "retort.target=" + Revisions.W1_CREATE_WIDGETS.id()).close();

    RuntimeException failed = assertThrows(RuntimeException.class,
        () -> start(url, "retort.mode=validate"));

    PendingRevisionsException pending = cause(failed, PendingRevisionsException.class);
    assertThat(ids(pending.pending())).containsExactly(Revisions.W2_SEED_FIRST_WIDGET.id(),
        Revisions.W3_UNIQUE_WIDGET_NAMES.id()).inOrder();
    assertThat(output.getOut()).contains("APPLICATION FAILED TO START");
    assertThat(output.getOut()).contains("The database is not at retort.target heads: revisions"
        + " 9d4c2b8e6f10 (W2_SeedFirstWidget), c7e3a9d1b254 (W3_UniqueWidgetNames) are not"
        + " applied, and retort.mode=validate applies nothing.");
    assertThat(output.getOut()).contains("Apply the pending revisions first");
    assertThat(ids(retort(url).current())).containsExactly(Revisions.W1_CREATE_WIDGETS.id());
  }

  @Test
  void validateMode_startsWhenTheDatabaseIsAtTheTarget() throws Exception {
    String url = TestDatabases.h2();
    start(url, "retort.target=" + Revisions.W2_SEED_FIRST_WIDGET.id()).close();

    start(url, "retort.mode=validate", "retort.target=" + Revisions.W2_SEED_FIRST_WIDGET.id())
        .close();

    RuntimeException failed = assertThrows(RuntimeException.class,
        () -> start(url, "retort.mode=validate", "retort.target=c7e3"));
    assertThat(ids(cause(failed, PendingRevisionsException.class).pending()))
        .containsExactly(Revisions.W3_UNIQUE_WIDGET_NAMES.id());
  }

  @Test
  void anEditedAppliedRevision_failsStartUp_withTheChecksumError(CapturedOutput output) {
    String url = TestDatabases.h2();
    start(url).close();

    RuntimeException failed = assertThrows(RuntimeException.class,
        () -> start(List.of("spring.datasource.url=" + url), EditedBuild.class));

    ChecksumMismatchException edited = cause(failed, ChecksumMismatchException.class);
    assertThat(ids(edited.edited())).containsExactly(Revisions.W1_CREATE_WIDGETS.id());
    assertThat(output.getOut()).contains("Revision 5a1e0f3b7c21 (W1_CreateWidgets) was edited"
        + " after it was applied — add a new revision instead.");
    assertThat(output.getOut()).contains("Restore the applied revision's code");
    validateMode_isRefusedToo(url);
  }

  private static void validateMode_isRefusedToo(String url) {
    RuntimeException failed = assertThrows(RuntimeException.class, () -> start(
        List.of("spring.datasource.url=" + url, "retort.mode=validate"), EditedBuild.class));
    cause(failed, ChecksumMismatchException.class);
  }

  @Test
  void aFailingMigration_onPostgresql_isRolledBack_andTheNextStartRetriesIt(
      CapturedOutput output) throws Exception {
    String database = TestDatabases.createPostgresDatabase("starter_fail_");
    postgresDatabases.add(database);
    String url = TestDatabases.postgresUrl(database);
    start(url, "retort.target=" + Revisions.W2_SEED_FIRST_WIDGET.id()).close();
    execute(url, "insert into widgets (name) values ('first')");

    RuntimeException failed = assertThrows(RuntimeException.class, () -> start(url));

    MigrationFailedException failure = cause(failed, MigrationFailedException.class);
    assertThat(failure.revision().id()).isEqualTo(Revisions.W3_UNIQUE_WIDGET_NAMES.id());
    assertThat(failure.rolledBack()).isTrue();
    assertThat(output.getOut()).contains("It was rolled back: the database is still at "
        + Revisions.W2_SEED_FIRST_WIDGET.id() + ".");
    assertThat(ids(retort(url).current())).containsExactly(Revisions.W2_SEED_FIRST_WIDGET.id());
    assertThat(exists(url, "widget_renames")).isFalse();

    execute(url, "delete from widgets where id = (select max(id) from widgets)");
    start(url).close();
    assertThat(ids(retort(url).current())).containsExactly(Revisions.W3_UNIQUE_WIDGET_NAMES.id());
  }

  @Test
  void aFailingMigration_onH2_isRecorded_andEveryStartRefusesUntilRepaired(
      CapturedOutput output) throws Exception {
    String url = TestDatabases.h2();
    start(url, "retort.target=" + Revisions.W2_SEED_FIRST_WIDGET.id()).close();
    execute(url, "insert into widgets (name) values ('first')");

    MigrationFailedException failure = cause(assertThrows(RuntimeException.class,
        () -> start(url)), MigrationFailedException.class);
    assertThat(failure.rolledBack()).isFalse();
    assertThat(exists(url, "widget_renames")).isTrue();

    RuntimeException refused = assertThrows(RuntimeException.class, () -> start(url));

    cause(refused, UnresolvedFailureException.class);
    assertThat(output.getOut()).contains("Revision c7e3a9d1b254 (W3_UniqueWidgetNames) failed at");
    assertThat(output.getOut()).contains("Check the schema against the failed revision and run"
        + " retort repair");
  }

  @Test
  void anInvalidPropertyOnTheCommandLine_isReportedWithWhereItWasSet(CapturedOutput output) {
    assertThrows(RuntimeException.class,
        () -> start(TestDatabases.h2(), "retort.version-table=1st"));

    assertThat(output.getOut()).contains("Invalid retort.version-table: The version table name"
        + " must be a plain SQL identifier");
    assertThat(output.getOut()).contains("Fix retort.version-table (in \"retort.version-table\""
        + " from property source \"commandLineArgs\") in the application's configuration.");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "retort.url=jdbc:h2:tcp://127.0.0.1:1/nowhere;USER=sa;PASSWORD=" + SECRET,
      "retort.url=jdbc:postgresql://127.0.0.1:1/shop?user=sa&password=" + SECRET + "&ssl=false",
      "retort.url=jdbc:nosuchdb://127.0.0.1/shop?pwd=" + SECRET,
      "retort.url=jdbc:mariadb://root:" + SECRET + "@127.0.0.1:1/shop",
      "retort.user=sa",
  })
  void aPassword_isNeverPrinted_evenWithDebugLogging(String connection, CapturedOutput output)
      throws SQLException {
    String url = TestDatabases.h2();
    execute(url, "create table created_by_sa (id int)");
    assertThrows(RuntimeException.class, () -> start(url, connection,
        "retort.password=" + SECRET, "debug=true",
        "logging.level.org.springframework.boot.diagnostics=debug",
        "logging.level.dev.retort=trace", "logging.level.com.zaxxer=debug"));

    assertThat(output.getOut()).contains("APPLICATION FAILED TO START");
    assertThat(output.getOut()).contains("Application failed to start due to an exception");
    assertThat(output.toString()).doesNotContain(SECRET);
  }

  @Test
  void aFailureThatQuotesTheUrl_isMaskedInTheReportAndTheTrace(CapturedOutput output) {
    assertThrows(RuntimeException.class, () -> start(
        List.of("spring.datasource.url=" + TestDatabases.h2(), "retort.user=sa",
            "retort.password=" + SECRET, "logging.level.org.springframework.boot.diagnostics=debug"),
        QuotingStrategy.class));

    assertThat(output.getOut()).contains("Cannot connect to jdbc:postgresql://db/shop"
        + "?user=migrator&password=****");
    assertThat(output.getOut()).contains("\tat ");
    assertThat(output.toString()).doesNotContain(SECRET);
  }

  // ---- helpers ----

  private static ConfigurableApplicationContext start(String url, String... properties) {
    List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + url));
    all.addAll(List.of(properties));
    return start(all);
  }

  private static ConfigurableApplicationContext start(List<String> properties,
      Class<?>... more) {
    return MinimalApplication.start(properties, more);
  }

  private static Retort retort(String url) {
    return Retort.using(dataSource(url), Revisions.REGISTRY);
  }

  private static DataSource dataSource(String url) {
    return url.startsWith("jdbc:h2:")
        ? new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "")
        : new SimpleDriverDataSource(new org.postgresql.Driver(), url);
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = dataSource(url).getConnection()) {
      connection.createStatement().execute(sql);
    }
  }

  /** Whether a table a migration created unquoted exists, found as the database folds it. */
  private static boolean exists(String url, String table) throws SQLException {
    try (Connection connection = dataSource(url).getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      String folded = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT)
          : metaData.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
      return metaData.getTables(null, null, folded, null).next();
    }
  }

  /** The build after W1's source was edited. */
  @Configuration(proxyBeanMethods = false)
  static class EditedBuild {
    @Bean
    RevisionRegistry editedRegistry() {
      return EditedRegistry.of(Revisions.REGISTRY, Revisions.W1_CREATE_WIDGETS);
    }
  }

  /** A strategy whose failure quotes a URL with the password, as a driver's might. */
  @Configuration(proxyBeanMethods = false)
  static class QuotingStrategy {
    @Bean
    RetortMigrationStrategy quoting() {
      return retort -> {
        throw new IllegalStateException("Cannot connect to jdbc:postgresql://db/shop"
            + "?user=migrator&password=" + SECRET,
            new java.sql.SQLException("Connection refused: password=" + SECRET));
      };
    }
  }
}

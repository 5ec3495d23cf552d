package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.cli.CliRunner.Run;
import dev.retort.review.messages.Messages;
import dev.retort.runtime.Migration;
import dev.retort.runtime.RevisionRegistry;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort review} and {@code retort lint} through the entry point: a range without a
 * database, what the database has not applied, {@code lint_since}, and the errors that say what
 * is missing.
 */
class ReviewAndLintCommandTest {

  @TempDir Path folder;

  /** users; then an index on it (blocking on PostgreSQL); then a new table, which is fine. */
  public static final class IndexedShop extends VerifyCommandTest.Fixture {
    public IndexedShop() {
      super(new Object[][] {
          {"a1", "", statements("create table users (id int primary key, name varchar(50))",
              "drop table users")},
          {"b1", "a1", statements("create index ix_users_name on users (name)",
              "drop index ix_users_name")},
          {"c1", "b1", statements("create table audit (id int primary key)",
              "drop table audit")},
      });
    }
  }

  private static Migration statements(String upgrade, String downgrade) {
    return new Migration() {
      @Override
      public void upgrade(DSLContext db) {
        db.execute(upgrade);
      }

      @Override
      public void downgrade(DSLContext db) {
        db.execute(downgrade);
      }
    };
  }

  /** The command line with {@link IndexedShop} on its classpath and named in the configuration. */
  private Run retort(String configuration, String... args) throws Exception {
    Path services = folder.resolve("classpath/META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(RevisionRegistry.class.getName()),
        IndexedShop.class.getName() + "\n");
    Path config = folder.resolve("retort.properties");
    Files.writeString(config, "registry=" + IndexedShop.class.getName() + "\n" + configuration);
    List<String> command = new ArrayList<>(List.of(args));
    command.addAll(List.of("--config", config.toString()));
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (URLClassLoader withFixture = new URLClassLoader(
        new URL[] {folder.resolve("classpath").toUri().toURL()}, original)) {
      thread.setContextClassLoader(withFixture);
      return CliRunner.run(command.toArray(String[]::new));
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  @Test
  void lint_aRangeWithoutADatabase_exitsOneNamingTheRuleTheRevisionAndTheFix() throws Exception {
    Run run = retort("", "lint", "a1:heads", "--dialect", "POSTGRES");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).startsWith("create-index-blocking: b1 (Rev_b1), statement 1: CREATE"
        + " INDEX ix_users_name on users, an existing table, without CONCURRENTLY\n"
        + "  create index ix_users_name on users (name)\n");
    assertThat(run.out()).endsWith("Linted 2 revisions for POSTGRES: 1 finding, 0 excused,"
        + " 0 notes.\n");
  }

  @Test
  void lint_aRangeThatBreaksNoRule_exitsZero() throws Exception {
    Run run = retort("", "lint", "b1:c1", "--dialect", "POSTGRES");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).isEqualTo("Linted 1 revision for POSTGRES: 0 findings, 0 excused,"
        + " 0 notes.\n");
  }

  @Test
  void lint_onH2_findsNothing_becauseTheLockRulesArePostgres() throws Exception {
    assertThat(retort("", "lint", "heads", "--dialect", "H2").status()).isEqualTo(0);
  }

  @Test
  void review_inMarkdown_showsTheSqlTheSchemaChangeAndTheFindings() throws Exception {
    Run run = retort("", "review", "a1:heads", "--dialect", "POSTGRES", "--format", "markdown");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).startsWith("## Review of 2 revisions for POSTGRES\n");
    assertThat(run.out()).contains("### `b1` Fixture b1\n");
    assertThat(run.out()).contains("```sql\ncreate index ix_users_name on users (name);\n```");
    assertThat(run.out()).contains("```diff\n+ index users (name) ix_users_name\n```");
    assertThat(run.out()).contains("- `create-index-blocking` (statement 1)");
  }

  @Test
  void review_asText_isTheDefault() throws Exception {
    Run run = retort("", "review", "b1:c1", "--dialect", "POSTGRES");

    assertThat(run.out()).startsWith("Review of 1 revision for POSTGRES\n");
    assertThat(run.out()).contains("    + table audit\n");
  }

  @Test
  void withoutARange_theyLookAtWhatTheDatabaseHasNotApplied() throws Exception {
    String database = "url=jdbc:h2:file:" + folder.resolve("shop") + "\n";
    Run pending = retort(database, "lint", "--dialect", "POSTGRES");
    assertThat(pending.status()).isEqualTo(1);
    assertThat(pending.out()).contains("Linted 3 revisions");

    assertThat(retort(database, "upgrade", "b1").status()).isEqualTo(0);
    Run rest = retort(database, "lint", "--dialect", "POSTGRES");
    assertThat(rest.status()).isEqualTo(0);
    assertThat(rest.out()).isEqualTo("Linted 1 revision for POSTGRES: 0 findings, 0 excused,"
        + " 0 notes.\n");
  }

  @Test
  void withoutARangeOrADatabase_isAnErrorSayingWhatToPass() throws Exception {
    Run run = retort("", "lint", "--dialect", "POSTGRES");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR: " + Messages.rangeNeededWithoutDatabase("lint") + "\n");
  }

  @Test
  void withoutADialectOrADatabase_isAnErrorSayingWhatToPass() throws Exception {
    Run run = retort("", "review", "a1:heads");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR: " + Messages.dialectNeeded("review") + "\n");
  }

  @Test
  void lintSince_leavesThatRevisionAndItsAncestorsAlone() throws Exception {
    Run run = retort("lint_since=b1\n", "lint", "heads", "--dialect", "POSTGRES");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).startsWith("Linted 1 revision for POSTGRES");
  }

  @Test
  void lintSince_namingNoRevision_isAnErrorNamingTheSetting() throws Exception {
    Run run = retort("lint_since=b\n", "lint", "heads", "--dialect", "POSTGRES");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains(Messages.unknownLintSince("b"));
    assertThat(run.err()).contains("(lint_since in " + folder.resolve("retort.properties"));
  }

  @Test
  void anUnknownFormat_isAUsageError() throws Exception {
    Run run = retort("", "review", "heads", "--dialect", "POSTGRES", "--format", "json");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--format");
  }
}

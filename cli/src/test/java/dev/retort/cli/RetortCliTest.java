package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.cli.CliRunner.Run;
import dev.retort.runtime.PasswordMask;
import dev.retort.runtime.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command through the entry point, against an H2 file database: output and exit codes. */
class RetortCliTest {

  @TempDir Path folder;
  private Path config;

  @BeforeEach
  void writeConfig() throws Exception {
    config = folder.resolve("retort.properties");
    Files.writeString(config, "url=jdbc:h2:file:" + folder.resolve("db") + "\nuser=sa\n"
        + "password=s3cret-pass\n");
  }

  private Run retort(String... args) {
    String[] withConfig = new String[args.length + 2];
    System.arraycopy(args, 0, withConfig, 0, args.length);
    withConfig[args.length] = "--config";
    withConfig[args.length + 1] = config.toString();
    return CliRunner.run(withConfig);
  }

  @Test
  void upgrade_printsAlembicsLineForEachRevision_andASummary() {
    Run run = retort("upgrade");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).containsMatch("INFO Running upgrade <base> -> a1, Create users \\(\\d+ ms\\)");
    assertThat(run.out()).contains("INFO Running upgrade (c1, d1) -> m1, Merge orders and invoices");
    assertThat(run.out()).containsMatch("INFO Applied 5 revisions in \\d+ ms; the database is at m1");
    assertThat(run.out()).doesNotContain("jOOQ");
    assertThat(retort("upgrade").out()).contains("Nothing to upgrade: the database is at m1");
  }

  @Test
  void current_onAnEmptyDatabase_saysBase_andAfterwardsTheHead() {
    assertThat(retort("current").out()).isEqualTo("<base> (no revision applied)\n");
    retort("upgrade");
    assertThat(retort("current").out()).isEqualTo("m1 (head)\n");
  }

  @Test
  void history_marksHeadsMergesBranchPoints_andWithIndicateTheCurrentRevision() {
    retort("upgrade", "c1");

    Run run = retort("history", "-i");

    assertThat(run.out()).isEqualTo(String.join("\n",
        "(c1, d1) -> m1 (head) (mergepoint), Merge orders and invoices",
        "b1 -> d1, Create invoices",
        "b1 -> c1 (current), Create orders",
        "a1 -> b1 (branchpoint), Add email",
        "<base> -> a1, Create users", ""));
    assertThat(retort("history", "-r", "b1:c1").out())
        .isEqualTo("b1 -> c1, Create orders\na1 -> b1 (branchpoint), Add email\n");
  }

  /**
   * With two heads, -1 does not say which to step down from, and c1-1 would name b1, whose
   * downgrade takes both branches: the error advises revert, which takes back the one named.
   */
  @Test
  void downgradeMinusOneFromTwoHeads_advisesRevert_whichStepsOneBranchDown() {
    retort("upgrade", "c1");
    retort("upgrade", "d1");

    Run ambiguous = retort("downgrade", "-1");
    Run revert = retort("revert", "d1");

    assertThat(ambiguous.status()).isEqualTo(1);
    assertThat(ambiguous.err()).isEqualTo("ERROR: "
        + Messages.ambiguousWalkFromHeads("-1", List.of("c1", "d1"), true) + "\n");
    assertThat(revert.status()).isEqualTo(0);
    assertThat(revert.out()).contains("INFO Running downgrade d1 -> b1, Create invoices");
    assertThat(retort("current").out()).isEqualTo("c1\n");
  }

  @Test
  void downgradeMinusOne_revertsTheLastStep() {
    retort("upgrade");

    Run run = retort("downgrade", "-1");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("INFO Running downgrade m1 -> (c1, d1), Merge orders and invoices");
    assertThat(retort("current").out()).isEqualTo("c1\nd1\n");
  }

  @Test
  void check_exitsWithThreeWhilePending_andZeroWhenUpToDate() {
    Run pending = retort("check");
    assertThat(pending.status()).isEqualTo(RetortCli.PENDING);
    assertThat(pending.out()).startsWith("5 revisions are pending (the database is at <base>)");

    retort("upgrade");
    Run upToDate = retort("check");
    assertThat(upToDate.status()).isEqualTo(0);
    assertThat(upToDate.out()).isEqualTo("Up to date at m1.\n");
  }

  @Test
  void headsBranchesShowStampValidateAndRepair_print_whatTheyDid_andExitZero() {
    Run heads = retort("heads");
    Run branches = retort("branches");
    Run show = retort("show", "m");
    Run stamp = retort("stamp", "b1");
    Run validate = retort("validate");
    Run repair = retort("repair");

    assertThat(heads.out()).isEqualTo(
        "(c1, d1) -> m1 (head) (mergepoint), Merge orders and invoices\n");
    assertThat(branches.out()).isEqualTo("a1 -> b1 (branchpoint), Add email\n"
        + "    -> b1 -> c1, Create orders\n    -> b1 -> d1, Create invoices\n");
    assertThat(show.out()).startsWith("Rev: m1 (head)\nParent: c1, d1\n");
    assertThat(stamp.out()).contains("INFO Stamped b1");
    assertThat(validate.out()).isEqualTo("Valid: the applied revisions match this build.\n");
    assertThat(repair.out()).isEqualTo("Nothing to repair.\n");
    for (Run run : List.of(heads, branches, show, stamp, validate, repair)) {
      assertWithMessage(run.printed()).that(run.status()).isEqualTo(0);
    }
  }

  @Test
  void currentHistoryAndGraph_exitZero() {
    retort("upgrade", "b1");

    for (Run run : List.of(retort("current"), retort("history"), retort("graph"))) {
      assertWithMessage(run.printed()).that(run.status()).isEqualTo(0);
      assertThat(run.err()).isEmpty();
    }
  }

  @Test
  void validate_refusesAnAppliedRevisionWhoseChecksumChanged_withExitOne() throws Exception {
    retort("upgrade", "b1");
    try (Connection connection = DriverManager.getConnection(
            "jdbc:h2:file:" + folder.resolve("db"), "sa", "s3cret-pass");
        Statement statement = connection.createStatement()) {
      statement.execute("update retort_history set checksum = 'before-the-edit'"
          + " where revision = 'a1'");
    }

    Run run = retort("validate");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR: " + Messages.edited(
        List.of(new ShopRegistry().revision("a1").orElseThrow())) + "\n");
    assertThat(run.out()).doesNotContain("Valid");
  }

  @Test
  void currentVerbose_andHistoryVerbose_showEveryField() {
    retort("upgrade");

    Run current = retort("current", "-v");
    Run history = retort("history", "-v", "-r", "c1:m1");

    assertThat(current.status()).isEqualTo(0);
    assertThat(current.out()).isEqualTo("Rev: m1 (head)\nParent: c1, d1\nClass: test.Rev_m1\n"
        + "Transactional: true\nChecksum: sum-m1\n\n    Merge orders and invoices\n\n");
    assertThat(history.status()).isEqualTo(0);
    assertThat(history.out()).isEqualTo("Rev: m1 (head)\nParent: c1, d1\nClass: test.Rev_m1\n"
        + "Transactional: true\nChecksum: sum-m1\n\n    Merge orders and invoices\n\n"
        + "Rev: c1\nParent: b1\nClass: test.Rev_c1\nTransactional: true\nChecksum: sum-c1\n\n"
        + "    Create orders\n\n");
  }

  @Test
  void stampPurge_replacesTheRecordedRevisions_whereStampAddsABranch() {
    retort("upgrade", "c1");

    Run added = retort("stamp", "d1");
    String afterStamp = retort("current").out();
    Run purged = retort("stamp", "--purge", "c1");

    assertThat(added.status()).isEqualTo(0);
    assertThat(afterStamp).isEqualTo("c1\nd1\n");
    assertThat(purged.status()).isEqualTo(0);
    assertThat(retort("current").out()).isEqualTo("c1\n");
  }

  @Test
  void sql_withoutAFrom_startsAtBase_inTheDialectOfTheUrl() {
    Run run = retort("sql", "b1");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("create table t_a1 (id int);");
    assertThat(run.out()).contains("create table t_b1 (id int);");
    assertThat(run.out()).doesNotContain("t_c1");
    assertThat(Files.exists(folder.resolve("db.mv.db"))).isFalse();
  }

  @Test
  void graph_withoutADatabase_drawsTheHistory_withNothingMarkedCurrent() throws Exception {
    Files.writeString(config, "user=sa\n");

    Run run = retort("graph");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("\"m1\" [label=\"m1\\nMerge orders and invoices\", penwidth=2];");
    assertThat(run.out()).doesNotContain("fillcolor");
    assertThat(Files.exists(folder.resolve("db.mv.db"))).isFalse();
  }

  @Test
  void sql_printsTheScriptWithoutTouchingTheDatabase() throws Exception {
    Run run = retort("sql", "base:b1", "--dialect", "POSTGRES");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("create table t_b1 (id int);");
    assertThat(run.out()).contains("update retort_version set version_num = 'b1'");
    assertThat(Files.exists(folder.resolve("db.mv.db"))).isFalse();
  }

  @Test
  void anError_isOneLineWithTheFix_andTheTraceOnlyWithDebug() {
    Run run = retort("upgrade", "zz");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR: " + Messages.noSuchRevision("zz") + "\n");
    assertThat(retort("upgrade", "zz", "--debug").err()).contains("\tat dev.retort.");
  }

  @Test
  void thePassword_isNeverPrinted_evenWhenTheConnectionFails() throws Exception {
    Files.writeString(config, "url=jdbc:h2:tcp://127.0.0.1:1/nowhere\nuser=sa\n"
        + "password=s3cret-pass\n");

    Run run = retort("current", "--debug");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).doesNotContain("s3cret-pass");
    assertThat(run.out()).doesNotContain("s3cret-pass");
  }

  @Test
  void flagsOverrideTheEnvironmentAndTheFile() throws Exception {
    Path other = folder.resolve("other");

    retort("upgrade", "--url", "jdbc:h2:file:" + other);

    assertThat(Files.exists(folder.resolve("other.mv.db"))).isTrue();
    assertThat(retort("current").out()).isEqualTo("<base> (no revision applied)\n");
  }

  @Test
  void graph_drawsTheHistory_markingHeadsAndTheCurrentRevision() {
    retort("upgrade", "c1");

    String dot = retort("graph").out();
    String mermaid = retort("graph", "--format", "mermaid").out();

    assertThat(dot).startsWith("digraph revisions {");
    assertThat(dot).contains("\"m1\" [label=\"m1\\nMerge orders and invoices\", penwidth=2];");
    assertThat(dot).contains("\"c1\" [label=\"c1\\nCreate orders\", style=filled,"
        + " fillcolor=lightblue];");
    assertThat(dot).contains("\"m1\" -> \"d1\";");
    assertThat(mermaid).contains("  m1 --> c1\n");
    assertThat(mermaid).contains("  style c1 fill:#add8e6\n");
  }

  @Test
  void anUnknownCommand_isAUsageError_inOneLine_withTheNearestCommandsAndWhereTheHelpIs() {
    Run run = CliRunner.run("upgrayedd");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ERROR: Unmatched argument at index 0: 'upgrayedd'\n"
        + "Did you mean upgrade or graph or downgrade? Run 'retort --help' for usage.\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownOptionOrAMissingTarget_isOneLine_andPointsToTheCommandsHelp() {
    Run unknown = retort("upgrade", "--fast");
    Run missing = retort("downgrade");

    assertThat(unknown.status()).isEqualTo(2);
    // The nearest option is suggested, on the line that points to the help.
    assertThat(unknown.err()).isEqualTo("ERROR: Unknown option: '--fast'\n"
        + CliMessages.didYouMean(java.util.List.of("--fail-fast"))
        + "Run 'retort upgrade --help' for usage.\n");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("ERROR: Missing required parameter: 'TARGET'\n"
        + "Run 'retort downgrade --help' for usage.\n");
  }

  @Test
  void noArguments_printTheUsage_andExitWithTwo() {
    Run run = CliRunner.run();

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).startsWith("Usage: retort [-hV] [--debug] [COMMAND]\n");
    assertThat(run.out()).contains("  upgrade    Apply the target");
  }

  @ParameterizedTest
  @ValueSource(strings = {"upgrade", "downgrade", "current", "history", "heads", "branches",
      "show", "stamp", "check", "validate", "repair", "sql", "create", "merge", "graph", "verify"})
  void everyCommandsHelp_exitsZero_withItsUsageAndTheExitCodes(String command) {
    Run run = CliRunner.run(command, "--help");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).startsWith("Usage: retort " + command + " ");
    assertThat(run.out()).contains("--config=FILE");
    assertThat(run.out()).contains("--debug");
    assertThat(run.out()).contains("Exit codes:\n  0   Success.\n");
    assertThat(run.out()).contains("  2   Invalid command line.\n  3   check: revisions are"
        + " pending.\n");
  }

  @Test
  void debug_beforeTheCommand_printsTheTraceToo() {
    Run run = retort("--debug", "upgrade", "zz");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("ERROR: " + Messages.noSuchRevision("zz") + "\n");
    assertThat(run.err()).contains("\tat dev.retort.");
  }

  @Test
  void theConfiguredPassword_isMaskedWhereverAnErrorQuotesIt() {
    Run run = retort("upgrade", "s3cret-pass", "--debug");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("ERROR: " + Messages.noSuchRevision(PasswordMask.MASK) + "\n");
    assertThat(run.err()).contains("\tat dev.retort.");
    assertThat(run.printed()).doesNotContain("s3cret-pass");
  }

  @Test
  void verify_provesEachDowngradeAndTheMerge_withoutADatabase() throws Exception {
    Files.writeString(config, "user=sa\n");

    Run run = retort("verify");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("PASSED  downgrade undoes upgrade: a1 (Rev_a1)");
    assertThat(run.out()).contains("PASSED  branches merge in either order: m1 (Rev_m1)");
    assertThat(run.out()).contains("6 passed, 0 failed, 0 skipped (not proven)");
    assertThat(Files.exists(folder.resolve("db.mv.db"))).isFalse();
  }
}

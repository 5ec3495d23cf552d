package dev.retort.maven;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.maven.CliOutcome.Kind;
import dev.retort.maven.CliOutcome.Stop;
import org.junit.jupiter.api.Test;

class CliOutcomeTest {

  @Test
  void success_showsEveryLine_andStopsNothing() {
    CliOutcome outcome = CliOutcome.of(0, "a1 (head)\n", "");

    assertThat(outcome.stop("current")).isEmpty();
    assertThat(outcome.results()).containsExactly("a1 (head)");
    assertThat(outcome.output()).isEqualTo("a1 (head)" + System.lineSeparator());
  }

  @Test
  void pendingRevisions_failTheBuild_withChecksLine() {
    CliOutcome outcome = CliOutcome.of(CliOutcome.PENDING,
        "1 revision is pending (the database is at <base>): a1. Run upgrade to apply them.\n", "");

    assertThat(outcome.stop("check")).hasValue(new Stop(Kind.FAILURE,
        "1 revision is pending (the database is at <base>): a1. Run upgrade to apply them."));
    assertThat(outcome.results()).isEmpty();
  }

  @Test
  void aFailedProof_failsTheBuild_withTheSummary_afterShowingTheProofs() {
    CliOutcome outcome = CliOutcome.of(1,
        "FAILED  downgrade undoes upgrade: a1 (M0001)\n        column x left\n"
            + "0 passed, 1 failed, 0 skipped (not proven)\n", "");

    assertThat(outcome.stop("verify"))
        .hasValue(new Stop(Kind.FAILURE, "0 passed, 1 failed, 0 skipped (not proven)"));
    assertThat(outcome.results()).containsExactly(
        "FAILED  downgrade undoes upgrade: a1 (M0001)", "        column x left").inOrder();
  }

  @Test
  void anError_stopsTheBuild_withItsOneLine_inMavenTerms() {
    CliOutcome outcome = CliOutcome.of(1, "", "ERROR: No database URL: set url in"
        + " retort.properties, RETORT_URL in the environment, or pass --url jdbc:...\n"
        + "java.lang.IllegalArgumentException: ...\n\tat dev.retort.cli.Config\n");

    assertThat(outcome.stop("upgrade")).hasValue(new Stop(Kind.ERROR, "No database URL: set url"
        + " in retort.properties, RETORT_URL in the environment, or pass"
        + " -Dretort.url=jdbc:..."));
    assertThat(outcome.details()).containsExactly("java.lang.IllegalArgumentException: ...",
        "\tat dev.retort.cli.Config").inOrder();
  }

  @Test
  void anInvalidCommandLine_isAnError() {
    CliOutcome outcome = CliOutcome.of(2, "", "ERROR: Invalid value for option '--dialect':"
        + " expected one of [H2] but was 'H3'\nRun 'retort sql --help' for usage.\n");

    assertThat(outcome.stop("sql")).hasValue(new Stop(Kind.ERROR,
        "Invalid value for option '-Dretort.dialect': expected one of [H2] but was 'H3'"));
  }

  @Test
  void aFailureWithoutAWord_saysWhereToLook() {
    CliOutcome outcome = CliOutcome.of(1, "", "");

    assertThat(outcome.stop("upgrade"))
        .hasValue(new Stop(Kind.ERROR, Messages.exitedWithoutReason("upgrade", 1)));
  }

  @Test
  void blankLinesOfVerboseOutput_areKept() {
    CliOutcome outcome = CliOutcome.of(0, "Rev: a1\n\n    Create users\n", "");

    assertThat(outcome.results()).containsExactly("Rev: a1", "", "    Create users").inOrder();
  }
}

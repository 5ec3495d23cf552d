package dev.retort.benchmarks;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.internal.state.StateSql;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up and apply benchmark works end to end, on a history small enough for the test
 * suite and on H2 only: every tool brings an empty database to head and starts up against it.
 * No time is asserted.
 */
class StartupAndApplyBenchmarkTest {

  @TempDir Path work;

  @Test
  void everyToolAppliesTheWorkload_andRetortsStartUpLoadsNoMigrationClass() throws Exception {
    StartupAndApplyBenchmark.Report report =
        StartupAndApplyBenchmark.run(20, 1, List.of("h2"), work, true);

    for (String tool : StartupAndApplyBenchmark.APPLY_TOOLS) {
      if (tool.equals("retort-baseline")) {
        continue;
      }
      assertThat(report.figure("apply", "h2", tool).callMicros()).isGreaterThan(0);
    }
    for (String tool : StartupAndApplyBenchmark.NOOP_TOOLS) {
      if (tool.equals("retort-baseline")) {
        continue;
      }
      assertThat(report.figure("noop", "h2", tool).rssKilobytes()).isGreaterThan(0);
      assertThat(report.figure("noop", "h2", tool).heapKilobytes()).isGreaterThan(0);
    }
    assertThat(report.migrationClassesLoadedByNoop()).isEqualTo(0);
    assertThat(report.asMarkdown()).contains("| retort |");
    assertThat(report.asMarkdown()).contains("| jdbc-state-floor |");
    // Every profiled tool but the baseline, which runs only when a baseline build is given.
    assertThat(report.profiles().keySet()).hasSize(StartupAndApplyBenchmark.PROFILED_TOOLS.size()
        + StartupAndApplyBenchmark.PROFILED_NOOP_TOOLS.size() - 2);
    String retortProfile = report.profiles().get(
        "Profile of retort applying 20 revisions on h2 (main thread's stack samples, 1 ms apart):");
    for (ProfileSummary.Category category : StartupAndApplyBenchmark.APPLY_CATEGORIES) {
      assertThat(retortProfile).contains("| " + category.name() + " |");
    }
    assertThat(retortProfile).doesNotContainMatch("all samples of thread main \\| 0 \\|");
    String retortNoop = report.profiles().get("Profile of retort starting up with nothing to do"
        + " on h2 at 20 revisions (main thread's stack samples, 1 ms apart):");
    for (ProfileSummary.Category category : StartupAndApplyBenchmark.NOOP_CATEGORIES) {
      assertThat(retortNoop).contains("| " + category.name() + " |");
    }
  }

  /** The state floor reads what Retort's start-up reads: the same queries, with its defaults. */
  @Test
  void theStateFloorsQueries_areRetortsWithItsDefaultTableNames() {
    StateSql sql = new StateSql(RetortSettings.defaults());

    assertThat(ToolRun.STATE_HEADS).isEqualTo(sql.sql(StateSql.Statement.SELECT_HEADS));
    assertThat(ToolRun.STATE_HISTORY).isEqualTo(sql.sql(StateSql.Statement.SELECT_RECORDED));
  }

  @Test
  void measuringRetort_addsTheStateFloor_whichCannotRunWithoutIt() {
    assertThat(StartupAndApplyBenchmark.tools("retort")).contains("jdbc-state-floor");
    assertThat(StartupAndApplyBenchmark.tools("jooq-apply")).doesNotContain("jdbc-state-floor");

    IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
        () -> StartupAndApplyBenchmark.tools("jdbc-state-floor"));
    assertThat(alone).hasMessageThat().contains("add retort to -Dbenchmark.tools");
  }
}

package dev.retort.benchmarks;

import static com.google.common.truth.Truth.assertThat;

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
      assertThat(report.figure("apply", "h2", tool).callMicros()).isGreaterThan(0);
    }
    for (String tool : StartupAndApplyBenchmark.NOOP_TOOLS) {
      assertThat(report.figure("noop", "h2", tool).rssKilobytes()).isGreaterThan(0);
    }
    assertThat(report.migrationClassesLoadedByNoop()).isEqualTo(0);
    assertThat(report.asMarkdown()).contains("| retort |");
    assertThat(report.profiles().keySet()).hasSize(StartupAndApplyBenchmark.PROFILED_TOOLS.size());
    String retortProfile = report.profiles().get(
        "Profile of retort applying 20 revisions on h2 (main thread's stack samples, 1 ms apart):");
    for (ProfileSummary.Category category : StartupAndApplyBenchmark.APPLY_CATEGORIES) {
      assertThat(retortProfile).contains("| " + category.name() + " |");
    }
    assertThat(retortProfile).doesNotContainMatch("all samples of thread main \\| 0 \\|");
  }
}

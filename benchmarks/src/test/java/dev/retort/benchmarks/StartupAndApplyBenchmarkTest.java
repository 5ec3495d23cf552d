package dev.retort.benchmarks;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.internal.state.StateSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
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
  void everyToolAppliesTheWorkload_noMigrationClassLoadsAtStartUp_andTheFloorsRowsAreRetorts()
      throws Exception {
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
    assertThat(report.asMarkdown()).contains("| jdbc-registry-floor |");
    // Each table says how much CPU time the machine lost to other guests while it ran.
    assertThat(report.steal().keySet()).containsExactly("apply h2", "noop h2");
    assertThat(report.asMarkdown()).containsMatch(
        "median of 1 runs; (\\d+\\.\\d % of the CPU time asked for was stolen"
            + "|steal not known)");
    // The floor is the floor of itself, by every ratio; apply's targets are against jooq-apply.
    assertThat(report.asMarkdown()).containsMatch("\\| jdbc-floor \\| [0-9,]+ ms \\| 1\\.00 \\|"
        + " [^|]+ \\| 1\\.00 \\| [0-9,]+ ms \\| [0-9,]+ ms \\| 1\\.00 \\|");
    assertThat(report.asMarkdown()).containsMatch("\\| jooq-apply \\| [0-9,]+ ms \\| [0-9.]+ \\|"
        + " [^|]+ \\| 1\\.00 \\|");
    assertThat(report.asMarkdown()).contains("| × jooq-apply, run by run |");
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
    // The apply's state floor writes the rows Retort writes: after each brought an empty H2
    // database to head, both have the same head and the same history, row by row (the floor's
    // checksums are placeholders of the same length). Checked on this run's databases, which the
    // harness leaves in place: another run of the harness would cost the suite half a minute.
    List<String> floor = stateRows(work.resolve("h2-jooq-state-apply0").resolve("db"));
    List<String> retort = stateRows(work.resolve("h2-retort0").resolve("db"));
    assertThat(floor).isEqualTo(retort);
    assertThat(floor).hasSize(21);
    assertThat(floor.get(0)).isEqualTo("head r20");
  }

  /**
   * A slow minute of the machine in run 2 makes the floor's median and the tool's come from
   * different rounds; the run-by-run ratio compares each tool with the floor of its own round.
   */
  @Test
  void theRunByRunRatio_isTheMedianOfEachRoundsRatio() {
    StartupAndApplyBenchmark.Figure floor = figure("jdbc-floor", 100_000, 300_000, 200_000);
    StartupAndApplyBenchmark.Figure tool = figure("retort", 110_000, 330_000, 900_000);

    assertThat(StartupAndApplyBenchmark.pairedRatio(tool, floor)).isWithin(1e-9).of(1.1);
    assertThat(StartupAndApplyBenchmark.pairedRatio(floor, floor)).isWithin(1e-9).of(1.0);
    // An even count takes the upper middle, as every other median of the harness does.
    assertThat(StartupAndApplyBenchmark.pairedRatio(figure("a", 100, 200, 300, 400),
        figure("b", 100, 100, 100, 100))).isWithin(1e-9).of(3.0);
    assertThat(StartupAndApplyBenchmark.pairedRatio(figure("a"), floor)).isNaN();
  }

  @Test
  void aRatioOfNothingMeasured_printsADash() {
    assertThat(StartupAndApplyBenchmark.ratio(330, 300)).isEqualTo("1.10");
    assertThat(StartupAndApplyBenchmark.ratio(330, 0)).isEqualTo("—");
    assertThat(StartupAndApplyBenchmark.ratio(-1, 300)).isEqualTo("—");
    assertThat(StartupAndApplyBenchmark.ratio(Double.NaN, 1)).isEqualTo("—");
  }

  private static StartupAndApplyBenchmark.Figure figure(String tool, long... callsMicros) {
    return new StartupAndApplyBenchmark.Figure("noop", "h2", tool, 0, 0, 0, 0, 0,
        LongStream.of(callsMicros).boxed().toList());
  }

  /** The version rows, then each history row's columns but its id, times and checksum's value. */
  private static List<String> stateRows(Path database) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + database);
        Statement statement = connection.createStatement()) {
      try (ResultSet heads = statement.executeQuery("select version_num from retort_version")) {
        while (heads.next()) {
          rows.add("head " + heads.getString(1));
        }
      }
      try (ResultSet history = statement.executeQuery("select revision, direction, message,"
          + " length(checksum), finished_at is not null, duration_ms is not null, success,"
          + " rolled_back from retort_history order by id")) {
        while (history.next()) {
          StringBuilder row = new StringBuilder();
          for (int column = 1; column <= 8; column++) {
            row.append(column == 1 ? "" : " ").append(history.getString(column));
          }
          rows.add(row.toString());
        }
      }
    }
    return rows;
  }

  /** The state floor reads what Retort's start-up reads: the same queries, with its defaults. */
  @Test
  void theStateFloorsQueries_areRetortsWithItsDefaultTableNames() {
    StateSql sql = new StateSql(RetortSettings.defaults());

    assertThat(ToolRun.STATE_HEADS).isEqualTo(sql.sql(StateSql.Statement.SELECT_HEADS));
    assertThat(ToolRun.STATE_HISTORY).isEqualTo(sql.sql(StateSql.Statement.SELECT_RECORDED));
  }

  @Test
  void measuringRetort_addsTheStateFloors_andTheStartUpsCannotRunWithoutIt() {
    assertThat(StartupAndApplyBenchmark.tools("retort"))
        .containsAtLeast("jdbc-state-floor", "jdbc-registry-floor", "jooq-state-apply");
    assertThat(StartupAndApplyBenchmark.tools("jooq-apply"))
        .containsNoneOf("jdbc-state-floor", "jdbc-registry-floor", "jooq-state-apply");

    for (String floor : List.of("jdbc-state-floor", "jdbc-registry-floor")) {
      IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
          () -> StartupAndApplyBenchmark.tools(floor));
      assertThat(alone).hasMessageThat().isEqualTo(floor + " reads the tables of the database"
          + " that Retort brought to head: add retort to -Dbenchmark.tools");
    }
  }
}

package dev.retort.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet benchmark works end to end on three schemas: the sequential loop and a fleet bring
 * every schema to head, and the table is written. No time is asserted. Needs the PostgreSQL
 * server: skipped without it, failing in CI ({@code CI=true}).
 */
class FleetBenchmarkTest {

  @TempDir Path work;

  @Test
  void theSequentialLoopAndAFleet_bringEverySchemaToHead() throws Exception {
    String server = System.getenv("RETORT_TEST_POSTGRES_URL");
    if (server == null || server.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("RETORT_TEST_POSTGRES_URL is not set, but CI=true:"
            + " source .ci/start-databases before ./mvnw verify");
      }
      Assumptions.abort("RETORT_TEST_POSTGRES_URL is not set");
    }

    FleetBenchmark.Report report = FleetBenchmark.run(server, 3,
        List.of("sequential", "fleet-2"), work);

    assertThat(report.figure("sequential").schemasAtHead()).isEqualTo(3);
    assertThat(report.figure("fleet-2").schemasAtHead()).isEqualTo(3);
    assertThat(report.figure("fleet-2").peakHeapKilobytes()).isGreaterThan(0);
    assertThat(report.revisions()).isEqualTo(7);
    assertThat(report.asMarkdown()).contains("| fleet-2 | 2 |");
  }
}

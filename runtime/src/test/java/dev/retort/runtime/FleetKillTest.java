package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A fleet process killed with SIGKILL at random moments, then rerun: every schema at head, every
 * revision recorded once. Small here; {@link FleetKills#main} runs 200 schemas and five kills.
 */
class FleetKillTest {

  @Test
  void aFleetKilledTwice_thenRerun_leavesEverySchemaAtHead_withEachRevisionOnce()
      throws Exception {
    long seed = System.nanoTime();

    FleetKills.Report report = FleetKills.run(TestDatabase.POSTGRES.createUrl(), 20, 2, 4, 4,
        seed);

    assertThat(report.finishedBeforeKill()).hasSize(2);
    assertThat(report.checked()).isEqualTo(20);
  }
}

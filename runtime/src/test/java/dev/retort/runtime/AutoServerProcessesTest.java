package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runners in separate JVMs on one H2 file opened with AUTO_SERVER=TRUE, as the sample's default
 * URL does. A class of its own, apart from {@link RunnerProcessesTest}: its runners spend most of
 * the test waiting for H2's hand-off rather than computing, so the test JVM that runs it is free
 * for other classes' work meanwhile, instead of adding its waits to the longest class's.
 */
class AutoServerProcessesTest {

  /**
   * Enough JVMs to race for an AUTO_SERVER file and hand it over, few enough to stay cheap: H2
   * lets one process at a time through its lock file, each in about two to four seconds.
   */
  private static final int AUTO_SERVER_RUNNERS = 4;

  /**
   * The sample's default H2 URL opens a file with AUTO_SERVER=TRUE: the first process to open it
   * serves it to the others, and when that process exits, another takes the file over. During
   * that hand-off H2 refuses connections ("Lock file recently modified", "Locked by another
   * process", a refused connection to the server that just left); Retort retries them within
   * its lock timeout, so one runner applies the revisions and the others find nothing to do.
   */
  @Test
  void processesStartedAtOnce_onAnH2FileWithAutoServer_applyEachRevisionExactlyOnce()
      throws Exception {
    String url = TestDatabase.H2.createUrl();
    assertThat(url).contains(";AUTO_SERVER=TRUE");
    long millis = RunnerProcessesTest.runAtOnce(url, AUTO_SERVER_RUNNERS, "H2 AUTO_SERVER");
    Figures.record("1. concurrent runners, " + AUTO_SERVER_RUNNERS + " JVM processes",
        "H2 (file, AUTO_SERVER=TRUE): " + RunnerProcessesTest.REVISIONS
            + " revisions, each applied once; " + AUTO_SERVER_RUNNERS + " exits with status 0; " + millis
            + " ms from the start signal to the last exit");
  }
}

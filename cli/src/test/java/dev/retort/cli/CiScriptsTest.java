package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The helpers around the test servers: what a developer sees when they are there or not. */
class CiScriptsTest {

  @Test
  void withoutTheServer_theSkipIsSaidOnTheConsole_once() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    AtomicBoolean said = new AtomicBoolean();

    assertThrows(TestAbortedException.class, () -> CiPostgres.server(Map.of(), out, said));
    assertThrows(TestAbortedException.class, () -> CiPostgres.server(Map.of(), out, said));

    assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo(CiPostgres.SKIP_NOTICE + "\n");
  }

  @Test
  void withoutTheServer_inCi_theTestFails() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> CiPostgres.server(Map.of("CI", "true"), System.out, new AtomicBoolean()));

    assertThat(error).hasMessageThat().contains("source .ci/start-databases");
  }

  /**
   * Sourcing .ci/start-databases leaves the caller's shell options alone (it used to leave
   * set -euo pipefail on, so the next failing command closed the user's terminal). Needs the
   * servers it starts to be up already, so that sourcing it only checks them.
   */
  @Test
  void sourcingStartDatabases_leavesTheShellsOptionsAsTheyWere() throws Exception {
    CiPostgres.server();
    Process bash = new ProcessBuilder("bash", "-c", "set +e +u; set +o pipefail;"
        + " source ../.ci/start-databases; echo \"status=$? options=$-\"; set -o | grep pipefail;"
        + " echo \"url=$RETORT_TEST_MARIADB_URL\"").redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(5, TimeUnit.MINUTES)).isTrue();

    assertThat(output).contains("status=0 options=");
    assertThat(output.replaceFirst("(?s).*options=(\\S*).*", "$1")).doesNotContainMatch("[eu]");
    assertThat(output).containsMatch("pipefail\\s+off");
    assertThat(output).contains("url=jdbc:mariadb://");
  }
}

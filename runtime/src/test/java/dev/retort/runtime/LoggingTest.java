package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** One log line per revision in Alembic's words, a summary, and no system property set. */
class LoggingTest {

  @Test
  void eachRevisionLogsOneLine_andTheRunASummary() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    Retort retort = Retort.using(dataSource, TestRegistry.builder()
        .revision("a1").revision("b1", "a1").build());

    String log = captureStandardError(() -> {
      retort.upgrade();
      retort.upgrade();
    });

    assertThat(log).containsMatch("Running upgrade <base> -> a1, Create t_a1 \\(\\d+ ms\\)");
    assertThat(log).containsMatch("Running upgrade a1 -> b1, Create t_b1 \\(\\d+ ms\\)");
    assertThat(log).containsMatch("Applied 2 revisions in \\d+ ms; the database is at b1");
    assertThat(log).contains("Nothing to upgrade: the database is at b1");
    // jOOQ's banner, printed by the first statement jOOQ renders in this JVM, is jOOQ's own log
    // line, which the application's logging configuration governs: see the fresh JVM below.
  }

  /**
   * A library leaves the JVM's system properties alone: it does not switch jOOQ's banner off for
   * the whole JVM (jOOQ's banner and tips are its own INFO log lines, which the application's
   * logging configuration governs, as the command line's does). Only a JVM of its own shows what
   * Retort's classes do when they are first initialised.
   */
  @Test
  void aFreshJvm_runsWithoutSettingASystemProperty_andPrintsNothingOfJooqsAtWarn()
      throws Exception {
    RunnerProcesses.Runner runner = RunnerProcesses.start(TestDatabase.H2.createUrl(), 2, 0,
        java.time.Duration.ofSeconds(10));
    runner.await("READY", java.time.Duration.ofMinutes(1));
    runner.go();

    assertThat(runner.exit(java.time.Duration.ofMinutes(1))).isEqualTo(0);
    String transcript = runner.transcript();
    assertThat(transcript).contains("Running upgrade r0001 -> r0002");
    assertThat(transcript).contains("PROPERTIES CHANGED []");
    assertThat(transcript).doesNotContain("jOOQ");
    assertThat(transcript).doesNotContain("@@@@");
  }

  /** What the action printed to standard error, where the tests' SLF4J binding logs. */
  static String captureStandardError(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}

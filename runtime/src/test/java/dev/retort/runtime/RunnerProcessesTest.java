package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.RunnerProcesses.Runner;
import dev.retort.runtime.messages.Messages;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.h2.tools.Server;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runners in separate JVMs, as when a deploy starts several instances at once, on PostgreSQL, H2
 * in server mode and SQLite: started together, every revision runs exactly once; killed with
 * SIGKILL in the middle of a revision, the next runner gets the lock, finds the revision before
 * it, and completes the upgrade.
 */
class RunnerProcessesTest {

  private static final int RUNNERS = 16;
  static final int REVISIONS = 30;
  /** The lease of the crash tests, whose next runner waits for the killed one's to expire. */
  private static final Duration LEASE = Duration.ofSeconds(2);
  /**
   * The lease of the tests where every runner lives: longer than any of those tests may take, so
   * a runner whose renewal thread a loaded machine starves for a while does not lose the lock,
   * which once failed this test with a 2-second lease. What it proves does not depend on how
   * fast anything runs: every revision applied once, and every runner at head.
   */
  private static final Duration UNEXPIRING_LEASE = Duration.ofMinutes(10);

  private static Server h2;

  @BeforeAll
  static void startH2Server() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path folder = Files.createTempDirectory("retort-h2-server");
    h2 = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists",
        "-baseDir", folder.toString()).start();
  }

  @AfterAll
  static void stopH2Server() {
    h2.stop();
  }

  /** A fresh database that other processes can open: H2 through its server, others as usual. */
  private static String url(TestDatabase database) throws Exception {
    if (database == TestDatabase.H2) {
      return "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/db"
          + UUID.randomUUID().toString().substring(0, 8);
    }
    return database.createUrl();
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2", "SQLITE", "POSTGRES"})
  void sixteenProcessesStartedAtOnce_applyEachRevisionExactlyOnce(TestDatabase database)
      throws Exception {
    String url = url(database);
    long millis = runAtOnce(url, RUNNERS, database.toString());
    DataSource dataSource = TestDatabase.open(url);
    Figures.record("1. concurrent runners, " + RUNNERS + " JVM processes",
        database + ": " + REVISIONS + " revisions, each applied once; " + RUNNERS
            + " exits with status 0; " + (RUNNERS - 1) + " runners found nothing left to do; "
            + StateRows.history(dataSource).size() + " history rows; " + millis
            + " ms from the start signal to the last exit");
  }

  /**
   * Starts runners, lets them go at once, and checks that each exits 0, that together they
   * applied each revision once, and that exactly one applied anything; returns the milliseconds
   * from the start signal to the last exit.
   */
  static long runAtOnce(String url, int count, String database) throws Exception {
    List<Runner> runners = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      runners.add(RunnerProcesses.start(url, REVISIONS, 0, UNEXPIRING_LEASE));
    }
    for (Runner runner : runners) {
      runner.await("READY", Duration.ofMinutes(2));
    }
    long started = System.nanoTime();
    runners.forEach(Runner::go);

    int applications = 0;
    int idle = 0;
    for (Runner runner : runners) {
      assertWithMessage(runner.transcript())
          .that(runner.exit(Duration.ofMinutes(3))).isEqualTo(0);
      int applied = Integer.parseInt(runner.await("APPLIED ", Duration.ofSeconds(1))
          .substring("APPLIED ".length()));
      applications += applied;
      idle += applied == 0 ? 1 : 0;
    }
    long millis = (System.nanoTime() - started) / 1_000_000;

    DataSource dataSource = TestDatabase.open(url);
    List<String> chain = IntStream.rangeClosed(1, REVISIONS)
        .mapToObj(TestRegistry::chainId).toList();
    assertWithMessage(database).that(applications).isEqualTo(REVISIONS);
    assertWithMessage(database).that(idle).isEqualTo(count - 1);
    assertThat(StateRows.upgrades(dataSource)).containsExactlyElementsIn(chain).inOrder();
    assertThat(StateRows.history(dataSource)).hasSize(REVISIONS);
    assertThat(StateRows.versions(dataSource)).containsExactly(TestRegistry.chainId(REVISIONS));
    return millis;
  }

  // Without the server-side check for a dead client, PostgreSQL would let the killed runner's
  // statement run on for ten minutes, holding its locks: the timeout turns that into a failure.
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
  void aRunnerKilledDuringARevision_leavesThePreviousRevision_andTheNextRunnerCompletes(
      TestDatabase database) throws Exception {
    String url = url(database);
    DataSource dataSource = TestDatabase.open(url);
    TestRegistry chain = TestRegistry.chain(5).build();

    killDuringThirdRevision(url);

    assertThat(Retort.using(dataSource, chain).current())
        .containsExactly(chain.revision("r0002").orElseThrow());
    assertThat(TestDatabase.tables(dataSource)).doesNotContain("t_r0003");
    long started = System.nanoTime();
    List<MigrationStep> steps = Retort.using(dataSource, chain)
        .withSettings(RetortSettings.defaults().withLeaseDuration(LEASE)).upgrade();
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(steps.stream().map(step -> step.revision().id()))
        .containsExactly("r0003", "r0004", "r0005").inOrder();
    assertThat(StateRows.upgrades(dataSource))
        .containsExactly("r0001", "r0002", "r0003", "r0004", "r0005").inOrder();
    assertThat(TestDatabase.tables(dataSource)).contains("t_r0003");
    Figures.record("2. crash mid-revision", database + ": runner killed with SIGKILL inside"
        + " r0003 of 5; the database was at r0002 with no t_r0003; the next runner got the lock"
        + " and finished r0003..r0005 in " + millis + " ms (" + (database == TestDatabase.POSTGRES
            ? "advisory lock freed by the server" : "lease of " + LEASE + " expired") + ")");
  }

  /**
   * H2 commits each CREATE, ALTER and DROP, so a runner killed after a revision's first DDL
   * statement leaves that statement applied. What Retort guarantees there is that the record
   * says so: the revision was announced before it ran, the next runner refuses to guess, and once
   * a person has undone or finished it by hand, repair and upgrade complete the work.
   */
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2"})
  void aRunnerKilledDuringARevision_whereDdlCommits_isReportedAsUnfinished_untilRepaired(
      TestDatabase database) throws Exception {
    String url = url(database);
    DataSource dataSource = TestDatabase.open(url);
    TestRegistry chain = TestRegistry.chain(5).build();
    Retort retort = Retort.using(dataSource, chain)
        .withSettings(RetortSettings.defaults().withLeaseDuration(LEASE));

    killDuringThirdRevision(url);

    assertThat(retort.current()).containsExactly(chain.revision("r0002").orElseThrow());
    assertThat(StateRows.history(dataSource)).containsExactly(
        "r0001 up true null", "r0002 up true null", "r0003 up false null unfinished").inOrder();
    UnresolvedFailureException refused =
        assertThrows(UnresolvedFailureException.class, retort::upgrade);
    String[] latest = StateRows.latest(dataSource, "r0003");
    assertThat(refused).hasMessageThat().isEqualTo(Messages.unresolvedFailure(
        Messages.describe(chain.revision("r0003").orElseThrow()), true, latest[0], latest[1],
        List.of("r0003")));

    DSL.using(dataSource, org.jooq.SQLDialect.H2).execute("drop table t_r0003");
    assertThat(retort.repair().stream().map(RevisionInfo::id)).containsExactly("r0003");
    List<MigrationStep> steps = retort.upgrade();

    assertThat(steps.stream().map(step -> step.revision().id()))
        .containsExactly("r0003", "r0004", "r0005").inOrder();
    assertThat(StateRows.versions(dataSource)).containsExactly("r0005");
    Figures.record("2. crash mid-revision", database + ": runner killed with SIGKILL inside"
        + " r0003 of 5, after its CREATE TABLE (which H2 commits); the version table said r0002"
        + " and the history 'r0003 started, unfinished'; the next runner refused with"
        + " UnresolvedFailureException; after the table was dropped by hand, repair + upgrade"
        + " finished r0003..r0005");
  }

  private static void killDuringThirdRevision(String url) throws Exception {
    Runner doomed = RunnerProcesses.start(url, 5, 3, LEASE);
    doomed.await("READY", Duration.ofMinutes(1));
    doomed.go();
    doomed.await("SLOW", Duration.ofMinutes(1));
    doomed.kill();
  }
}

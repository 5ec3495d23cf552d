package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.runtime.messages.Messages;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.tools.jdbc.JDBCUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runners started at once serialize on the lock: each revision runs exactly once. */
class ConcurrencyTest {

  private static final int RUNNERS = 16;
  private static final int REVISIONS = 30;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void sixteenThreadsStartedAtOnce_applyEachRevisionExactlyOnce(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.create();
    TestRegistry registry = TestRegistry.chain(REVISIONS).build();
    ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<MigrationStep>>> runs = new ArrayList<>();
    for (int i = 0; i < RUNNERS; i++) {
      runs.add(pool.submit(() -> {
        start.await();
        return Retort.using(dataSource, registry).upgrade();
      }));
    }
    long started = System.nanoTime();
    start.countDown();

    int applied = 0;
    int idle = 0;
    for (Future<List<MigrationStep>> run : runs) {
      int steps = run.get(2, TimeUnit.MINUTES).size();
      applied += steps;
      idle += steps == 0 ? 1 : 0;
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    pool.shutdown();

    assertThat(applied).isEqualTo(REVISIONS);
    assertThat(StateRows.upgrades(dataSource)).containsExactlyElementsIn(
        IntStream.rangeClosed(1, REVISIONS).mapToObj(TestRegistry::chainId).toList()).inOrder();
    assertThat(StateRows.history(dataSource)).hasSize(REVISIONS);
    assertThat(StateRows.versions(dataSource)).containsExactly(TestRegistry.chainId(REVISIONS));
    Figures.record("1. concurrent runners, " + RUNNERS + " threads", database + ": " + REVISIONS
        + " revisions, each applied once; no runner failed; " + idle
        + " runners found nothing left to do; " + REVISIONS + " history rows; " + millis
        + " ms");
  }

  /**
   * SQLite lets one connection write at a time, so while a revision runs, the lease's renewal
   * thread cannot write its heartbeat. The revision's own transaction renews the lease, so a
   * waiting runner neither takes the lock over when the revision commits nor leaves the holder
   * believing it lost the lock.
   */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2", "SQLITE"})
  void aRevisionLongerThanTheLease_keepsTheLock_whileAnotherRunnerWaits(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.create();
    RetortSettings shortLease = RetortSettings.defaults().withLeaseDuration(Duration.ofMillis(600));
    CountDownLatch running = new CountDownLatch(1);
    TestRegistry.Builder chain = TestRegistry.chain(3);
    Consumer<DSLContext> createTable = db -> db.createTable(DSL.unquotedName("t_r0002"))
        .column(DSL.field(DSL.unquotedName("id"), SQLDataType.INTEGER)).execute();
    chain.edit("r0002").upgrade(db -> {
      createTable.accept(db);
      running.countDown();
      sleep(Duration.ofMillis(2500));
    });
    TestRegistry registry = chain.build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<List<MigrationStep>> holder =
        pool.submit(() -> Retort.using(dataSource, registry).withSettings(shortLease).upgrade());
    running.await();
    Future<List<MigrationStep>> waiter =
        pool.submit(() -> Retort.using(dataSource, registry).withSettings(shortLease).upgrade());

    assertThat(holder.get(1, TimeUnit.MINUTES)).hasSize(3);
    assertThat(waiter.get(1, TimeUnit.MINUTES)).isEmpty();
    pool.shutdown();
    assertThat(StateRows.upgrades(dataSource)).containsExactly("r0001", "r0002", "r0003");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * An application's start-up against a database already at head reads two tables and returns:
   * it neither waits for nor takes the lock, so a runner holding it cannot delay it.
   */
  @Test
  void anUpgradeWithNothingToDo_doesNotWaitForTheLock() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    TestRegistry registry = TestRegistry.chain(3).build();
    Retort.using(dataSource, registry).upgrade();
    DSLContext db = DSL.using(dataSource, org.jooq.SQLDialect.H2);
    db.execute("insert into retort_lock values (1, 'busy-host:4242:alive', 7, ?)",
        LocalDateTime.now());
    Retort impatient = Retort.using(dataSource, registry).withSettings(RetortSettings.defaults()
        .withLockTimeout(Duration.ofMillis(300)).withLeaseDuration(Duration.ofSeconds(30)));

    assertThat(impatient.upgrade()).isEmpty();
    assertThat(db.fetchValue("select owner from retort_lock")).isEqualTo("busy-host:4242:alive");
    org.junit.jupiter.api.Assertions.assertThrows(LockException.class,
        () -> impatient.downgrade("-1"));
  }

  @Test
  void aLeaseWhoseHolderDied_isTakenOverOnceItExpires() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    DSLContext db = DSL.using(dataSource, org.jooq.SQLDialect.H2);
    db.execute("create table retort_lock (id int primary key, owner varchar(255) not null,"
        + " heartbeat bigint not null, acquired_at timestamp(3) not null)");
    db.execute("insert into retort_lock values (1, 'crashed-host:4242:dead', 7, ?)",
        LocalDateTime.now());
    Retort retort = Retort.using(dataSource, TestRegistry.builder().revision("a1").build())
        .withSettings(RetortSettings.defaults().withLeaseDuration(Duration.ofMillis(500)));

    long started = System.nanoTime();
    List<MigrationStep> steps = retort.upgrade();

    assertThat(steps).hasSize(1);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isAtLeast(Duration.ofMillis(500));
    assertThat(db.fetchCount(DSL.table("retort_lock"))).isEqualTo(0);
  }

  @Test
  void aLiveLease_makesTheOtherRunnerGiveUpAfterItsTimeout_sayingWhoHoldsIt() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    RetortSettings quick = RetortSettings.defaults()
        .withLockTimeout(Duration.ofMillis(700)).withLeaseDuration(Duration.ofSeconds(30));
    TestRegistry registry = TestRegistry.builder().revision("a1").build();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TestRegistry slow = TestRegistry.builder().revision("a1").upgrade(dsl -> {
      holding.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }).build();
    Thread holder = new Thread(() -> Retort.using(dataSource, slow).upgrade());
    holder.start();
    holding.await();

    LockException refused = org.junit.jupiter.api.Assertions.assertThrows(LockException.class,
        () -> Retort.using(dataSource, registry).withSettings(quick).upgrade());

    release.countDown();
    holder.join();
    String expected = Messages.leaseTimedOut(quick.lockTimeout(), "HOLDER", quick.leaseDuration());
    assertThat(refused).hasMessageThat().matches(Pattern.quote(expected).replace("HOLDER",
        "\\E\\S+:" + ProcessHandle.current().pid() + ":[0-9a-f]{8}\\Q"));
  }
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aWaitingRunner_logsOnceThatItWaits_andForWhom(TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TestRegistry slow = TestRegistry.builder().revision("a1").upgrade(db -> {
      holding.countDown();
      awaitQuietly(release);
    }).build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<List<MigrationStep>> holder = pool.submit(() -> Retort.using(dataSource, slow).upgrade());
    holding.await();

    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    String log;
    Future<List<MigrationStep>> waiter;
    try {
      waiter = pool.submit(() -> Retort.using(dataSource, slow).upgrade());
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!captured.toString(java.nio.charset.StandardCharsets.UTF_8).contains("Waiting for")) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("The waiting runner logged nothing in 30 s:\n" + captured);
        }
        Thread.sleep(20);
      }
      // Long enough for the waiter to poll the lock several times (every 100 or 200 ms): each
      // poll that logged would show below as a second line.
      Thread.sleep(1_500);
      release.countDown();
      assertThat(holder.get(1, TimeUnit.MINUTES)).hasSize(1);
      assertThat(waiter.get(1, TimeUnit.MINUTES)).isEmpty();
      log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    } finally {
      release.countDown();
      System.setErr(original);
      pool.shutdown();
    }

    String whom = switch (database) {
      case H2, SQLITE -> "[^:\\s]+:" + ProcessHandle.current().pid() + ":[0-9a-f]{8}";
      case POSTGRES -> "backend pid \\d+ \\(";
      case MARIADB -> "connection \\d+ \\(";
    };
    assertThat(log).containsMatch("Waiting for the migration lock( \\S+)?, held by " + whom);
    assertThat(log.split("Waiting for the migration lock", -1)).hasLength(2);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A history row that says a step never finished may belong to a runner at work right now, so
   * the lock-free start-up check leaves it to the locked path, which waits for that runner.
   */
  @Test
  void anUnfinishedStepInTheHistory_sendsStartUpToTheLock_evenAtHead() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    TestRegistry registry = TestRegistry.chain(2).build();
    Retort.using(dataSource, registry).upgrade();
    DSLContext db = DSL.using(dataSource, org.jooq.SQLDialect.H2);
    db.execute("insert into retort_history (revision, direction, message, started_at, success)"
        + " values ('r0002', 'down', 'Create t_r0002', ?, false)", LocalDateTime.now());
    db.execute("insert into retort_lock values (1, 'busy-host:4242:alive', 7, ?)",
        LocalDateTime.now());
    Retort impatient = Retort.using(dataSource, registry).withSettings(RetortSettings.defaults()
        .withLockTimeout(Duration.ofMillis(300)).withLeaseDuration(Duration.ofSeconds(30)));

    LockException waited = org.junit.jupiter.api.Assertions.assertThrows(LockException.class,
        impatient::upgrade);

    assertThat(waited).hasMessageThat().isEqualTo(Messages.leaseTimedOut(Duration.ofMillis(300),
        "busy-host:4242:alive", Duration.ofSeconds(30)));
    db.execute("delete from retort_lock");
    org.junit.jupiter.api.Assertions.assertThrows(UnresolvedFailureException.class,
        impatient::upgrade);
  }

  /** At head, start-up reads without the lock, and still refuses an edited revision. */
  @Test
  void anEditedRevision_isRefusedByTheLockFreeStartUpCheck() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    Retort.using(dataSource, TestRegistry.chain(2).build()).upgrade();
    DSLContext db = DSL.using(dataSource, org.jooq.SQLDialect.H2);
    db.execute("insert into retort_lock values (1, 'busy-host:4242:alive', 7, ?)",
        LocalDateTime.now());
    TestRegistry.Builder edited = TestRegistry.chain(2);
    edited.edit("r0001").checksum("sum-edited");
    Retort impatient = Retort.using(dataSource, edited.build()).withSettings(
        RetortSettings.defaults().withLockTimeout(Duration.ofMillis(300))
            .withLeaseDuration(Duration.ofSeconds(30)));

    ChecksumMismatchException refused = org.junit.jupiter.api.Assertions.assertThrows(
        ChecksumMismatchException.class, impatient::upgrade);

    assertThat(refused).hasMessageThat()
        .isEqualTo(Messages.edited(List.of(refused.edited().get(0))));
    assertThat(refused.edited().get(0).id()).isEqualTo("r0001");
    assertThat(db.fetchValue("select owner from retort_lock")).isEqualTo("busy-host:4242:alive");
  }
}

package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runners started at once serialize on the lock: each revision runs exactly once. */
class ConcurrencyTest {

  private static final int RUNNERS = 8;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void runnersStartedAtOnce_applyEachRevisionExactlyOnce(TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    TestRegistry registry = TestRegistry.builder()
        .revision("a1").revision("b1", "a1").revision("c1", "b1").revision("d1", "c1").build();
    ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<MigrationStep>>> runs = new ArrayList<>();
    for (int i = 0; i < RUNNERS; i++) {
      runs.add(pool.submit(() -> {
        start.await();
        return Retort.using(dataSource, registry).upgrade();
      }));
    }
    start.countDown();

    int applied = 0;
    for (Future<List<MigrationStep>> run : runs) {
      applied += run.get(2, TimeUnit.MINUTES).size();
    }
    pool.shutdown();

    assertThat(applied).isEqualTo(4);
    try (java.sql.Connection connection = dataSource.getConnection()) {
      DSLContext db = DSL.using(connection, JDBCUtils.dialect(connection));
      assertThat(db.fetch("select revision from retort_history where direction = 'up'"
          + " order by id").getValues(0, String.class))
          .containsExactly("a1", "b1", "c1", "d1").inOrder();
      assertThat(db.fetch("select version_num from retort_version").getValues(0, String.class))
          .containsExactly("d1");
    }
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
    assertThat(refused).hasMessageThat().contains("Gave up waiting for the migration lock");
    assertThat(refused).hasMessageThat().contains(":" + ProcessHandle.current().pid() + ":");
  }
}

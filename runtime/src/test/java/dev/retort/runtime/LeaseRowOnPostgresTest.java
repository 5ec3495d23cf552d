package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.runtime.RetortSettings.LockKind;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The lease-row lock forced on PostgreSQL, as on an engine without advisory locks (CockroachDB):
 * of two runners one applies, and no advisory lock is taken.
 */
class LeaseRowOnPostgresTest {

  @Test
  void twoRunners_withTheLeaseRow_oneApplies_andNoAdvisoryLockIsTaken() throws Exception {
    DataSource dataSource = TestDatabase.POSTGRES.create();
    DSLContext sql = DSL.using(dataSource, SQLDialect.POSTGRES);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    long[] advisoryLocksInside = new long[1];
    String[] leaseOwnerInside = new String[1];
    TestRegistry registry = TestRegistry.chain(3).edit("r0002").upgrade(db -> {
      db.execute("create table t_r0002 (id int)");
      advisoryLocksInside[0] = sql.fetchOne("select count(*) from pg_locks where locktype ="
          + " 'advisory' and database = (select oid from pg_database where datname ="
          + " current_database())").get(0, Long.class);
      leaseOwnerInside[0] = sql.fetchOne("select owner from retort_lock").get(0, String.class);
      inside.countDown();
      try {
        release.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }).build();
    RetortSettings leaseRow = RetortSettings.defaults().withLockKind(LockKind.LEASE_ROW);
    Retort first = Retort.using(dataSource, registry).withSettings(leaseRow);
    Retort second = Retort.using(dataSource, registry).withSettings(leaseRow);

    CompletableFuture<List<MigrationStep>> applying = CompletableFuture.supplyAsync(first::upgrade);
    inside.await(2, TimeUnit.MINUTES);
    // The second runner finds the lease row taken; it waits, however long the first takes.
    CompletableFuture<List<MigrationStep>> waiting =
        CompletableFuture.supplyAsync(second::upgrade);
    release.countDown();

    List<MigrationStep> applied = applying.get(2, TimeUnit.MINUTES);
    List<MigrationStep> alsoApplied = waiting.get(2, TimeUnit.MINUTES);
    assertThat(applied.size() + alsoApplied.size()).isEqualTo(3);
    assertThat(advisoryLocksInside[0]).isEqualTo(0);
    assertThat(leaseOwnerInside[0]).isNotNull();
    assertThat(sql.fetchOne("select count(*) from retort_history where direction = 'up'").get(0, Integer.class)).isEqualTo(3);
    assertThat(sql.fetchOne("select count(*) from retort_lock").get(0, Integer.class)).isEqualTo(0);
  }

  @Test
  void theDefault_onPostgres_isTheAdvisoryLock() throws Exception {
    DataSource dataSource = TestDatabase.POSTGRES.create();
    DSLContext sql = DSL.using(dataSource, SQLDialect.POSTGRES);
    long[] advisory = new long[1];
    TestRegistry registry = TestRegistry.builder().revision("a1").upgrade(db -> advisory[0] =
        sql.fetchOne("select count(*) from pg_locks where locktype = 'advisory'").get(0, Long.class))
        .build();

    Retort.using(dataSource, registry).upgrade();

    assertThat(advisory[0]).isAtLeast(1);
    assertThat(TestDatabase.tables(dataSource)).doesNotContain("retort_lock");
  }
}

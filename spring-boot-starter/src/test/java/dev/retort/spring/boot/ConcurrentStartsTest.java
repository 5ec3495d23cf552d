package dev.retort.spring.boot;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.runtime.AuditEntry;
import dev.retort.runtime.Retort;
import dev.retort.spring.boot.widgets.Revisions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Four instances of an application started at once against one new PostgreSQL database, as a
 * deployment that scales out does: one applies the revisions under the lock, the others wait and
 * find nothing to do, and all four start.
 */
class ConcurrentStartsTest {

  private static final int INSTANCES = 4;
  private static final List<String> databases = new ArrayList<>();

  @AfterAll
  static void dropDatabases() throws SQLException {
    TestDatabases.dropPostgresDatabases(databases);
  }

  @Test
  void fourInstancesStartingAtOnce_allStart_andEveryRevisionIsAppliedOnce() throws Exception {
    String database = TestDatabases.createPostgresDatabase("starter_concurrent_");
    databases.add(database);
    String url = TestDatabases.postgresUrl(database);
    CyclicBarrier together = new CyclicBarrier(INSTANCES);
    ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
    List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
    try {
      for (int i = 0; i < INSTANCES; i++) {
        starts.add(threads.submit(() -> {
          together.await(1, TimeUnit.MINUTES);
          return MinimalApplication.start(List.of("spring.datasource.url=" + url));
        }));
      }
      for (Future<ConfigurableApplicationContext> start : starts) {
        start.get(5, TimeUnit.MINUTES).close();
      }
    } finally {
      threads.shutdownNow();
    }

    Retort retort = Retort.using(new SimpleDriverDataSource(new org.postgresql.Driver(), url),
        Revisions.REGISTRY);
    List<AuditEntry> history = retort.auditTrail(100);
    assertThat(history.stream().map(AuditEntry::revision).toList()).containsExactly(
        Revisions.W3_UNIQUE_WIDGET_NAMES.id(), Revisions.W2_SEED_FIRST_WIDGET.id(),
        Revisions.W1_CREATE_WIDGETS.id()).inOrder();
    assertThat(history.stream().allMatch(AuditEntry::success)).isTrue();
    assertThat(retort.check().upToDate()).isTrue();
  }
}

package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.runtime.internal.database.ForwardingDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SQLite lets one connection write at a time, and the lease's renewal thread writes on a
 * connection of its own. A revision that reads, computes, then writes, used to fail with {@code
 * SQLITE_BUSY} whenever a renewal committed between its read and its write, because a deferred
 * SQLite transaction cannot start writing after another connection wrote. The revision's
 * "computation" here lasts a given number of renewal attempts, observed on the data source, so
 * the test never bets on how long anything takes: zero attempts is a revision shorter than the
 * renewal period, four is longer than the whole lease. A second runner waits meanwhile.
 */
class LeaseRenewalTest {

  /** Three renewal periods of 300 ms. */
  private static final Duration LEASE = Duration.ofMillis(900);
  private static final String RENEWAL_THREAD = "retort-lease-renewal";
  private static final String SECOND_RUNNER = "second-runner";

  @ParameterizedTest(name = "{0} journal, {1} renewal attempts between the read and the write")
  @CsvSource({"wal, 0", "wal, 1", "wal, 2", "wal, 4", "delete, 1", "delete, 4"})
  void aRevisionThatReadsComputesAndWrites_completes_whileAnotherRunnerWaits(String journal,
      int renewals) throws Exception {
    String url = "jdbc:sqlite:" + Files.createTempDirectory("retort-sqlite").resolve("db");
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("pragma journal_mode=" + journal);
    }
    Observed dataSource = new Observed(TestDatabase.open(url));
    CountDownLatch read = new CountDownLatch(1);
    TestRegistry.Builder chain = TestRegistry.chain(3);
    chain.edit("r0002").upgrade(db -> {
      int rows = db.fetchCount(DSL.table(DSL.unquotedName("t_r0001")));
      int attemptsAtRead = dataSource.renewalAttempts();
      read.countDown();
      dataSource.awaitRenewalAttempts(attemptsAtRead + renewals);
      dataSource.awaitSecondRunner();
      db.insertInto(DSL.table(DSL.unquotedName("t_r0001")), DSL.field(DSL.unquotedName("id")))
          .values(rows + 1).execute();
    });
    TestRegistry registry = chain.build();
    RetortSettings settings = RetortSettings.defaults().withLeaseDuration(LEASE);
    ExecutorService firstPool = Executors.newSingleThreadExecutor();
    ExecutorService secondPool = Executors.newSingleThreadExecutor(
        runnable -> new Thread(runnable, SECOND_RUNNER));
    try {
      Future<List<MigrationStep>> holder = firstPool.submit(
          () -> Retort.using(dataSource, registry).withSettings(settings).upgrade());
      read.await(1, TimeUnit.MINUTES);
      Future<List<MigrationStep>> waiter = secondPool.submit(
          () -> Retort.using(dataSource, registry).withSettings(settings).upgrade());

      assertThat(holder.get(1, TimeUnit.MINUTES)).hasSize(3);
      assertThat(waiter.get(1, TimeUnit.MINUTES)).isEmpty();
    } finally {
      firstPool.shutdownNow();
      secondPool.shutdownNow();
    }
    assertThat(StateRows.history(dataSource)).containsExactly(
        "r0001 up true null", "r0002 up true null", "r0003 up true null").inOrder();
    assertThat(DSL.using(dataSource, org.jooq.SQLDialect.SQLITE)
        .fetchCount(DSL.table(DSL.unquotedName("t_r0001")))).isEqualTo(1);
    assertThat(dataSource.renewalAttempts()).isAtLeast(renewals);
  }

  /**
   * A data source that counts the lease renewal thread's finished attempts (each takes a
   * connection of its own and closes it), gives that thread a short busy timeout so that an
   * attempt that waits for a writer ends soon, and notes when the second runner first touches
   * the lock table.
   */
  private static final class Observed extends ForwardingDataSource {
    private final Object monitor = new Object();
    private int renewalAttempts;
    private boolean secondRunnerAtTheLock;

    Observed(DataSource delegate) {
      super(delegate);
    }

    int renewalAttempts() {
      synchronized (monitor) {
        return renewalAttempts;
      }
    }

    void awaitRenewalAttempts(int attempts) {
      synchronized (monitor) {
        while (renewalAttempts < attempts) {
          waitForAChange(attempts + " renewal attempts, saw " + renewalAttempts);
        }
      }
    }

    void awaitSecondRunner() {
      synchronized (monitor) {
        while (!secondRunnerAtTheLock) {
          waitForAChange("the second runner at the lock table");
        }
      }
    }

    /** Waits for a notification; a minute without one fails the revision, and the test. */
    private void waitForAChange(String awaited) {
      try {
        long before = System.nanoTime();
        monitor.wait(Duration.ofMinutes(1).toMillis());
        if (System.nanoTime() - before >= Duration.ofMinutes(1).toNanos()) {
          throw new AssertionError("Waited a minute for " + awaited);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = delegate.getConnection();
      String thread = Thread.currentThread().getName();
      if (thread.equals(RENEWAL_THREAD)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("pragma busy_timeout = 50");
        }
      }
      InvocationHandler handler = (proxy, method, args) -> {
        if (thread.equals(SECOND_RUNNER) && method.getName().startsWith("prepare")
            && String.valueOf(args[0]).toLowerCase(Locale.ROOT).contains("retort_lock")) {
          synchronized (monitor) {
            secondRunnerAtTheLock = true;
            monitor.notifyAll();
          }
        }
        try {
          return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        } finally {
          if (thread.equals(RENEWAL_THREAD) && method.getName().equals("close")) {
            synchronized (monitor) {
              renewalAttempts++;
              monitor.notifyAll();
            }
          }
        }
      };
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }
  }
}

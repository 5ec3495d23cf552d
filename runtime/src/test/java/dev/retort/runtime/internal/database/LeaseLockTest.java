package dev.retort.runtime.internal.database;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.internal.state.StateSql;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner waiting for the lease, on an H2 file that several processes share with
 * AUTO_SERVER=TRUE, meets H2's refusals while the file passes between processes. Waiters that
 * looked again ten times a second kept the file from everyone: sixteen runners in the attack
 * harness once waited ten minutes so, the lease's holder among them. After each refusal a waiter
 * now pauses longer, at random. Proven by lower bounds on the pauses, which a slow machine only
 * lengthens.
 */
class LeaseLockTest {

  private static final int REFUSALS = 7;

  @TempDir Path folder;

  @Test
  void aWaiterRefusedByAnH2HandOff_looksAgainLaterAndLater_andGetsTheLeaseOnceItIsFree()
      throws Exception {
    String url = "jdbc:h2:" + folder.resolve("shared") + ";AUTO_SERVER=TRUE";
    RetortSettings settings = RetortSettings.defaults()
        .withLeaseDuration(Duration.ofMinutes(10)).withLockTimeout(Duration.ofMinutes(5));
    LeaseLock holder = LeaseLock.acquire(source(url, 0), SQLDialect.H2, settings, false);
    // Its first connection creates the lock table and reads the holder; the next REFUSALS are
    // refused as in a hand-off; the one after them reads the holder again.
    RefusingDataSource waiting = source(url, REFUSALS);

    CompletableFuture<LeaseLock> waiter = CompletableFuture.supplyAsync(() -> {
      try {
        return LeaseLock.acquire(waiting, SQLDialect.H2, settings, false);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    waiting.awaitAttempts(REFUSALS + 2);
    holder.close();
    waiter.get(5, TimeUnit.MINUTES).close();

    List<Long> pauses = waiting.pausesAfterRefusals();
    assertThat(pauses).hasSize(REFUSALS);
    // Half of each ceiling at least: 25, 50, 100, 200, 400, 800, 1,600 ms. Polling every
    // 100 ms instead, the last pauses would be a tenth as long.
    assertThat(pauses.get(4)).isAtLeast(400);
    assertThat(pauses.get(6)).isAtLeast(1_600);
  }

  /**
   * The lease row is read and written with plain JDBC and the texts {@link StateSql} keeps (which
   * its test holds to jOOQ's rendering of the table's definition): built and fetched through jOOQ
   * in a fresh JVM, taking the lease cost ten times what its statements do.
   */
  @Test
  void theLease_isTakenRenewedAndGivenBack_withTheStatementTextsStateSqlKeeps() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:" + folder.resolve("texts"));
    RecordingDataSource recording = new RecordingDataSource(h2);
    RetortSettings settings = RetortSettings.defaults().withLeaseDuration(Duration.ofMillis(300));
    StateSql sql = new StateSql(settings);
    String renew = sql.sql(StateSql.Statement.RENEW_LEASE);

    LeaseLock lock = LeaseLock.acquire(recording, SQLDialect.H2, settings, false);
    // The renewer's first turn comes a third of the lease after; waiting for it bets on nothing.
    // Bounded only so that a renewer that never turns fails the test instead of hanging it.
    long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!recording.texts().contains(renew)) {
      assertWithMessage("the lease was not renewed within a minute")
          .that(System.nanoTime() - giveUp).isLessThan(0L);
      Thread.sleep(10);
    }
    lock.close();

    List<String> texts = recording.texts();
    String select = sql.sql(StateSql.Statement.SELECT_LEASE);
    String insert = sql.sql(StateSql.Statement.INSERT_LEASE);
    String release = sql.sql(StateSql.Statement.RELEASE_LEASE);
    // The renewer may turn again, even while the lease is given back; each text is one of four.
    // (jOOQ runs the table's CREATE as a plain statement, which prepares nothing.)
    assertThat(new LinkedHashSet<>(texts)).containsExactly(select, insert, renew, release);
    assertThat(texts.indexOf(select)).isLessThan(texts.indexOf(insert));
    assertThat(texts.indexOf(insert)).isLessThan(texts.indexOf(release));
    assertThat(LeaseLock.runnerName()).matches(".+:[0-9]+:[0-9a-f]{8}");
  }

  /** A data source that notes the text of every statement its connections prepare. */
  private static final class RecordingDataSource extends ForwardingDataSource {
    private final List<String> texts = new CopyOnWriteArrayList<>();

    RecordingDataSource(DataSource delegate) {
      super(delegate);
    }

    List<String> texts() {
      return List.copyOf(texts);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return ObservedConnection.of(delegate.getConnection(), (method, arguments) -> {
        if (method.equals("prepareStatement")) {
          texts.add(((String) arguments[0]).toLowerCase(Locale.ROOT));
        }
      });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException("Retort asks for connections without a user");
    }
  }

  private static RefusingDataSource source(String url, int refusals) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(url);
    h2.setUser("sa");
    return new RefusingDataSource(h2, refusals);
  }

  /**
   * H2's data source, saying its URL as pools do, refusing the connections after its first as
   * H2 does during a hand-off, and noting when each was asked for.
   */
  public static final class RefusingDataSource implements DataSource {
    private final JdbcDataSource h2;
    private final int refusals;
    private final List<Long> attemptNanos = new CopyOnWriteArrayList<>();

    RefusingDataSource(JdbcDataSource h2, int refusals) {
      this.h2 = h2;
      this.refusals = refusals;
    }

    /** The URL, as pools report theirs. */
    public String getUrl() {
      return h2.getURL();
    }

    @Override
    public Connection getConnection() throws SQLException {
      attemptNanos.add(System.nanoTime());
      int attempt = attemptNanos.size();
      if (attempt > 1 && attempt <= refusals + 1) {
        throw new SQLException("Error opening database: \"Lock file recently modified\""
            + " [8000-232]", "08000", 8000);
      }
      return h2.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException("Retort asks for connections without a user");
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("Not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }

    void awaitAttempts(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (attemptNanos.size() < count) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("only " + attemptNanos.size() + " attempts in two minutes");
        }
        Thread.sleep(20);
      }
    }

    /** The time from each refused attempt to the next attempt. */
    List<Long> pausesAfterRefusals() {
      List<Long> pauses = new CopyOnWriteArrayList<>();
      for (int refused = 2; refused <= refusals + 1; refused++) {
        pauses.add(TimeUnit.NANOSECONDS.toMillis(
            attemptNanos.get(refused) - attemptNanos.get(refused - 1)));
      }
      return pauses;
    }
  }
}

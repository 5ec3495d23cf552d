package dev.retort.runtime.internal.database;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.messages.Messages;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * How a connection is waited for: opened on a thread of its own, handed over, given up at the
 * timeout or when the caller stops waiting, and never left open when nobody takes it. The driver
 * here answers only when a test lets it, so no case depends on how fast the machine is; the only
 * timeout that runs out is that of a driver that is never let answer.
 */
class ConnectorTest {

  private static final Duration PATIENT = Duration.ofMinutes(5);

  /**
   * A data source whose driver answers when the test opens the gate, with a connection that
   * counts down {@link #closed} when closed; or fails with {@link #failure} if one is set.
   */
  private static final class GatedDataSource extends ForwardingDataSource {

    final CountDownLatch asked = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    final AtomicInteger attempts = new AtomicInteger();
    volatile SQLException failure;

    GatedDataSource() {
      super(new JdbcDataSource());
    }

    @Override
    public Connection getConnection() throws SQLException {
      attempts.incrementAndGet();
      asked.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        throw new SQLException(e);
      }
      SQLException failed = failure;
      if (failed != null) {
        failure = null;
        throw failed;
      }
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
            if (method.getName().equals("close")) {
              closed.countDown();
            }
            return null;
          });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }
  }

  private static boolean settles(CountDownLatch latch) throws InterruptedException {
    return latch.await(1, TimeUnit.MINUTES);
  }

  @Test
  void aConnectionBegun_isBeingOpenedBeforeTheCallerAsksForIt() throws Exception {
    GatedDataSource dataSource = new GatedDataSource();

    Connector.Pending pending = new Connector(dataSource, PATIENT, failure -> false).begin();

    assertThat(settles(dataSource.asked)).isTrue();
    dataSource.gate.countDown();
    Connection connection = pending.connection();
    assertThat(dataSource.attempts.get()).isEqualTo(1);
    assertThat(dataSource.closed.getCount()).isEqualTo(1);
    connection.close();
  }

  @Test
  void aDriverThatNeverAnswers_isGivenUpAtTheTimeout_andItsLateConnectionIsClosed()
      throws Exception {
    GatedDataSource dataSource = new GatedDataSource();
    Duration timeout = Duration.ofMillis(50);

    SQLTimeoutException timedOut = assertThrows(SQLTimeoutException.class,
        () -> new Connector(dataSource, timeout, failure -> false).connect());

    assertThat(timedOut.getMessage()).isEqualTo(Messages.connectTimedOut(timeout, null));
    dataSource.gate.countDown();
    assertThat(settles(dataSource.closed)).isTrue();
  }

  @Test
  void aConnectionGivenUpBeforeItArrives_isClosedWhenItDoes() throws Exception {
    GatedDataSource dataSource = new GatedDataSource();

    Connector.Pending pending = new Connector(dataSource, PATIENT, failure -> false).begin();
    pending.abandon();
    dataSource.gate.countDown();

    assertThat(settles(dataSource.closed)).isTrue();
  }

  @Test
  void aConnectionHandedOverBeforeItWasGivenUp_isClosedWhenItIs() throws Exception {
    GatedDataSource dataSource = new GatedDataSource();
    dataSource.gate.countDown();
    Connector.Arrival arrival = new Connector.Arrival(PATIENT);

    arrival.arrive(dataSource.getConnection());
    assertThat(dataSource.closed.getCount()).isEqualTo(1);
    arrival.abandon();

    assertThat(dataSource.closed.getCount()).isEqualTo(0);
  }

  @Test
  void aConnectionHandedOverAfterItWasGivenUp_isClosedAsItArrives() throws Exception {
    GatedDataSource dataSource = new GatedDataSource();
    dataSource.gate.countDown();
    Connector.Arrival arrival = new Connector.Arrival(PATIENT);

    arrival.abandon();
    arrival.arrive(dataSource.getConnection());

    assertThat(dataSource.closed.getCount()).isEqualTo(0);
  }

  @Test
  void aWaitThatIsInterrupted_leavesTheConnectionToBeClosedWhenItArrives() throws Exception {
    GatedDataSource dataSource = new GatedDataSource();
    Connector connector = new Connector(dataSource, PATIENT, failure -> false);

    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, connector::connect);
    dataSource.gate.countDown();

    assertThat(settles(dataSource.closed)).isTrue();
  }

  @Test
  void theDriversFailure_isThrownAsItWas_andTriedOnceUnlessItIsMomentary() throws Exception {
    GatedDataSource refused = new GatedDataSource();
    refused.gate.countDown();
    SQLException refusal = new SQLException("refused", "08001");
    refused.failure = refusal;

    SQLException thrown = assertThrows(SQLException.class,
        () -> new Connector(refused, PATIENT, failure -> false).connect());

    assertThat((Object) thrown).isSameInstanceAs(refusal);
    assertThat(refused.attempts.get()).isEqualTo(1);
  }

  @Test
  void aDataSourceThatGivesNull_isReportedAsSuch_notAsANullConnection() {
    ForwardingDataSource givesNull = new ForwardingDataSource(new JdbcDataSource()) {
      @Override
      public Connection getConnection() {
        return null;
      }

      @Override
      public Connection getConnection(String user, String password) {
        return null;
      }
    };

    SQLException refused = assertThrows(SQLException.class,
        () -> new Connector(givesNull, PATIENT, failure -> false).connect());

    assertThat(refused.getMessage()).isEqualTo(Messages.noConnectionFromDataSource());
  }

  @Test
  void aMomentaryFailureOfTheAttemptBegun_isTriedAgain() throws Exception {
    GatedDataSource handingOver = new GatedDataSource();
    SQLException momentary = new SQLException("handing over", "08001");
    handingOver.failure = momentary;

    Connector.Pending pending =
        new Connector(handingOver, PATIENT, failure -> failure == momentary).begin();
    handingOver.gate.countDown();

    pending.connection().close();
    assertThat(handingOver.attempts.get()).isEqualTo(2);
    assertThat(settles(handingOver.closed)).isTrue();
  }
}

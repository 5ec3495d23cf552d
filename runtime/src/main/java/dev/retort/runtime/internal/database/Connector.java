package dev.retort.runtime.internal.database;

import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Opens the connections a command starts with, within the lock timeout: the timeout bounds the
 * whole wait for the database, not only the wait for the lock. A failure that lasts a moment only
 * on this data source ({@link DatabaseProfile#momentaryFailures}: H2 handing a file opened with
 * AUTO_SERVER=TRUE over between processes) is tried again until then, any other fails at once,
 * and a driver that does not return at all (H2 once hung in that hand-off for eleven minutes) is
 * given up on then, its connection closed if it ever arrives.
 */
public final class Connector {

  private final DataSource dataSource;
  private final Duration timeout;
  private final Predicate<? super Exception> momentary;

  /**
   * Connects to a data source within a timeout, trying again on the failures {@code momentary}
   * accepts: the data source's {@link DatabaseProfile#momentaryFailures}.
   */
  public Connector(DataSource dataSource, Duration timeout,
      Predicate<? super Exception> momentary) {
    this.dataSource = dataSource;
    this.timeout = timeout;
    this.momentary = momentary;
  }

  /**
   * A connection from the data source.
   *
   * @throws SQLException what the driver threw, if it is no momentary failure; a {@link
   *     SQLTimeoutException} if no connection came within the timeout
   * @throws InterruptedException if interrupted while waiting
   */
  public Connection connect() throws SQLException, InterruptedException {
    return begin().connection();
  }

  /**
   * Starts opening a connection and returns at once, so that the caller can do work of its own
   * while the driver loads and the database answers; {@link Pending#connection()} then waits for
   * it. The timeout counts from now.
   */
  public Pending begin() {
    long deadline = System.nanoTime() + timeout.toNanos();
    return new Pending(deadline, attempt());
  }

  /** A connection being opened: the first attempt is under way. Used by one thread, once. */
  public final class Pending {

    private final long deadline;
    private Arrival first;

    private Pending(long deadline, Arrival first) {
      this.deadline = deadline;
      this.first = first;
    }

    /**
     * The connection, once the driver has given it, trying again as {@link Connector#connect()}
     * does.
     *
     * @throws SQLException what the driver threw, if it is no momentary failure; a {@link
     *     SQLTimeoutException} if no connection came within the timeout
     * @throws InterruptedException if interrupted while waiting; a connection that arrives later
     *     is closed
     */
    public Connection connection() throws SQLException, InterruptedException {
      return retrying(deadline, timeout, () -> {
        Arrival arrival = first == null ? attempt() : first;
        first = null;
        return arrival.await(deadline);
      }, momentary);
    }

    /**
     * Gives the connection up before waiting for it, for a caller that failed in its own work:
     * the connection is closed whenever it arrives.
     */
    public void abandon() {
      if (first != null) {
        first.abandon();
        first = null;
      }
    }
  }

  /** Work against the database that may fail for a moment only. */
  public interface Attempt<T> {
    T run() throws SQLException, InterruptedException;
  }

  /**
   * Runs work, and runs it again while it fails in a way {@code momentary} accepts (the data
   * source's {@link DatabaseProfile#momentaryFailures}), with jittered, growing pauses ({@link
   * Backoff}), until the timeout has passed; logs the first such failure. For work that may run
   * twice and takes a connection of its own each time: a connect, a statement on a data source, a
   * command in a fresh session.
   *
   * @throws SQLException what the work threw last, if it is no momentary failure; a {@link
   *     SQLTimeoutException} if the timeout passed
   * @throws RuntimeException what the work threw, if it is no momentary failure
   * @throws InterruptedException if interrupted while waiting
   */
  public static <T> T retrying(Duration timeout, Attempt<T> attempt,
      Predicate<? super Exception> momentary) throws SQLException, InterruptedException {
    return retrying(System.nanoTime() + timeout.toNanos(), timeout, attempt, momentary);
  }

  private static <T> T retrying(long deadline, Duration timeout, Attempt<T> attempt,
      Predicate<? super Exception> momentary) throws SQLException, InterruptedException {
    Backoff backoff = Backoff.afterMomentaryFailure();
    boolean announced = false;
    while (true) {
      Exception failure;
      try {
        return attempt.run();
      } catch (SQLException | RuntimeException e) {
        failure = e;
      }
      if (!momentary.test(failure)) {
        if (failure instanceof SQLException sql) {
          throw sql;
        }
        throw (RuntimeException) failure;
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new SQLTimeoutException(Messages.connectTimedOut(timeout, failure.getMessage()),
            failure);
      }
      if (!announced) {
        // Asked for here, not held in a field: a retry is rare, and connecting need not start the
        // logger.
        LoggerFactory.getLogger(Connector.class)
            .info(Messages.retryingConnect(failure.getMessage(), timeout));
        announced = true;
      }
      // Jittered and growing, so that processes refused together do not come back together:
      // each H2 open rewrites the lock file, which makes the others' opens fail again.
      Thread.sleep(Math.min(backoff.pauseMillis(ThreadLocalRandom.current()), left));
      backoff = backoff.next();
    }
  }

  /** One attempt, on a thread of its own so that a driver that never returns is left behind. */
  private Arrival attempt() {
    Arrival arrival = new Arrival(timeout);
    Thread thread = new Thread(() -> {
      try {
        Connection connection = dataSource.getConnection();
        if (connection == null) {
          throw new SQLException(Messages.noConnectionFromDataSource());
        }
        arrival.arrive(connection);
      } catch (Throwable e) {
        arrival.fail(e);
      }
    }, "retort-connect");
    thread.setDaemon(true);
    thread.start();
    return arrival;
  }

  /**
   * What an attempt's thread hands over: a connection or a failure, unless the caller gave up
   * first, in which case a connection that arrives is closed. A monitor rather than a {@code
   * CompletableFuture}, whose class starts the common fork-join pool: every start-up connects.
   */
  static final class Arrival {

    private final Duration timeout;
    private Connection connection;
    private Throwable failure;
    private boolean settled;
    private boolean abandoned;

    Arrival(Duration timeout) {
      this.timeout = timeout;
    }

    synchronized void arrive(Connection arrived) {
      if (abandoned) {
        closeQuietly(arrived);
        return;
      }
      connection = arrived;
      settled = true;
      notifyAll();
    }

    synchronized void fail(Throwable failed) {
      failure = failed;
      settled = true;
      notifyAll();
    }

    synchronized void abandon() {
      abandoned = true;
      if (connection != null) {
        closeQuietly(connection);
        connection = null;
      }
    }

    /** The connection, or the driver's failure, waiting until the deadline at most. */
    synchronized Connection await(long deadline) throws SQLException, InterruptedException {
      try {
        while (!settled) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            abandoned = true;
            throw new SQLTimeoutException(Messages.connectTimedOut(timeout, null));
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      } catch (InterruptedException e) {
        abandon();
        throw e;
      }
      if (connection != null) {
        return connection;
      }
      if (failure instanceof SQLException sql) {
        throw sql;
      }
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      throw new SQLException(failure);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // A connection nobody waits for any more; closing it is a courtesy to the database.
    }
  }
}

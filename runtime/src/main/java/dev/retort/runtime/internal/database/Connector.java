package dev.retort.runtime.internal.database;

import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.slf4j.Logger;
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

  private static final Logger log = LoggerFactory.getLogger(Connector.class);

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
    long deadline = System.nanoTime() + timeout.toNanos();
    return retrying(timeout, () -> attempt(deadline), momentary);
  }

  /** Work against the database that may fail for a moment only. */
  public interface Attempt<T> {
    T run() throws SQLException, InterruptedException;
  }

  /**
   * Runs work, and runs it again while it fails in a way {@code momentary} accepts (the data
   * source's {@link DatabaseProfile#momentaryFailures}), with jittered, growing pauses ({@link Backoff}), until the timeout
   * has passed; logs the first such failure. For work that may run twice and takes a connection
   * of its own each time: a connect, a statement on a data source, a command in a fresh session.
   *
   * @throws SQLException what the work threw last, if it is no momentary failure; a {@link
   *     SQLTimeoutException} if the timeout passed
   * @throws RuntimeException what the work threw, if it is no momentary failure
   * @throws InterruptedException if interrupted while waiting
   */
  public static <T> T retrying(Duration timeout, Attempt<T> attempt,
      Predicate<? super Exception> momentary) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
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
        log.info(Messages.retryingConnect(failure.getMessage(), timeout));
        announced = true;
      }
      // Jittered and growing, so that processes refused together do not come back together:
      // each H2 open rewrites the lock file, which makes the others' opens fail again.
      Thread.sleep(Math.min(backoff.pauseMillis(ThreadLocalRandom.current()), left));
      backoff = backoff.next();
    }
  }

  /** One attempt, on a thread of its own so that a driver that never returns is left behind. */
  private Connection attempt(long deadline) throws SQLException, InterruptedException {
    CompletableFuture<Connection> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        Connection connection = dataSource.getConnection();
        if (!result.complete(connection)) {
          closeQuietly(connection);
        }
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, "retort-connect");
    thread.setDaemon(true);
    thread.start();
    try {
      result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return settled(result);
    } catch (ExecutionException failed) {
      return settled(result);
    } catch (TimeoutException e) {
      SQLTimeoutException timedOut =
          new SQLTimeoutException(Messages.connectTimedOut(timeout, null));
      if (result.completeExceptionally(timedOut)) {
        throw timedOut;
      }
      // The driver answered just now.
      return settled(result);
    } catch (InterruptedException e) {
      if (!result.completeExceptionally(e) && !result.isCompletedExceptionally()) {
        closeQuietly(result.join());
      }
      throw e;
    }
  }

  private static Connection settled(CompletableFuture<Connection> result) throws SQLException,
      InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new SQLException(cause);
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

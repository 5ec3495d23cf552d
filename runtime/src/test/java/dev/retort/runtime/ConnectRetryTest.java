package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.internal.database.ForwardingDataSource;
import dev.retort.runtime.messages.Messages;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which refused connections a command tries again within the lock timeout: H2's refusals while a
 * file opened with AUTO_SERVER=TRUE passes between processes, and nothing else. Counted, not
 * timed: the lock timeout is minutes long, and a data source that is asked once more than a
 * case allows fails the test at that attempt, so a retry shows at once instead of after the
 * timeout.
 */
class ConnectRetryTest {

  /** Long enough that only a command that does not retry finishes any test in time. */
  private static final RetortSettings PATIENT =
      RetortSettings.defaults().withLockTimeout(Duration.ofMinutes(5));

  @TempDir
  Path folder;

  private static Retort retort(DataSource dataSource) {
    return Retort.using(dataSource, TestRegistry.chain(2).build()).withSettings(PATIENT);
  }

  /** The refusal H2 reports while the process that served an AUTO_SERVER file has just left. */
  private static SQLException handOffRefusal() {
    return new SQLException("Connection is broken: \"java.net.ConnectException: Connection"
        + " refused\" [90067-232]", "90067", 90067);
  }

  @Test
  void aRefusedTcpServer_failsAtTheFirstAttempt_withTheConnectionError() {
    // H2 reports the refusal with 90067, the code it also gives the AUTO_SERVER hand-off.
    CountingDataSource refused =
        CountingDataSource.of("jdbc:h2:tcp://127.0.0.1:1/mem:x", "sa", "", 1);

    RetortException failure = assertThrows(RetortException.class, retort(refused)::upgrade);

    assertThat(refused.attempts()).isEqualTo(1);
    assertThat(refused.lastFailure().getErrorCode()).isEqualTo(90067);
    assertThat(failure).hasMessageThat()
        .isEqualTo(Messages.cannotConnect(refused.lastFailure().getMessage()));
    assertThat(failure).hasMessageThat().doesNotContain("\n");
  }

  @Test
  void aMissingFile_andAWrongPassword_onAnAutoServerUrl_failAtTheFirstAttempt() throws Exception {
    String missing = "jdbc:h2:" + folder.resolve("missing/db") + ";IFEXISTS=TRUE;AUTO_SERVER=TRUE";
    String guarded = "jdbc:h2:" + folder.resolve("guarded") + ";AUTO_SERVER=TRUE";
    try (Connection owner = UrlDataSource.of(guarded, "sa", "").getConnection();
        Statement statement = owner.createStatement()) {
      statement.execute("alter user sa set password 'Right-S3cret'");
    }

    for (CountingDataSource counted : List.of(CountingDataSource.of(missing, "sa", "", 1),
        CountingDataSource.of(guarded, "sa", "Wr0ng-Pa55word", 1))) {

      RetortException failure = assertThrows(RetortException.class, retort(counted)::current);

      assertThat(counted.attempts()).isEqualTo(1);
      assertThat(failure).hasMessageThat()
          .isEqualTo(Messages.cannotConnect(counted.lastFailure().getMessage()));
    }
  }

  @Test
  void aHandOffRefusal_onAnAutoServerUrl_isTriedAgain_untilTheDatabaseAnswers() throws Exception {
    String url = "jdbc:h2:" + folder.resolve("shared") + ";auto_server=true";
    CountingDataSource handingOver =
        CountingDataSource.refusingFirst(url, 2, handOffRefusal());

    List<MigrationStep> steps = retort(handingOver).upgrade();

    assertThat(steps).hasSize(2);
    assertThat(handingOver.attempts()).isGreaterThan(2);
  }

  @Test
  void theSameRefusal_onAUrlWithoutAutoServer_failsAtTheFirstAttempt() {
    String url = "jdbc:h2:" + folder.resolve("alone");
    CountingDataSource alone =
        CountingDataSource.refusingFirst(url, 1, handOffRefusal());

    RetortException failure = assertThrows(RetortException.class, retort(alone)::upgrade);

    assertThat(alone.attempts()).isEqualTo(1);
    assertThat(failure).hasMessageThat()
        .isEqualTo(Messages.cannotConnect(handOffRefusal().getMessage()));
  }

  /**
   * A data source as a pool wraps one: it says its URL as its {@code url} property, counts the
   * connections asked of it, refuses the first few with a given failure if told to, and fails
   * the test with an {@link AssertionError} (which no retry catches) when asked once more than
   * allowed.
   */
  public static final class CountingDataSource extends ForwardingDataSource {
    private final String url;
    private final int allowed;
    private final int refusals;
    private final SQLException refusal;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicReference<SQLException> lastFailure = new AtomicReference<>();

    private CountingDataSource(String url, String user, String password, int allowed,
        int refusals, SQLException refusal) {
      super(UrlDataSource.of(url, user, password));
      this.url = url;
      this.allowed = allowed;
      this.refusals = refusals;
      this.refusal = refusal;
    }

    /** Connections to a URL, at most {@code allowed} asked for. */
    static CountingDataSource of(String url, String user, String password, int allowed) {
      return new CountingDataSource(url, user, password, allowed, 0, null);
    }

    /** Connections to a URL as sa, the first {@code refusals} refused with {@code refusal}. */
    static CountingDataSource refusingFirst(String url, int refusals, SQLException refusal) {
      return new CountingDataSource(url, "sa", "", Integer.MAX_VALUE, refusals, refusal);
    }

    int attempts() {
      return attempts.get();
    }

    SQLException lastFailure() {
      return lastFailure.get();
    }

    /** The URL, as pools report theirs. */
    public String getUrl() {
      return url;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return counted(DataSource::getConnection);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return counted(source -> source.getConnection(user, password));
    }

    private interface Open {
      Connection from(DataSource source) throws SQLException;
    }

    private Connection counted(Open open) throws SQLException {
      int attempt = attempts.incrementAndGet();
      if (attempt > allowed) {
        throw new AssertionError("connection attempt " + attempt + ", at most " + allowed
            + " expected: the refusal before it was tried again");
      }
      try {
        if (attempt <= refusals) {
          throw refusal;
        }
        return open.from(delegate);
      } catch (SQLException e) {
        lastFailure.set(e);
        throw e;
      }
    }
  }
}

package dev.retort.runtime.internal.execution;

import dev.retort.runtime.ChecksumMismatchException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.internal.database.Connector;
import dev.retort.runtime.internal.graph.Graph;
import dev.retort.runtime.internal.state.StateReader;
import dev.retort.runtime.internal.state.StateReader.Recorded;
import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database is already at every head, read with plain JDBC and without the lock: all
 * that an application's start-up with nothing to do should cost. It loads no migration class and
 * no jOOQ.
 */
public final class UpToDate {

  private final Database database;
  private final RevisionRegistry registry;

  public UpToDate(Database database, RevisionRegistry registry) {
    this.database = database;
    this.registry = registry;
  }

  /**
   * What the check found.
   *
   * @param atEveryHead whether the database is at every head
   * @param connection when it is not, the connection the check read on, open and in auto-commit
   *     mode, for the command that follows to take over and close; {@code null} when it is, when
   *     a read failed, or when the connection came outside auto-commit mode
   */
  public record Outcome(boolean atEveryHead, Connection connection) {}

  /**
   * Whether the database is at every head. It refuses as upgrade does (an edited revision);
   * anything else, including a read that fails or an unfinished row that only the lock can
   * judge, is left to the locked path, which reports it. When the database is behind, the check's
   * connection is handed on: an embedded H2 database closes with its last connection, and opening
   * a large one again costs as much as the first time.
   *
   * @throws ChecksumMismatchException if an applied revision was edited since
   * @throws RetortException if no connection can be had: the locked path would connect the same
   *     way, after the same retries, and fail again
   */
  public Outcome check() {
    // The logger starts first: a driver that logs through SLF4J while it is starting on another
    // thread gets stand-in loggers, and SLF4J prints a warning when it replays their calls.
    Logger log = LoggerFactory.getLogger(Retort.class);
    // The driver loads and the database answers on the connect thread while this one reads the
    // registry: on a cold JVM that takes tens of milliseconds for a thousand revisions.
    Connector.Pending pending = database.beginConnecting();
    Graph graph;
    try {
      graph = new Graph(registry);
    } catch (RuntimeException | Error e) {
      pending.abandon();
      throw e;
    }
    Connection connection;
    try {
      connection = database.connection(pending);
    } catch (SQLException e) {
      throw new RetortException(Messages.cannotConnect(String.valueOf(e.getMessage())), e);
    }
    boolean handedOn = false;
    try {
      // Only a connection in auto-commit mode is handed on. Outside it, the reads run in a
      // transaction that a missing table aborts on PostgreSQL, and the session's switch to
      // auto-commit would then roll back what came before them: a migration schema's search path.
      boolean autoCommit = connection.getAutoCommit();
      boolean atEveryHead = atEveryHead(connection, graph, log);
      handedOn = !atEveryHead && autoCommit;
      return new Outcome(atEveryHead, handedOn ? connection : null);
    } catch (SQLException e) {
      if (log.isDebugEnabled()) {
        log.debug(Messages.unlockedReadFailed(e.getMessage()));
      }
      return new Outcome(false, null);
    } finally {
      if (!handedOn) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // Only read on; the command that follows, if any, connects again.
        }
      }
    }
  }

  private boolean atEveryHead(Connection connection, Graph graph, Logger log)
      throws SQLException {
    StateReader reader = new StateReader(database.sql(), database.profile(connection));
    List<Integer> heads = new ArrayList<>();
    for (String id : reader.heads(connection)) {
      Optional<RevisionInfo> known = registry.revision(id);
      if (known.isEmpty()) {
        return false;
      }
      heads.add(known.get().index());
    }
    // Usually the rows are the registry's heads; a head that another revision depends on is
    // implied by it instead, so what counts is that the rows imply every revision.
    BitSet applied = graph.closure(heads);
    if (applied.cardinality() != graph.size()) {
      return false;
    }
    Map<String, Recorded> recorded = reader.recorded(connection);
    // An unfinished row may belong to a runner working right now (a downgrade, say): only the
    // lock can tell, so the locked path decides.
    for (Recorded row : recorded.values()) {
      if (row.unresolvedFailure()) {
        return false;
      }
    }
    new Preflight(graph).check(recorded, heads, applied);
    if (log.isInfoEnabled()) {
      // Only when it is printed: the catalogue is a large class that a start-up with nothing to
      // do need not load otherwise.
      heads.sort(null);
      log.info(Messages.nothingToDo("upgrade", Messages.heads(
          heads.stream().map(i -> graph.revision(i).id()).toList())));
    }
    return true;
  }
}

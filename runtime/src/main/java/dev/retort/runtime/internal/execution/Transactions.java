package dev.retort.runtime.internal.execution;

import dev.retort.runtime.RetortException;
import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Transactions on a command's connection, with plain JDBC. jOOQ's transaction API derives a
 * configuration per call, which a run of a thousand revisions pays a thousand times.
 */
final class Transactions {

  private Transactions() {}

  /** Work on the command's connection that may throw what JDBC throws. */
  interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs work in a transaction: commits it, or rolls it back and rethrows. The connection is in
   * auto-commit mode again afterwards.
   *
   * @throws RetortException if JDBC fails (Retort's own writes, or the commit); what the work
   *     throws otherwise is rethrown as it is
   */
  static <T> T run(Connection connection, Work<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run();
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error failed) {
        try {
          connection.rollback();
        } catch (SQLException rollbackFailed) {
          failed.addSuppressed(rollbackFailed);
        }
        throw failed;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new RetortException(Messages.stateWriteFailed(e.getMessage()), e);
    }
  }
}

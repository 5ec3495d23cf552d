package dev.retort.runtime.internal.database;

import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the statements a profile sets a session up and tears it down with. */
final class Sessions {

  private static final Logger log = LoggerFactory.getLogger(Sessions.class);

  private Sessions() {}

  /**
   * Runs a query that returns one row, if the server's major version is at least {@code
   * sinceVersion}.
   *
   * @return the row's first column; empty where the query did not run
   */
  static Optional<String> firstValue(Connection connection, int sinceVersion, String sql) {
    try {
      if (connection.getMetaData().getDatabaseMajorVersion() < sinceVersion) {
        return Optional.empty();
      }
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery(sql)) {
        return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException notOffered) {
      if (log.isDebugEnabled()) {
        log.debug(Messages.sessionSetUpSkipped(sql, notOffered.getMessage()));
      }
      return Optional.empty();
    }
  }

  /** A step on a session that may fail. */
  interface SessionStep {
    void run() throws SQLException;
  }

  /** Runs a step; where the database refuses it, says so at debug level and goes on. */
  static void attempt(String description, SessionStep step) {
    try {
      step.run();
    } catch (SQLException refused) {
      if (log.isDebugEnabled()) {
        log.debug(Messages.sessionSetUpSkipped(description, refused.getMessage()));
      }
    }
  }
}

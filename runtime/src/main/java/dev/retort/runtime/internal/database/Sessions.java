package dev.retort.runtime.internal.database;

import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the statements a profile sets a session up and tears it down with. */
final class Sessions {

  private static final Logger log = LoggerFactory.getLogger(Sessions.class);

  private Sessions() {}

  /**
   * Runs a statement if the server's major version is at least {@code sinceVersion}.
   *
   * @return whether it ran
   */
  static boolean execute(Connection connection, int sinceVersion, String sql) {
    try {
      if (connection.getMetaData().getDatabaseMajorVersion() < sinceVersion) {
        return false;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
      return true;
    } catch (SQLException notOffered) {
      if (log.isDebugEnabled()) {
        log.debug(Messages.sessionSetUpSkipped(sql, notOffered.getMessage()));
      }
      return false;
    }
  }
}

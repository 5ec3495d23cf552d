package dev.retort.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;

/** What the state tables hold, read with plain SQL rather than through Retort. */
final class StateRows {

  private StateRows() {}

  /** The revisions the history records as upgraded successfully, in the order they ran. */
  static List<String> upgrades(DataSource dataSource) throws SQLException {
    return strings(dataSource, "select revision from retort_history"
        + " where direction = 'up' and success = true order by id");
  }

  /** Every history row, as {@code revision direction success rolled_back}, oldest first. */
  static List<String> history(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DSLContext db = DSL.using(connection, JDBCUtils.dialect(connection));
      return db.fetch("select revision, direction, success, rolled_back, finished_at"
              + " from retort_history order by id")
          .map(row -> row.get(0) + " " + row.get(1) + " " + row.get(2, Boolean.class) + " "
              + row.get(3, Boolean.class) + (row.get(4) == null ? " unfinished" : ""));
    }
  }

  /**
   * When the latest history row of a revision started, and on which host, as the driver reads
   * them back: what an unresolved failure's message quotes.
   */
  static String[] latest(DataSource dataSource, String revision) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        java.sql.PreparedStatement query = connection.prepareStatement("select started_at, host"
            + " from retort_history where revision = ? order by id desc")) {
      query.setString(1, revision);
      try (java.sql.ResultSet row = query.executeQuery()) {
        row.next();
        return new String[] {row.getString(1), row.getString(2)};
      }
    }
  }

  /** The version table's rows. */
  static List<String> versions(DataSource dataSource) throws SQLException {
    return strings(dataSource, "select version_num from retort_version order by version_num");
  }

  private static List<String> strings(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return DSL.using(connection, JDBCUtils.dialect(connection)).fetch(sql)
          .getValues(0, String.class);
    }
  }
}

package dev.retort.runtime.internal.state;

import dev.retort.runtime.RetortException;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.internal.database.DatabaseProfile;
import dev.retort.runtime.internal.state.StateSql.Statement;
import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses a state table that exists without Retort's shape, before anything reads or writes it:
 * a setting such as {@code version_table=users} must not make {@code stamp --purge} empty the
 * application's {@code users} table. A table has Retort's shape when its columns are exactly the
 * ones Retort creates, in any order and letter case.
 */
public final class StateTableShapes {

  /** One of Retort's tables: what messages call it, and how to read its shape. */
  public enum Role {
    VERSION("version table", Statement.SHAPE_OF_VERSION, StateTables.VERSION_COLUMNS),
    HISTORY("history table", Statement.SHAPE_OF_HISTORY, StateTables.HISTORY_TABLE_COLUMNS),
    LOCK("lock table", Statement.SHAPE_OF_LOCK, StateTables.LOCK_COLUMNS);

    private final String description;
    private final Statement shape;
    private final List<String> columns;

    Role(String description, Statement shape, List<String> columns) {
      this.description = description;
      this.shape = shape;
      this.columns = columns;
    }

    /** The table's name as the settings give it. */
    String name(RetortSettings settings) {
      return switch (this) {
        case VERSION -> settings.versionTable();
        case HISTORY -> settings.historyTable();
        case LOCK -> settings.lockTable();
      };
    }
  }

  private final StateSql sql;
  private final RetortSettings settings;
  private final DatabaseProfile profile;

  public StateTableShapes(StateSql sql, RetortSettings settings, DatabaseProfile profile) {
    this.sql = sql;
    this.settings = settings;
    this.profile = profile;
  }

  /**
   * Checks each table that exists.
   *
   * @throws RetortException naming the table and its setting, if one exists without Retort's
   *     columns
   * @throws SQLException if the database fails otherwise
   */
  public void check(Connection connection, List<Role> roles) throws SQLException {
    for (Role role : roles) {
      Optional<List<String>> found = columns(connection, role);
      if (found.isPresent() && !sameColumns(found.get(), role.columns)) {
        throw new RetortException(Messages.notRetortsTable(role.description,
            role.name(settings), found.get(), role.columns));
      }
    }
  }

  /** The table's columns, lower-cased, or empty if it does not exist. */
  Optional<List<String>> columns(Connection connection, Role role) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql.sql(role.shape));
        ResultSet rows = statement.executeQuery()) {
      ResultSetMetaData meta = rows.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
      }
      return Optional.of(columns);
    } catch (SQLException e) {
      if (profile.isMissingTable(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static boolean sameColumns(List<String> found, List<String> expected) {
    Set<String> a = new TreeSet<>(found);
    return a.size() == found.size() && a.equals(new TreeSet<>(expected));
  }
}

package dev.retort.runtime.internal.state;

import dev.retort.runtime.RetortSettings;
import java.util.EnumMap;
import java.util.Map;

/**
 * The statements about Retort's tables that run with plain JDBC, as text: each is jOOQ's
 * rendering of the statement {@link StateTables} builds from the table definitions, with {@code
 * ?} for values and a placeholder for each table's name. Kept as text so that the reads every
 * command starts with, and a start-up with nothing to do makes, need jOOQ neither loaded nor
 * rendering; {@code StateSqlTest} renders each again and fails if the text and the definitions
 * differ. The settings' names replace the placeholders: plain identifiers that are no SQL
 * keyword ({@link RetortSettings} refuses anything else), qualified by the schema.
 */
public final class StateSql {

  static final String VERSION = "{version}";
  static final String HISTORY = "{history}";
  static final String LOCK = "{lock}";

  /** A statement, with its text as jOOQ renders it. */
  public enum Statement {
    SELECT_HEADS("select version_num from {version} order by version_num"),
    SELECT_RECORDED("select revision, direction, checksum, success, rolled_back, started_at,"
        + " finished_at, host from {history} order by id"),
    SELECT_AUDIT("select id, revision, direction, message, checksum, started_at, finished_at,"
        + " duration_ms, db_user, host, retort_version, success, rolled_back from {history}"
        + " order by id desc"),
    UPDATE_HEAD("update {version} set version_num = ? where version_num = ?"),
    DELETE_HEAD("delete from {version} where version_num = ?"),
    INSERT_HEAD("insert into {version} (version_num) values (?)"),
    DELETE_HEADS("delete from {version}"),
    INSERT_HISTORY("insert into {history} (revision, direction, message, checksum, started_at,"
        + " finished_at, duration_ms, db_user, host, retort_version, success, rolled_back)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    FINISH_HISTORY("update {history} set finished_at = ?, duration_ms = ?, success = ?,"
        + " rolled_back = ? where id = ?"),
    RENEW_LEASE("update {lock} set heartbeat = (heartbeat + 1) where (id = 1 and owner = ?)"),
    SELECT_LEASE("select owner, heartbeat from {lock} where id = 1"),
    INSERT_LEASE("insert into {lock} (id, owner, heartbeat, acquired_at) values (1, ?, 0, ?)"),
    TAKE_OVER_LEASE("update {lock} set owner = ?, heartbeat = 0, acquired_at = ? where (id = 1"
        + " and owner = ? and heartbeat = ?)"),
    RELEASE_LEASE("delete from {lock} where (id = 1 and owner = ?)"),
    SHAPE_OF_VERSION("select * from {version} where 1 = 0"),
    SHAPE_OF_HISTORY("select * from {history} where 1 = 0"),
    SHAPE_OF_LOCK("select * from {lock} where 1 = 0");

    private final String template;

    Statement(String template) {
      this.template = template;
    }

    /** The text with placeholders for the tables' names. */
    public String template() {
      return template;
    }
  }

  private final Map<Statement, String> statements = new EnumMap<>(Statement.class);

  /** The statements for the tables the settings name. */
  public StateSql(RetortSettings settings) {
    String version = qualified(settings.schema(), settings.versionTable());
    String history = qualified(settings.schema(), settings.historyTable());
    String lock = qualified(settings.schema(), settings.lockTable());
    for (Statement statement : Statement.values()) {
      statements.put(statement, statement.template().replace(VERSION, version)
          .replace(HISTORY, history).replace(LOCK, lock));
    }
  }

  private static String qualified(String schema, String table) {
    return schema == null ? table : schema + "." + table;
  }

  /** A statement's text. */
  public String sql(Statement statement) {
    return statements.get(statement);
  }
}

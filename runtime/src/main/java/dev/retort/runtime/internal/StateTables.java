package dev.retort.runtime.internal;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.BOOLEAN;
import static org.jooq.impl.SQLDataType.LOCALDATETIME;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.runtime.RetortException;
import dev.retort.runtime.RetortSettings;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The two state tables. The version table has Alembic's semantics: one row per current head,
 * changed by statements that must each touch exactly one row. The history table is append-only:
 * one row per step, stamp and repair, with what ran, who ran it, and whether it succeeded.
 *
 * <p>Names are unquoted, so they follow each database's case rules and can be queried by hand.
 */
public final class StateTables {

  /** What a history row records. */
  public enum Direction {
    UP, DOWN, STAMP, REPAIR;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One history row, as written. */
  public record Entry(
      String revision,
      Direction direction,
      String message,
      String checksum,
      LocalDateTime startedAt,
      LocalDateTime finishedAt,
      String databaseUser,
      String host,
      boolean success,
      Boolean rolledBack) {}

  private static final Field<String> VERSION_NUM = field("version_num", String.class);

  private static final Field<Long> ID = field("id", Long.class);
  private static final Field<String> REVISION = field("revision", String.class);
  private static final Field<String> DIRECTION = field("direction", String.class);
  private static final Field<String> MESSAGE = field("message", String.class);
  private static final Field<String> CHECKSUM = field("checksum", String.class);
  private static final Field<LocalDateTime> STARTED_AT = field("started_at", LocalDateTime.class);
  private static final Field<LocalDateTime> FINISHED_AT = field("finished_at", LocalDateTime.class);
  private static final Field<Long> DURATION_MS = field("duration_ms", Long.class);
  private static final Field<String> DB_USER = field("db_user", String.class);
  private static final Field<String> HOST = field("host", String.class);
  private static final Field<String> RETORT_VERSION = field("retort_version", String.class);
  private static final Field<Boolean> SUCCESS = field("success", Boolean.class);
  private static final Field<Boolean> ROLLED_BACK = field("rolled_back", Boolean.class);

  private final Table<Record> version;
  private final Table<Record> history;
  private final String versionName;
  private final StateReader reader;

  public StateTables(RetortSettings settings) {
    this.version = DSL.table(name(settings.schema(), settings.versionTable()));
    this.history = DSL.table(name(settings.schema(), settings.historyTable()));
    this.versionName = settings.versionTable();
    this.reader = new StateReader(settings);
  }

  static Name name(String schema, String table) {
    return schema == null ? DSL.unquotedName(table) : DSL.unquotedName(schema, table);
  }

  private static <T> Field<T> field(String name, Class<T> type) {
    return DSL.field(DSL.unquotedName(name), type);
  }

  /** The statement that creates the version table if it does not exist. */
  public Query createVersionTable(DSLContext db) {
    return db.createTableIfNotExists(version)
        .column(VERSION_NUM, VARCHAR(32).nullable(false))
        .constraints(DSL.constraint(DSL.unquotedName(versionName + "_pkc"))
            .primaryKey(VERSION_NUM));
  }

  /** The statements that create both tables if they do not exist. */
  public List<Query> create(DSLContext db) {
    return List.of(
        createVersionTable(db),
        db.createTableIfNotExists(history)
            .column(ID, BIGINT.identity(true))
            .column(REVISION, VARCHAR(32).nullable(false))
            .column(DIRECTION, VARCHAR(8).nullable(false))
            .column(MESSAGE, VARCHAR(512))
            .column(CHECKSUM, VARCHAR(64))
            .column(STARTED_AT, LOCALDATETIME(3).nullable(false))
            .column(FINISHED_AT, LOCALDATETIME(3))
            .column(DURATION_MS, BIGINT)
            .column(DB_USER, VARCHAR(128))
            .column(HOST, VARCHAR(255))
            .column(RETORT_VERSION, VARCHAR(32))
            .column(SUCCESS, BOOLEAN.nullable(false))
            .column(ROLLED_BACK, BOOLEAN)
            .constraints(DSL.primaryKey(ID)));
  }

  public void createIfMissing(DSLContext db) {
    for (Query query : create(db)) {
      query.execute();
    }
  }

  /** The ids the version table holds, or none when it does not exist yet. */
  public List<String> heads(DSLContext db) {
    return db.connectionResult(reader::heads);
  }

  /**
   * The statements that replace heads, for the offline script; the same pairing as {@link
   * StateWriter#applyChange}, which runs them.
   */
  public List<Query> change(DSLContext db, List<String> removed, List<String> added) {
    List<Query> queries = new ArrayList<>();
    int paired = Math.min(removed.size(), added.size());
    for (int i = 0; i < paired; i++) {
      queries.add(db.update(version).set(VERSION_NUM, added.get(i))
          .where(VERSION_NUM.eq(removed.get(i))));
    }
    for (int i = paired; i < removed.size(); i++) {
      queries.add(db.deleteFrom(version).where(VERSION_NUM.eq(removed.get(i))));
    }
    for (int i = paired; i < added.size(); i++) {
      queries.add(db.insertInto(version, VERSION_NUM).values(added.get(i)));
    }
    return queries;
  }

  public void purge(DSLContext db) {
    db.deleteFrom(version).execute();
  }

  /** What the history records for each revision: see {@link StateReader#recorded}. */
  public Map<String, StateReader.Recorded> recorded(DSLContext db) {
    return db.connectionResult(reader::recorded);
  }
}

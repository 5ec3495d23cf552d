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

  /**
   * The latest state the history records for a revision.
   *
   * @param unresolvedFailure whether its latest row is a failure that was not rolled back, or a
   *     start that never finished
   * @param interrupted whether that row is a start that never finished: the runner died or lost
   *     its connection during a revision that could not be rolled back
   */
  public record Recorded(String checksum, boolean unresolvedFailure, boolean interrupted,
      LocalDateTime at, String host) {}

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

  public StateTables(RetortSettings settings) {
    this.version = DSL.table(name(settings.schema(), settings.versionTable()));
    this.history = DSL.table(name(settings.schema(), settings.historyTable()));
    this.versionName = settings.versionTable();
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
    try {
      return db.select(VERSION_NUM).from(version).orderBy(VERSION_NUM).fetch(VERSION_NUM);
    } catch (DataAccessException e) {
      if (!isMissingTable(e)) {
        throw e;
      }
      return List.of();
    }
  }

  /**
   * Replaces heads as Alembic does: pairs of removed and added heads become updates, the rest
   * deletes and inserts, and each statement must touch exactly one row.
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

  public void applyChange(DSLContext db, List<String> removed, List<String> added) {
    for (Query query : change(db, removed, added)) {
      int rows = query.execute();
      if (rows != 1) {
        throw new RetortException("The version table changed under this run: '" + query
            + "' touched " + rows + " rows instead of one. Another runner must have changed it"
            + " without taking the lock; check the table and run again.");
      }
    }
  }

  public void purge(DSLContext db) {
    db.deleteFrom(version).execute();
  }

  public void record(DSLContext db, Entry entry) {
    insert(db, entry).execute();
  }

  /**
   * Records that a revision which cannot be rolled back is about to run, before it runs and in a
   * transaction of its own, so a runner killed halfway leaves a row that says so: a row with no
   * finish time, which every later run refuses until repair. {@link #finish} completes it.
   *
   * @return the row's id
   */
  public long start(DSLContext db, Entry entry) {
    return insert(db, entry).returning(ID).fetchOne(ID);
  }

  /** Completes a row written by {@link #start}. */
  public void finish(DSLContext db, long id, LocalDateTime startedAt, LocalDateTime finishedAt,
      boolean success, Boolean rolledBack) {
    db.update(history)
        .set(FINISHED_AT, finishedAt)
        .set(DURATION_MS, java.time.Duration.between(startedAt, finishedAt).toMillis())
        .set(SUCCESS, success)
        .set(ROLLED_BACK, rolledBack)
        .where(ID.eq(id))
        .execute();
  }

  private org.jooq.InsertSetMoreStep<Record> insert(DSLContext db, Entry entry) {
    return db.insertInto(history)
        .set(REVISION, entry.revision())
        .set(DIRECTION, entry.direction().code())
        .set(MESSAGE, truncate(entry.message(), 512))
        .set(CHECKSUM, entry.checksum())
        .set(STARTED_AT, entry.startedAt())
        .set(FINISHED_AT, entry.finishedAt())
        .set(DURATION_MS, entry.finishedAt() == null ? null
            : java.time.Duration.between(entry.startedAt(), entry.finishedAt()).toMillis())
        .set(DB_USER, truncate(entry.databaseUser(), 128))
        .set(HOST, truncate(entry.host(), 255))
        .set(RETORT_VERSION, RetortVersion.VALUE)
        .set(SUCCESS, entry.success())
        .set(ROLLED_BACK, entry.rolledBack());
  }

  /**
   * For each revision the history mentions, the checksum it was last applied, stamped or repaired
   * with, and whether its latest row is a failure that was not rolled back.
   */
  public Map<String, Recorded> recorded(DSLContext db) {
    Map<String, Recorded> latest = new HashMap<>();
    try {
      for (Record row : db.select(REVISION, DIRECTION, CHECKSUM, SUCCESS, ROLLED_BACK, STARTED_AT,
              FINISHED_AT, HOST)
          .from(history).orderBy(ID).fetch()) {
        String revision = row.get(REVISION);
        Recorded before = latest.get(revision);
        boolean success = Boolean.TRUE.equals(row.get(SUCCESS));
        boolean setsChecksum = success && !row.get(DIRECTION).equals(Direction.DOWN.code());
        String checksum = setsChecksum ? row.get(CHECKSUM) : before == null ? null : before.checksum();
        boolean unresolved = !success && !Boolean.TRUE.equals(row.get(ROLLED_BACK));
        boolean interrupted = row.get(FINISHED_AT) == null;
        latest.put(revision, new Recorded(checksum, unresolved, interrupted, row.get(STARTED_AT),
            row.get(HOST)));
      }
    } catch (DataAccessException e) {
      if (!isMissingTable(e)) {
        throw e;
      }
    }
    return latest;
  }

  /**
   * Whether a failed query failed because its table does not exist yet, by the SQL state each
   * database uses for that (H2 has two, 42S04 for an empty database; SQLite has none, only
   * its message).
   */
  private static boolean isMissingTable(DataAccessException e) {
    String state = e.sqlState();
    String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return "42S02".equals(state) || "42P01".equals(state)
        || "42S04".equals(state) || message.contains("no such table");
  }

  private static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}

package dev.retort.runtime.internal.state;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.BOOLEAN;
import static org.jooq.impl.SQLDataType.INTEGER;
import static org.jooq.impl.SQLDataType.LOCALDATETIME;
import static org.jooq.impl.SQLDataType.VARCHAR;

import dev.retort.runtime.RetortSettings;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Retort's tables, defined once with jOOQ: every statement about them is built here, either run
 * through jOOQ (creating them) or rendered into the text {@link StateSql} keeps for plain JDBC.
 *
 * <p>The version table has Alembic's semantics: one row per current head, changed by statements
 * that must each touch exactly one row. The history table is append-only: one row per step,
 * stamp and repair, with what ran, who ran it, and whether it succeeded. The lock table holds the
 * lease of databases without a session lock. Names are unquoted, so they follow each database's
 * case rules and can be queried by hand.
 */
public final class StateTables {

  static final Field<String> VERSION_NUM = field("version_num", String.class);

  static final Field<Long> ID = field("id", Long.class);
  static final Field<String> REVISION = field("revision", String.class);
  static final Field<String> DIRECTION = field("direction", String.class);
  static final Field<String> MESSAGE = field("message", String.class);
  static final Field<String> CHECKSUM = field("checksum", String.class);
  static final Field<LocalDateTime> STARTED_AT = field("started_at", LocalDateTime.class);
  static final Field<LocalDateTime> FINISHED_AT = field("finished_at", LocalDateTime.class);
  static final Field<Long> DURATION_MS = field("duration_ms", Long.class);
  static final Field<String> DB_USER = field("db_user", String.class);
  static final Field<String> HOST = field("host", String.class);
  static final Field<String> RETORT_VERSION = field("retort_version", String.class);
  static final Field<Boolean> SUCCESS = field("success", Boolean.class);
  static final Field<Boolean> ROLLED_BACK = field("rolled_back", Boolean.class);

  /** The one row of the lease table. */
  public static final int LEASE_ROW = 1;

  /** The lease table's columns. */
  public static final Field<Integer> LOCK_ID = field("id", Integer.class);
  public static final Field<String> LOCK_OWNER = field("owner", String.class);
  public static final Field<Long> LOCK_HEARTBEAT = field("heartbeat", Long.class);
  public static final Field<LocalDateTime> LOCK_ACQUIRED_AT =
      field("acquired_at", LocalDateTime.class);

  /** The history columns every insert writes, in {@link StateSql.Statement#INSERT_HISTORY}'s order. */
  static final List<Field<?>> HISTORY_COLUMNS = List.of(REVISION, DIRECTION, MESSAGE, CHECKSUM,
      STARTED_AT, FINISHED_AT, DURATION_MS, DB_USER, HOST, RETORT_VERSION, SUCCESS, ROLLED_BACK);

  private static final Condition NO_ROW = DSL.inline(1).eq(DSL.inline(0));

  /** Each table's columns, as {@link #create} and {@link #createLockTable} define them. */
  static final List<String> VERSION_COLUMNS = names(List.of(VERSION_NUM));
  static final List<String> HISTORY_TABLE_COLUMNS =
      names(Stream.concat(Stream.of(ID), HISTORY_COLUMNS.stream()).toList());
  static final List<String> LOCK_COLUMNS =
      names(List.of(LOCK_ID, LOCK_OWNER, LOCK_HEARTBEAT, LOCK_ACQUIRED_AT));

  private final Table<Record> version;
  private final Table<Record> history;
  private final Table<Record> lock;
  private final String versionName;

  public StateTables(RetortSettings settings) {
    this(name(settings.schema(), settings.versionTable()),
        name(settings.schema(), settings.historyTable()),
        name(settings.schema(), settings.lockTable()), settings.versionTable());
  }

  private StateTables(Name version, Name history, Name lock, String versionName) {
    this.version = DSL.table(version);
    this.history = DSL.table(history);
    this.lock = DSL.table(lock);
    this.versionName = versionName;
  }

  /** The tables named by placeholders, for rendering the statement texts {@link StateSql} keeps. */
  static StateTables placeholders() {
    return new StateTables(DSL.unquotedName(StateSql.VERSION), DSL.unquotedName(StateSql.HISTORY),
        DSL.unquotedName(StateSql.LOCK), "retort_version");
  }

  private static Name name(String schema, String table) {
    return schema == null ? DSL.unquotedName(table) : DSL.unquotedName(schema, table);
  }

  private static List<String> names(List<Field<?>> fields) {
    return fields.stream().map(Field::getName).toList();
  }

  private static <T> Field<T> field(String name, Class<T> type) {
    return DSL.field(DSL.unquotedName(name), type);
  }

  /** The lease table. */
  public Table<Record> lock() {
    return lock;
  }

  /** The statement that creates the version table if it does not exist. */
  public Query createVersionTable(DSLContext db) {
    return db.createTableIfNotExists(version)
        .column(VERSION_NUM, VARCHAR(32).nullable(false))
        .constraints(DSL.constraint(DSL.unquotedName(versionName + "_pkc"))
            .primaryKey(VERSION_NUM));
  }

  /** The statements that create the version and history tables if they do not exist. */
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

  /** The statement that creates the lease table if it does not exist. */
  public Query createLockTable(DSLContext db) {
    return db.createTableIfNotExists(lock)
        .column(LOCK_ID, INTEGER.nullable(false))
        .column(LOCK_OWNER, VARCHAR(255).nullable(false))
        .column(LOCK_HEARTBEAT, BIGINT.nullable(false))
        .column(LOCK_ACQUIRED_AT, LOCALDATETIME(3).nullable(false))
        .constraints(DSL.primaryKey(LOCK_ID));
  }

  /**
   * The statements that replace heads, with their values inlined, for the offline script: the
   * statements of {@link StateWriter.HeadChange}, which the writer runs.
   */
  public List<Query> change(DSLContext db, List<String> removed, List<String> added) {
    List<Query> queries = new ArrayList<>();
    for (StateWriter.HeadChange change : StateWriter.HeadChange.of(removed, added)) {
      List<String> values = change.values();
      queries.add(switch (change.statement()) {
        case UPDATE_HEAD -> db.update(version).set(VERSION_NUM, values.get(0))
            .where(VERSION_NUM.eq(values.get(1)));
        case DELETE_HEAD -> db.deleteFrom(version).where(VERSION_NUM.eq(values.get(0)));
        case INSERT_HEAD -> db.insertInto(version, VERSION_NUM).values(values.get(0));
        default -> throw new IllegalStateException(change.toString());
      });
    }
    return queries;
  }

  /** Each statement {@link StateSql} keeps as text, built from the definitions above. */
  Query statement(DSLContext db, StateSql.Statement statement) {
    String text = "";
    return switch (statement) {
      case SELECT_HEADS -> db.select(VERSION_NUM).from(version).orderBy(VERSION_NUM);
      case SELECT_RECORDED -> db.select(REVISION, DIRECTION, CHECKSUM, SUCCESS, ROLLED_BACK,
          STARTED_AT, FINISHED_AT, HOST).from(history).orderBy(ID);
      case SELECT_AUDIT -> db.select(ID, REVISION, DIRECTION, MESSAGE, CHECKSUM, STARTED_AT,
          FINISHED_AT, DURATION_MS, DB_USER, HOST, RETORT_VERSION, SUCCESS, ROLLED_BACK)
          .from(history).orderBy(ID.desc());
      case UPDATE_HEAD -> db.update(version).set(VERSION_NUM, text)
          .where(VERSION_NUM.eq(text));
      case DELETE_HEAD -> db.deleteFrom(version).where(VERSION_NUM.eq(text));
      case INSERT_HEAD -> db.insertInto(version, VERSION_NUM).values(text);
      case DELETE_HEADS -> db.deleteFrom(version);
      case INSERT_HISTORY -> db.insertInto(history).columns(HISTORY_COLUMNS)
          .values(HISTORY_COLUMNS.stream().map(column -> (Object) null).toList());
      case FINISH_HISTORY -> db.update(history)
          .set(FINISHED_AT, (LocalDateTime) null)
          .set(DURATION_MS, 0L)
          .set(SUCCESS, false)
          .set(ROLLED_BACK, (Boolean) null)
          .where(ID.eq(0L));
      // No row, only the columns: "1 = 0" rather than "false", which not every database reads.
      case SHAPE_OF_VERSION -> db.select(DSL.asterisk()).from(version).where(NO_ROW);
      case SHAPE_OF_HISTORY -> db.select(DSL.asterisk()).from(history).where(NO_ROW);
      case SHAPE_OF_LOCK -> db.select(DSL.asterisk()).from(lock).where(NO_ROW);
      case RENEW_LEASE -> db.update(lock).set(LOCK_HEARTBEAT, LOCK_HEARTBEAT.plus(DSL.inline(1L)))
          .where(LOCK_ID.eq(DSL.inline(LEASE_ROW))).and(LOCK_OWNER.eq(text));
      case SELECT_LEASE -> db.select(LOCK_OWNER, LOCK_HEARTBEAT).from(lock)
          .where(LOCK_ID.eq(DSL.inline(LEASE_ROW)));
      case INSERT_LEASE -> db.insertInto(lock, LOCK_ID, LOCK_OWNER, LOCK_HEARTBEAT,
          LOCK_ACQUIRED_AT).values(DSL.inline(LEASE_ROW), DSL.val(text), DSL.inline(0L),
          DSL.val((LocalDateTime) null, LOCK_ACQUIRED_AT));
      case TAKE_OVER_LEASE -> db.update(lock).set(LOCK_OWNER, text)
          .set(LOCK_HEARTBEAT, DSL.inline(0L)).set(LOCK_ACQUIRED_AT, (LocalDateTime) null)
          .where(LOCK_ID.eq(DSL.inline(LEASE_ROW))).and(LOCK_OWNER.eq(text))
          .and(LOCK_HEARTBEAT.eq(0L));
      case RELEASE_LEASE -> db.deleteFrom(lock).where(LOCK_ID.eq(DSL.inline(LEASE_ROW)))
          .and(LOCK_OWNER.eq(text));
    };
  }
}

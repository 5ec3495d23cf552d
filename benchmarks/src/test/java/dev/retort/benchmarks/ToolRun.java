package dev.retort.benchmarks;

import dev.retort.runtime.Migration;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.internal.state.StateSql;
import dev.retort.runtime.internal.state.StateSql.Statement;
import dev.retort.runtime.internal.state.StateTables;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.LoggerFactory;

/**
 * One tool's run in a JVM of its own, started by {@link StartupAndApplyBenchmark}: {@code
 * <tool> <url> <revisions> [migrations]}, where migrations is Flyway's location, or for the
 * JDBC floor the folder of SQL scripts. It prints how long the tool's call took, from
 * before it opened a connection to after it returned ({@code call_us=}), the process's peak
 * resident memory when it ended ({@code rss_kb=}, Linux's VmHWM), its heap's peak use
 * ({@code heap_kb=}), and the CPU time of the whole JVM, all its threads ({@code cpu_us=}): on a
 * machine whose database server runs alongside, what the JVM's compiler and collector threads
 * take is not the server's.
 */
final class ToolRun {

  private ToolRun() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    String tool = args[0];
    String url = args[1];
    int revisions = Integer.parseInt(args[2]);
    long start = System.nanoTime();
    switch (tool) {
      case "retort", "retort-baseline" -> Retort.using(dataSource(url)).upgrade();
      case "flyway-java", "flyway-sql" -> Flyway.configure()
          .dataSource(url, null, null)
          .locations(args[3])
          .load()
          .migrate();
      case "jdbc-apply" -> jdbcApply(url, revisions, Path.of(args[3]));
      case "jooq-apply" -> jooqApply(url, revisions, false);
      case "jooq-classes-apply" -> jooqApply(url, revisions, true);
      case "jooq-state-apply" -> jooqStateApply(url, revisions);
      case "jdbc-floor" -> jdbcFloor(url);
      case "jdbc-state-floor" -> jdbcStateFloor(url, revisions);
      case "jdbc-registry-floor" -> jdbcRegistryFloor(url, revisions);
      default -> throw new IllegalArgumentException("No tool " + tool);
    }
    long micros = (System.nanoTime() - start) / 1_000;
    System.out.println("call_us=" + micros);
    System.out.println("rss_kb=" + ProcessMemory.peakResidentKilobytes());
    System.out.println("heap_kb=" + ProcessMemory.peakHeapKilobytes());
    System.out.println("cpu_us=" + ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000);
  }

  private static DataSource dataSource(String url) {
    if (url.startsWith("jdbc:h2:")) {
      org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
      h2.setURL(url);
      return h2;
    }
    org.postgresql.ds.PGSimpleDataSource postgres = new org.postgresql.ds.PGSimpleDataSource();
    postgres.setUrl(url);
    return postgres;
  }

  /**
   * The floor for applying: the same statements, read from the SQL migrations folder (rendered
   * beforehand, so the floor pays nothing for rendering), one transaction per revision, and a
   * one-row state table updated in each.
   */
  private static void jdbcApply(String url, int revisions, Path sqlFolder) throws Exception {
    try (Connection connection = DriverManager.getConnection(url)) {
      try (java.sql.Statement statement = connection.createStatement()) {
        statement.execute("create table bench_version (version varchar(32))");
        statement.execute("insert into bench_version values ('')");
      }
      connection.setAutoCommit(false);
      try (java.sql.Statement statement = connection.createStatement();
          PreparedStatement state =
              connection.prepareStatement("update bench_version set version = ?")) {
        for (int i = 1; i <= revisions; i++) {
          String script = Files.readString(sqlFolder.resolve("V" + i + "__Create_t" + i + ".sql"));
          for (String sql : script.split(";\n")) {
            if (!sql.isBlank()) {
              statement.execute(sql);
            }
          }
          state.setString(1, Workload.id(i));
          state.executeUpdate();
          connection.commit();
        }
      }
    }
  }

  /**
   * The floor plus the jOOQ DSL: what the revisions cost when written as Retort's migrations are
   * (the same DSL calls, executed by jOOQ), with the JDBC floor's transactions and state update
   * but nothing of Retort. The gap to the floor is the price of writing migrations in jOOQ; the
   * gap from here to Retort is Retort's own.
   *
   * @param classes whether each revision's statements are run by a class of its own, as in
   *     Retort: the compiled Retort migrations, loaded by name and called directly, without
   *     Retort's registry, lock or records ({@code jooq-classes-apply}); otherwise by one method
   *     of this harness for all revisions ({@code jooq-apply}). The difference is what loading,
   *     verifying and interpreting a thousand classes costs, which any tool with a class per
   *     migration pays.
   */
  private static void jooqApply(String url, int revisions, boolean classes) throws Exception {
    try (Connection connection = DriverManager.getConnection(url)) {
      DSLContext db = DSL.using(connection,
          url.startsWith("jdbc:h2:") ? SQLDialect.H2 : SQLDialect.POSTGRES);
      try (java.sql.Statement statement = connection.createStatement()) {
        statement.execute("create table bench_version (version varchar(32))");
        statement.execute("insert into bench_version values ('')");
      }
      connection.setAutoCommit(false);
      try (PreparedStatement state =
          connection.prepareStatement("update bench_version set version = ?")) {
        for (int i = 1; i <= revisions; i++) {
          if (classes) {
            migration(i).upgrade(db);
          } else {
            for (Query query : Workload.queries(db, i)) {
              query.execute();
            }
          }
          state.setString(1, Workload.id(i));
          state.executeUpdate();
          connection.commit();
        }
      }
    }
  }

  /**
   * The floor of applying with the records Retort's guarantees stand on, without Retort: what
   * {@code jooq-classes-apply} does, plus the statements Retort sends to record each revision,
   * in Retort's tables (created from its definitions, default names), with its statement texts
   * and in its transactions. Where DDL is transactional (PostgreSQL): the revision, then the
   * version row and the history row sent together in one round trip, then the commit. Where DDL
   * commits (H2): the history row announced and committed before the revision, so that a runner
   * killed halfway leaves a row saying so; then the revision, the lease confirmed, the version
   * row and the history row completed, and the commit. Each transaction switches auto-commit off
   * and on again, as Retort's do. What it leaves out is Retort's own: the registry, the plan,
   * taking and releasing the lock, the up-to-date check, the state tables' shape checks and the
   * log.
   */
  private static void jooqStateApply(String url, int revisions) throws Exception {
    boolean ddlCommits = url.startsWith("jdbc:h2:");
    RetortSettings settings = RetortSettings.defaults();
    StateTables tables = new StateTables(settings);
    try (Connection connection = DriverManager.getConnection(url)) {
      DSLContext db = DSL.using(connection, ddlCommits ? SQLDialect.H2 : SQLDialect.POSTGRES);
      for (Query create : tables.create(db)) {
        create.execute();
      }
      if (ddlCommits) {
        tables.createLockTable(db).execute();
        db.insertInto(tables.lock(), StateTables.LOCK_ID, StateTables.LOCK_OWNER,
            StateTables.LOCK_HEARTBEAT, StateTables.LOCK_ACQUIRED_AT)
            .values(StateTables.LEASE_ROW, StateRows.OWNER, 0L, LocalDateTime.now()).execute();
      }
      try (StateRows rows = new StateRows(connection, new StateSql(settings), ddlCommits)) {
        for (int i = 1; i <= revisions; i++) {
          LocalDateTime startedAt = LocalDateTime.now();
          Long announced = ddlCommits ? rows.announce(i, startedAt) : null;
          connection.setAutoCommit(false);
          migration(i).upgrade(db);
          rows.record(i, startedAt, announced);
          connection.commit();
          connection.setAutoCommit(true);
        }
      }
    }
  }

  /**
   * The statements that record a revision, as Retort sends them (its texts, each prepared once),
   * in a class of its own so that a profile tells them from the revisions' statements.
   */
  private static final class StateRows implements AutoCloseable {

    /** The lease's owner. */
    static final String OWNER = "jooq-state-apply";

    /** A checksum's length: what a revision's SHA-256 takes in the row. */
    private static final String CHECKSUM = "0".repeat(64);

    private final Connection connection;
    private final boolean ddlCommits;
    private final String user;
    private final String host;
    private final List<PreparedStatement> statements = new ArrayList<>();
    private final PreparedStatement first;
    private final PreparedStatement next;
    private final PreparedStatement announce;
    private final PreparedStatement renew;
    private final PreparedStatement finish;

    StateRows(Connection connection, StateSql sql, boolean ddlCommits) throws Exception {
      this.connection = connection;
      this.ddlCommits = ddlCommits;
      this.user = connection.getMetaData().getUserName();
      this.host = InetAddress.getLocalHost().getHostName();
      String history = sql.sql(Statement.INSERT_HISTORY);
      String finished = sql.sql(Statement.FINISH_HISTORY);
      // Where DDL is transactional, a step's rows go to the server together (";"-separated).
      first = prepare(sql.sql(Statement.INSERT_HEAD) + (ddlCommits ? "" : ";\n" + history));
      next = prepare(sql.sql(Statement.UPDATE_HEAD) + (ddlCommits ? "" : ";\n" + history));
      announce = ddlCommits
          ? connection.prepareStatement(history, java.sql.Statement.RETURN_GENERATED_KEYS) : null;
      if (announce != null) {
        statements.add(announce);
      }
      renew = ddlCommits ? prepare(sql.sql(Statement.RENEW_LEASE)) : null;
      finish = ddlCommits ? prepare(finished) : null;
    }

    private PreparedStatement prepare(String text) throws Exception {
      PreparedStatement statement = connection.prepareStatement(text);
      statements.add(statement);
      return statement;
    }

    /** Announces a revision that cannot be rolled back, in a transaction of its own. */
    long announce(int revision, LocalDateTime startedAt) throws Exception {
      connection.setAutoCommit(false);
      bindHistory(announce, 1, revision, startedAt, null, false);
      announce.executeUpdate();
      long id;
      try (ResultSet keys = announce.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
      connection.commit();
      connection.setAutoCommit(true);
      return id;
    }

    /** Records a revision that has run, inside its transaction. */
    void record(int revision, LocalDateTime startedAt, Long announced) throws Exception {
      LocalDateTime finishedAt = LocalDateTime.now();
      PreparedStatement head = revision == 1 ? first : next;
      head.setString(1, Workload.id(revision));
      if (revision > 1) {
        head.setString(2, Workload.id(revision - 1));
      }
      if (!ddlCommits) {
        bindHistory(head, revision == 1 ? 2 : 3, revision, startedAt, finishedAt, true);
        head.execute();
        expectOneRow(head.getUpdateCount(), "version row");
        head.getMoreResults();
        return;
      }
      renew.setString(1, OWNER);
      expectOneRow(renew.executeUpdate(), "lease row");
      expectOneRow(head.executeUpdate(), "version row");
      finish.setObject(1, finishedAt);
      finish.setLong(2, Duration.between(startedAt, finishedAt).toMillis());
      finish.setBoolean(3, true);
      finish.setNull(4, Types.BOOLEAN);
      finish.setLong(5, announced);
      finish.executeUpdate();
    }

    /** A history row's twelve values, as Retort binds them. */
    private void bindHistory(PreparedStatement insert, int at, int revision,
        LocalDateTime startedAt, LocalDateTime finishedAt, boolean success) throws Exception {
      insert.setString(at, Workload.id(revision));
      insert.setString(at + 1, "up");
      insert.setString(at + 2, "Create t" + revision);
      insert.setString(at + 3, CHECKSUM);
      insert.setObject(at + 4, startedAt);
      insert.setObject(at + 5, finishedAt);
      if (finishedAt == null) {
        insert.setNull(at + 6, Types.BIGINT);
      } else {
        insert.setLong(at + 6, Duration.between(startedAt, finishedAt).toMillis());
      }
      insert.setString(at + 7, user);
      insert.setString(at + 8, host);
      insert.setString(at + 9, "benchmark");
      insert.setBoolean(at + 10, success);
      insert.setNull(at + 11, Types.BOOLEAN);
    }

    private static void expectOneRow(int rows, String what) {
      if (rows != 1) {
        throw new IllegalStateException("The " + what + " statement touched " + rows + " rows");
      }
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement statement : statements) {
        statement.close();
      }
    }
  }

  private static Migration migration(int revision) throws Exception {
    return (Migration) Class.forName(Workload.RETORT_PACKAGE + ".V" + revision)
        .getDeclaredConstructor().newInstance();
  }

  private static void expectOneRow(int rows, String what) {
    if (rows != 1) {
      throw new IllegalStateException("The " + what + " statement touched " + rows + " rows");
    }
  }

  /** The floor for a start-up with nothing to do: connect and read a one-row version table. */
  private static void jdbcFloor(String url) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        java.sql.Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select version from bench_version")) {
      if (!rows.next()) {
        throw new IllegalStateException("bench_version is empty");
      }
    }
  }

  /** Retort's query for the heads, with its default table names (a test keeps them equal). */
  static final String STATE_HEADS = "select version_num from retort_version order by version_num";

  /** Retort's query for the history, with its default table names (a test keeps them equal). */
  static final String STATE_HISTORY = "select revision, direction, checksum, success,"
      + " rolled_back, started_at, finished_at, host from retort_history order by id";

  /**
   * The floor for a start-up that refuses an edited or half-applied revision, without Retort:
   * connect, run Retort's two queries on the database Retort brought to head, read every column
   * of every row into a map (the checksum and outcome recorded for each revision), and start
   * the application's logger to ask whether a line would be printed. What it leaves out is what
   * Retort's own code adds: knowing the revisions (the registry) and judging the rows.
   */
  private static void jdbcStateFloor(String url, int revisions) throws Exception {
    readState(url, revisions);
    LoggerFactory.getLogger(ToolRun.class).isInfoEnabled();
  }

  /**
   * The state floor and the registry: the same reads, then the generated registry found as
   * Retort finds it (a service), and every head and every recorded checksum looked up in it. What
   * it leaves out is Retort's own code around them: its connection handling, its graph of the
   * revisions, and its judgement of failed and unfinished rows.
   */
  private static void jdbcRegistryFloor(String url, int revisions) throws Exception {
    LoggerFactory.getLogger(ToolRun.class).isInfoEnabled();
    State state = readState(url, revisions);
    RevisionRegistry registry = ServiceLoader.load(RevisionRegistry.class).findFirst()
        .orElseThrow(() -> new IllegalStateException("No registry on the classpath"));
    List<String> heads = registry.heads().stream().map(RevisionInfo::id).sorted().toList();
    if (!heads.equals(state.heads())) {
      throw new IllegalStateException("Not at head: " + state.heads());
    }
    for (Map.Entry<String, String> recorded : state.checksums().entrySet()) {
      String checksum = registry.revision(recorded.getKey()).map(RevisionInfo::checksum)
          .orElse(null);
      if (!recorded.getValue().equals(checksum)) {
        throw new IllegalStateException("Edited: " + recorded.getKey());
      }
    }
  }

  /** The heads the version table holds and the checksum the history records for each revision. */
  private record State(List<String> heads, Map<String, String> checksums) {}

  private static State readState(String url, int revisions) throws Exception {
    List<String> heads = new ArrayList<>();
    Map<String, String> recorded = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(url)) {
      try (PreparedStatement statement = connection.prepareStatement(STATE_HEADS);
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          heads.add(rows.getString(1));
        }
      }
      if (heads.isEmpty()) {
        throw new IllegalStateException("retort_version is empty");
      }
      try (PreparedStatement history = connection.prepareStatement(STATE_HISTORY);
          ResultSet rows = history.executeQuery()) {
        while (rows.next()) {
          String revision = rows.getString(1);
          boolean applied = rows.getBoolean(4) && !rows.getBoolean(5)
              && rows.getString(7) != null && "up".equals(rows.getString(2));
          String where = rows.getString(6) + " " + rows.getString(8);
          recorded.put(revision, applied ? rows.getString(3) : where);
        }
      }
    }
    if (recorded.size() != revisions) {
      throw new IllegalStateException("retort_history records " + recorded.size()
          + " revisions, not " + revisions);
    }
    return new State(heads, recorded);
  }
}

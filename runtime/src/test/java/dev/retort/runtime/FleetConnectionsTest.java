package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.internal.database.ObservedConnection;
import dev.retort.runtime.internal.database.SchemaDataSource;
import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A fleet run reuses its connections across members on the real PostgreSQL server: what one
 * member leaves in its session never reaches the next, and every connection is closed when the
 * run ends, whatever the members did.
 */
class FleetConnectionsTest {

  private static final TestRegistry CHAIN = TestRegistry.chain(4).build();

  private static Counting withSchemas(List<String> schemas, String... initSql)
      throws Exception {
    DataSource server = TestDatabase.POSTGRES.create();
    try (Connection connection = server.getConnection();
        Statement statement = connection.createStatement()) {
      for (String schema : schemas) {
        statement.execute("create schema " + schema);
      }
    }
    return new Counting(server, initSql);
  }

  /** What a pool sets up in each new connection's session: settings and a role. */
  private static final String[] POOL_INIT_SQL = {"set statement_timeout = '4321s'",
      "set application_name = 'pool-init'", "set work_mem = '7MB'"};

  /** The settings {@link #POOL_INIT_SQL} makes, the role and the search path, as one line. */
  private static String session(Connection connection) throws SQLException {
    return one(connection, "select concat_ws(' ', current_setting('statement_timeout'),"
        + " current_setting('application_name'), current_setting('work_mem'), current_user,"
        + " current_setting('search_path'))");
  }

  private static List<String> tenants(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("tenant_%03d", i))
        .toList();
  }

  private static String one(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getString(1);
    }
  }

  @Test
  void aMembersSession_searchPathAutoCommitIsolationAndLocks_neverReachTheNext()
      throws Exception {
    Counting server = withSchemas(tenants(2));
    String original;
    int isolation;
    try (Connection plain = server.delegate.getConnection()) {
      original = one(plain, "show search_path");
      isolation = plain.getTransactionIsolation();
    }
    FleetConnections connections = new FleetConnections(server, 3);
    String firstBackend;
    try (Connection first = SchemaDataSource.of(connections, "tenant_001").getConnection()) {
      firstBackend = one(first, "select pg_backend_pid()");
      first.setAutoCommit(false);
      first.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      try (Statement statement = first.createStatement()) {
        statement.execute("select pg_advisory_lock(4242)");
        statement.execute("set search_path to tenant_002");
        // A failed member: its transaction is aborted when the connection comes back.
        assertThrows(SQLException.class, () -> statement.execute("select 1/0"));
      }
    }

    try (Connection next = SchemaDataSource.of(connections, "tenant_002").getConnection()) {
      assertThat(one(next, "select pg_backend_pid()")).isEqualTo(firstBackend);
      assertThat(next.getAutoCommit()).isTrue();
      assertThat(next.getTransactionIsolation()).isEqualTo(isolation);
      assertThat(one(next, "show search_path")).isEqualTo("tenant_002");
      assertThat(one(next, "select count(*) from pg_locks where locktype = 'advisory'"
          + " and pid = pg_backend_pid()")).isEqualTo("0");
    }
    try (Connection last = connections.getConnection()) {
      assertThat(one(last, "show search_path")).isEqualTo(original);
    }
    connections.close();

    assertThat(server.opened.get()).isEqualTo(1);
    assertThat(server.closed.get()).isEqualTo(1);
  }

  @Test
  void thePoolsSessionSettingsAndRole_reachEveryMember_andThePoolGetsThemBack()
      throws Exception {
    String role = "retort_fleet_pool_role";
    List<String> initSql = new ArrayList<>(List.of(POOL_INIT_SQL));
    initSql.add("set role " + role);
    Counting server = withSchemas(tenants(2), initSql.toArray(String[]::new));
    String original;
    try (Connection plain = server.delegate.getConnection();
        Statement statement = plain.createStatement()) {
      // Roles are the server's: made once and kept, whichever test JVM gets there first.
      statement.execute("do $$ begin create role " + role + " nologin;"
          + " exception when duplicate_object or unique_violation then null; end $$");
      original = one(plain, "show search_path");
    }
    FleetConnections connections = new FleetConnections(server, 3);
    String firstBackend;
    try (Connection first = SchemaDataSource.of(connections, "tenant_001").getConnection();
        Statement statement = first.createStatement()) {
      firstBackend = one(first, "select pg_backend_pid()");
      assertThat(session(first)).isEqualTo("4321s pool-init 7MB " + role + " tenant_001");
      statement.execute("set statement_timeout = '1s'");
      statement.execute("set application_name = 'a member'");
      statement.execute("set work_mem = '64kB'");
      statement.execute("reset role");
    }

    try (Connection next = SchemaDataSource.of(connections, "tenant_002").getConnection()) {
      assertThat(one(next, "select pg_backend_pid()")).isEqualTo(firstBackend);
      assertThat(session(next)).isEqualTo("4321s pool-init 7MB " + role + " tenant_002");
    }
    connections.close();

    assertThat(server.opened.get()).isEqualTo(1);
    assertThat(server.aborted.get()).isEqualTo(0);
    assertThat(server.sessionsAtClose)
        .containsExactly("4321s pool-init 7MB " + role + " " + original);
  }

  @Test
  void aSessionThatCannotGetItsRoleBack_isAborted_notHandedOnOrToThePool() throws Exception {
    String role = "retort_fleet_dropped_role_" + ProcessHandle.current().pid();
    Counting server = withSchemas(tenants(1), "set work_mem = '7MB'", "set role " + role);
    try (Connection plain = server.delegate.getConnection();
        Statement statement = plain.createStatement()) {
      statement.execute("create role " + role + " nologin");
    }
    FleetConnections connections = new FleetConnections(server, 3);
    try (Connection first = connections.getConnection()) {
      assertThat(one(first, "select current_user")).isEqualTo(role);
      try (Connection plain = server.delegate.getConnection();
          Statement statement = plain.createStatement()) {
        statement.execute("drop role " + role);
      }
    }

    // Cleared, it could not switch to the role again: such a session, with the login user's
    // rights and without the pool's settings, must neither serve a member nor go back to a pool.
    assertThat(server.aborted.get()).isEqualTo(1);
    assertThat(server.closed.get()).isEqualTo(1);
    connections.close();
    assertThat(server.opened.get()).isEqualTo(1);
  }

  @Test
  void aFleetRun_givesThePoolBackEveryConnection_withTheSessionItCameWith() throws Exception {
    List<String> schemas = tenants(8);
    Counting server = withSchemas(schemas, POOL_INIT_SQL);
    String userAndPath;
    try (Connection plain = server.delegate.getConnection()) {
      userAndPath = one(plain, "select current_user || ' ' || current_setting('search_path')");
    }

    Fleet.Result result = Fleet.ofSchemas(server, CHAIN, schemas).withParallelism(2).upgrade();

    assertThat(result.succeeded()).isTrue();
    assertThat(server.sessionsAtClose).isNotEmpty();
    assertThat(server.sessionsAtClose).hasSize(server.opened.get());
    assertThat(new HashSet<>(server.sessionsAtClose))
        .containsExactly("4321s pool-init 7MB " + userAndPath);
  }

  @Test
  void aTransactionLeftOpenByPlainSql_closesTheConnectionInsteadOfHandingItOn()
      throws Exception {
    Counting server = withSchemas(tenants(1));
    FleetConnections connections = new FleetConnections(server, 3);
    try (Connection first = connections.getConnection();
        Statement statement = first.createStatement()) {
      statement.execute("begin");
      statement.execute("create table tenant_001.half_done (id int)");
    }

    assertThat(server.closed.get()).isEqualTo(1);
    try (Connection next = connections.getConnection()) {
      assertThat(one(next, "select count(*) from information_schema.tables"
          + " where table_name = 'half_done'")).isEqualTo("0");
    }
    connections.close();
    assertThat(server.opened.get()).isEqualTo(2);
    assertThat(server.closed.get()).isEqualTo(2);
  }

  @Test
  void aConnection_isUnusableAfterItsClose_andTheRunUnusableAfterItsEnd() throws Exception {
    Counting server = withSchemas(tenants(1));
    FleetConnections connections = new FleetConnections(server, 3);
    Connection lent = connections.getConnection();
    lent.close();
    lent.close();

    assertThat(lent.isClosed()).isTrue();
    assertThat(assertThrows(SQLException.class, lent::createStatement).getMessage())
        .isEqualTo(Messages.connectionClosed());
    Connection stillOut = connections.getConnection();
    connections.close();
    assertThat(assertThrows(SQLException.class, connections::getConnection).getMessage())
        .isEqualTo(Messages.fleetConnectionsClosed());
    stillOut.close();
    assertThat(server.opened.get()).isEqualTo(1);
    assertThat(server.closed.get()).isEqualTo(1);
  }

  @Test
  void aFleetRun_reusesItsConnections_andClosesEveryOneAtItsEnd() throws Exception {
    List<String> schemas = tenants(24);
    Counting server = withSchemas(schemas);

    Fleet.Result result = Fleet.ofSchemas(server, CHAIN, schemas).withParallelism(2).upgrade();

    assertThat(result.succeeded()).isTrue();
    assertThat(result.members().stream().allMatch(Fleet.Member::atHead)).isTrue();
    // Without reuse, each member opens its own: 24 members, several each.
    assertThat(server.opened.get()).isAtMost(2 * FleetConnections.PER_MEMBER);
    assertThat(server.closed.get()).isEqualTo(server.opened.get());

    Fleet.Result current = Fleet.ofSchemas(server, CHAIN, schemas).withParallelism(2).current();
    assertThat(current.notAtHead()).isEmpty();
    assertThat(server.closed.get()).isEqualTo(server.opened.get());
  }

  @Test
  void aFailedMembersAbortedTransaction_doesNotReachTheNextMember() throws Exception {
    List<String> schemas = tenants(6);
    Counting server = withSchemas(schemas);
    try (Connection connection = server.delegate.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create table tenant_002.t_r0003 (conflict text)");
    }

    // One at a time: tenant_002's connections serve tenant_003 next.
    Fleet.Result result = Fleet.ofSchemas(server, CHAIN, schemas).withParallelism(1).upgrade();

    assertThat(result.failed().stream().map(Fleet.Member::name).toList())
        .containsExactly("tenant_002");
    assertThat(result.members().stream().filter(Fleet.Member::atHead).count()).isEqualTo(5);
    assertThat(server.opened.get()).isAtMost(FleetConnections.PER_MEMBER);
    assertThat(server.closed.get()).isEqualTo(server.opened.get());
  }

  @Test
  void aFailFastRun_closesEveryConnection_alsoOfTheSkipped() throws Exception {
    List<String> schemas = tenants(12);
    Counting server = withSchemas(schemas);
    try (Connection connection = server.delegate.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create table tenant_001.t_r0002 (conflict text)");
    }

    Fleet.Result result = Fleet.ofSchemas(server, CHAIN, schemas).withParallelism(1)
        .withFailFast(true).upgrade();

    assertThat(result.failed()).hasSize(1);
    assertThat(result.skipped()).hasSize(11);
    assertThat(server.opened.get()).isAtLeast(1);
    assertThat(server.closed.get()).isEqualTo(server.opened.get());
  }

  /**
   * Counts the physical connections a data source opens and those closed, each once. Like a pool
   * with init SQL, it can set up each connection's session before handing it out; then it
   * records the session each connection has when it is closed: what a pool would get back.
   */
  private static final class Counting implements DataSource {
    final DataSource delegate;
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final AtomicInteger aborted = new AtomicInteger();
    final List<String> initSql;
    final List<String> sessionsAtClose = new CopyOnWriteArrayList<>();

    Counting(DataSource delegate, String... initSql) {
      this.delegate = delegate;
      this.initSql = List.of(initSql);
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection real = delegate.getConnection();
      opened.incrementAndGet();
      if (!initSql.isEmpty()) {
        try (Statement statement = real.createStatement()) {
          for (String sql : initSql) {
            statement.execute(sql);
          }
        }
      }
      AtomicBoolean done = new AtomicBoolean();
      AtomicBoolean abortedHere = new AtomicBoolean();
      return ObservedConnection.of(real, (method, arguments) -> {
        if (method.equals("abort") && abortedHere.compareAndSet(false, true)) {
          aborted.incrementAndGet();
        }
        if (method.equals("close") && done.compareAndSet(false, true)) {
          closed.incrementAndGet();
          if (!initSql.isEmpty() && !abortedHere.get()) {
            try {
              sessionsAtClose.add(session(real));
            } catch (SQLException e) {
              sessionsAtClose.add("unreadable: " + e.getMessage());
            }
          }
        }
      });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLException("not used by a fleet");
    }

    @Override
    public java.io.PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}

package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.internal.database.SchemaDataSource;
import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** A fleet of tenant schemas on the real PostgreSQL server, and what a fleet refuses. */
class FleetTest {

  private static final TestRegistry CHAIN = TestRegistry.chain(4).build();

  /** A new database with these schemas, empty. */
  private static DataSource withSchemas(List<String> schemas) throws Exception {
    DataSource dataSource = TestDatabase.POSTGRES.create();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String schema : schemas) {
        statement.execute("create schema " + schema);
      }
    }
    return dataSource;
  }

  private static List<String> tenants(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("tenant_%03d", i))
        .toList();
  }

  private static DSLContext sql(DataSource dataSource) {
    return DSL.using(dataSource, SQLDialect.POSTGRES);
  }

  /** The tables of a schema, by name. */
  private static List<String> tablesOf(DataSource dataSource, String schema) {
    return sql(dataSource).fetch("select table_name from information_schema.tables"
        + " where table_schema = ? order by table_name", schema).getValues(0, String.class);
  }

  /** How often each revision was recorded as applied in a schema's history: once, each. */
  private static Map<String, Integer> appliedCounts(DataSource dataSource, String schema) {
    return sql(dataSource).fetch("select revision, count(*) from " + schema + ".retort_history"
        + " where direction = 'up' and success group by revision")
        .intoMap(r -> r.get(0, String.class), r -> r.get(1, Integer.class));
  }

  @Test
  void eachSchema_getsTheMigrationsTables_andStateTablesOfItsOwn() throws Exception {
    List<String> schemas = tenants(3);
    DataSource dataSource = withSchemas(schemas);

    Fleet.Result result = Fleet.ofSchemas(dataSource, CHAIN, schemas).upgrade();

    assertThat(result.succeeded()).isTrue();
    assertThat(result.notAtHead()).isEmpty();
    for (String schema : schemas) {
      assertThat(tablesOf(dataSource, schema)).containsExactly("retort_history",
          "retort_version", "t_r0001", "t_r0002", "t_r0003", "t_r0004");
      assertThat(appliedCounts(dataSource, schema)).containsExactly("r0001", 1, "r0002", 1,
          "r0003", 1, "r0004", 1);
    }
    assertThat(tablesOf(dataSource, "public")).isEmpty();
    assertThat(result.members().stream().map(Fleet.Member::name).toList())
        .containsExactlyElementsIn(schemas).inOrder();
    assertThat(result.members().get(0).applied()).hasSize(4);
    assertThat(result.members().get(0).status().current().get(0).id()).isEqualTo("r0004");
  }

  @Test
  void plainSql_inAMigration_landsInTheTenantsSchema_andAPublicTableIsNotFound()
      throws Exception {
    List<String> schemas = tenants(2);
    DataSource dataSource = withSchemas(schemas);
    sql(dataSource).execute("create table public.shared (id int)");
    TestRegistry registry = TestRegistry.builder()
        .revision("p1").upgrade(db -> db.execute("create table plain (id int)"))
        .revision("p2", "p1").upgrade(db -> db.execute("insert into shared values (1)"))
        .build();

    Fleet.Result result = Fleet.ofSchemas(dataSource, registry, schemas).upgrade();

    for (String schema : schemas) {
      assertThat(tablesOf(dataSource, schema)).contains("plain");
    }
    // search_path is the tenant alone: public's table is not the tenant's.
    assertThat(result.failed()).hasSize(2);
    assertThat(result.failed().get(0).error()).isInstanceOf(MigrationFailedException.class);
    assertThat(result.failed().get(0).error().getMessage()).contains("shared");
  }

  @Test
  void whatPostgresTakesOnlyUnqualified_worksInATenant() throws Exception {
    List<String> schemas = tenants(2);
    DataSource dataSource = withSchemas(schemas);
    TestRegistry registry = TestRegistry.builder()
        .revision("u1").upgrade(db -> db.createTable("users")
            .column("email", org.jooq.impl.SQLDataType.VARCHAR(100)).execute())
        .revision("u2", "u1").upgrade(db -> {
          db.alterTable("users").renameTo("people").execute();
          db.createIndex("ix_people_email").on("people", "email").execute();
        })
        .build();

    Fleet.Result result = Fleet.ofSchemas(dataSource, registry, schemas).upgrade();

    assertThat(result.failed()).isEmpty();
    for (String schema : schemas) {
      assertThat(tablesOf(dataSource, schema)).contains("people");
      assertThat(sql(dataSource).fetchOne("select count(*) from pg_indexes where schemaname = ?"
          + " and indexname = 'ix_people_email'", schema).get(0, Integer.class)).isEqualTo(1);
    }
  }

  @Test
  void aSchemaWithAConflictingTable_fails_andTheOthersReachHead() throws Exception {
    List<String> schemas = tenants(20);
    DataSource dataSource = withSchemas(schemas);
    sql(dataSource).execute("create table tenant_007.t_r0003 (conflict text)");

    Fleet.Result result = Fleet.ofSchemas(dataSource, CHAIN, schemas).withParallelism(4)
        .upgrade();

    assertThat(result.succeeded()).isFalse();
    assertThat(result.failed()).hasSize(1);
    Fleet.Member failed = result.failed().get(0);
    assertThat(failed.name()).isEqualTo("tenant_007");
    assertThat(failed.error()).isInstanceOf(MigrationFailedException.class);
    assertThat(((MigrationFailedException) failed.error()).revision().id()).isEqualTo("r0003");
    assertThat(failed.status()).isNull();
    assertThat(result.notAtHead()).containsExactly(failed);
    assertThat(result.members().stream().filter(Fleet.Member::atHead).count()).isEqualTo(19);
    // Rolled back: the tenant is where the revision before the failure left it.
    assertThat(appliedCounts(dataSource, "tenant_007")).containsExactly("r0001", 1, "r0002", 1);
  }

  @Test
  void aRerunAfterAFailure_appliesOnlyWhatIsLeft() throws Exception {
    List<String> schemas = tenants(5);
    DataSource dataSource = withSchemas(schemas);
    sql(dataSource).execute("create table tenant_002.t_r0002 (conflict text)");
    Fleet fleet = Fleet.ofSchemas(dataSource, CHAIN, schemas);
    assertThat(fleet.upgrade().failed()).hasSize(1);
    sql(dataSource).execute("drop table tenant_002.t_r0002");

    Fleet.Result rerun = fleet.upgrade();

    assertThat(rerun.succeeded()).isTrue();
    for (Fleet.Member member : rerun.members()) {
      assertThat(member.applied().stream().map(step -> step.revision().id()).toList())
          .isEqualTo(member.name().equals("tenant_002")
              ? List.of("r0002", "r0003", "r0004") : List.of());
      assertThat(appliedCounts(dataSource, member.name())).hasSize(4);
      assertThat(appliedCounts(dataSource, member.name()).values()).containsExactly(1, 1, 1, 1);
    }
  }

  @Test
  void failFast_startsNoMemberAfterAFailure() throws Exception {
    List<String> schemas = tenants(6);
    DataSource dataSource = withSchemas(schemas);
    sql(dataSource).execute("create table tenant_001.t_r0001 (conflict text)");

    Fleet.Result result = Fleet.ofSchemas(dataSource, CHAIN, schemas)
        .withParallelism(1).withFailFast(true).upgrade();

    assertThat(result.failed().stream().map(Fleet.Member::name).toList())
        .containsExactly("tenant_001");
    assertThat(result.skipped()).hasSize(5);
    assertThat(result.skipped().get(0).error().getMessage())
        .isEqualTo(Messages.fleetSkipped("tenant_001"));
    for (String schema : schemas.subList(1, schemas.size())) {
      assertThat(tablesOf(dataSource, schema)).isEmpty();
    }
  }

  @Test
  void twoFleetsAtOnce_applyNothingTwice() throws Exception {
    List<String> schemas = tenants(20);
    DataSource dataSource = withSchemas(schemas);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService runners = Executors.newFixedThreadPool(2);
    try {
      List<Future<Fleet.Result>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        // One in the list's order, one in reverse: they meet on every member.
        List<String> order = new ArrayList<>(schemas);
        if (i == 1) {
          java.util.Collections.reverse(order);
        }
        results.add(runners.submit(() -> {
          start.await();
          return Fleet.ofSchemas(dataSource, CHAIN, order).withParallelism(4).upgrade();
        }));
      }
      start.countDown();
      int applied = 0;
      for (Future<Fleet.Result> result : results) {
        assertThat(result.get().succeeded()).isTrue();
        applied += result.get().members().stream().mapToInt(m -> m.applied().size()).sum();
      }
      assertThat(applied).isEqualTo(20 * 4);
    } finally {
      runners.shutdownNow();
    }
    for (String schema : schemas) {
      assertThat(appliedCounts(dataSource, schema).values()).containsExactly(1, 1, 1, 1);
    }
  }

  @Test
  void theListener_hearsOfEveryMember_withTheCounts() throws Exception {
    List<String> schemas = tenants(5);
    DataSource dataSource = withSchemas(schemas);
    sql(dataSource).execute("create table tenant_003.t_r0001 (conflict text)");
    List<Fleet.Progress> heard = new ArrayList<>();
    List<String> members = new ArrayList<>();

    Fleet.ofSchemas(dataSource, CHAIN, schemas).withParallelism(2)
        .withListener((member, progress) -> {
          members.add(member.name());
          heard.add(progress);
        })
        .upgrade();

    assertThat(members).containsExactlyElementsIn(schemas);
    assertThat(heard.stream().map(Fleet.Progress::finished).toList())
        .containsExactly(1, 2, 3, 4, 5).inOrder();
    Fleet.Progress last = heard.get(4);
    assertThat(last.total()).isEqualTo(5);
    assertThat(last.atHead()).isEqualTo(4);
    assertThat(last.failed()).isEqualTo(1);
  }

  @Test
  void checkAndCurrent_listTheMembersNotAtHead() throws Exception {
    List<String> schemas = tenants(3);
    DataSource dataSource = withSchemas(schemas);
    Fleet.ofSchemas(dataSource, CHAIN, List.of("tenant_001")).upgrade();
    Fleet.ofSchemas(dataSource, CHAIN, List.of("tenant_002")).upgrade("r0002");
    Fleet fleet = Fleet.ofSchemas(dataSource, CHAIN, schemas);

    Fleet.Result check = fleet.check();
    Fleet.Result current = fleet.current();

    for (Fleet.Result result : List.of(check, current)) {
      assertThat(result.succeeded()).isTrue();
      assertThat(result.notAtHead().stream().map(Fleet.Member::name).toList())
          .containsExactly("tenant_002", "tenant_003").inOrder();
      assertThat(result.members().get(1).status().pending()).hasSize(2);
      assertThat(result.members().get(2).status().current()).isEmpty();
    }
    assertThat(tablesOf(dataSource, "tenant_003")).isEmpty();
  }

  @Test
  void everyConnection_goesBackWithTheSearchPathItCameWith() throws Exception {
    List<String> schemas = tenants(2);
    DataSource server = withSchemas(schemas);
    String original = sql(server).fetchOne("show search_path").get(0, String.class);
    List<String> returnedWith = java.util.Collections.synchronizedList(new ArrayList<>());
    DataSource pool = new SingleConnection(null) {
      @Override
      public Connection getConnection() throws SQLException {
        Connection real = server.getConnection();
        // What a pool would get back: the path as the borrower left it.
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(
            Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                try (Statement statement = real.createStatement();
                    var path = statement.executeQuery("show search_path")) {
                  path.next();
                  returnedWith.add(path.getString(1));
                }
              }
              try {
                return method.invoke(real, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
      }
    };

    assertThat(Fleet.ofSchemas(pool, CHAIN, schemas).upgrade().succeeded()).isTrue();

    assertThat(returnedWith).isNotEmpty();
    assertThat(java.util.Set.copyOf(returnedWith)).containsExactly(original);
    assertThat(tablesOf(server, "tenant_002")).contains("t_r0004");
  }

  /** The log lines Retort writes while a member runs name it: its thread carries the name. */
  @Test
  void eachMembersMigrations_runOnAThreadNamedAfterTheMember() throws Exception {
    List<String> schemas = tenants(3);
    DataSource dataSource = withSchemas(schemas);
    List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
    TestRegistry recording = TestRegistry.builder()
        .revision("n1").upgrade(db -> threads.add(Thread.currentThread().getName()))
        .build();

    assertThat(Fleet.ofSchemas(dataSource, recording, schemas).withParallelism(2).upgrade()
        .succeeded()).isTrue();

    assertThat(threads.stream().map(name -> name.substring(name.lastIndexOf(' ') + 1)))
        .containsExactlyElementsIn(schemas);
    for (String name : threads) {
      assertThat(name).startsWith("retort-fleet-");
    }
  }

  /**
   * A pool of one connection, as a borrower leaves it inside a transaction: a failed one, which
   * refuses the switch back until it ends, and an open one, whose rollback on return would undo
   * a switch made inside it. Either way the next borrower must find the path the pool gave out.
   */
  @Test
  void aConnectionClosedInsideATransaction_failedOrOpen_goesBackWithItsSearchPath()
      throws Exception {
    DataSource server = withSchemas(tenants(1));
    try (Connection real = server.getConnection()) {
      String original = searchPath(real);
      DataSource tenant = SchemaDataSource.of(new SingleConnection(real), "tenant_001");

      Connection failed = tenant.getConnection();
      failed.setAutoCommit(false);
      try (Statement statement = failed.createStatement()) {
        assertThrows(SQLException.class, () -> statement.execute("select * from no_such_table"));
      }
      failed.close();
      givenBackToThePool(real);
      assertThat(searchPath(real)).isEqualTo(original);

      Connection open = tenant.getConnection();
      open.setAutoCommit(false);
      try (Statement statement = open.createStatement()) {
        statement.execute("select 1");
      }
      open.close();
      givenBackToThePool(real);
      assertThat(searchPath(real)).isEqualTo(original);
    }
  }

  /** What a pool does with a connection given back: ends its transaction with a rollback. */
  private static void givenBackToThePool(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  private static String searchPath(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        var path = statement.executeQuery("show search_path")) {
      path.next();
      return path.getString(1);
    }
  }

  @Test
  void theOfflineScript_rendersForOneTenant() {
    Fleet fleet = Fleet.ofSchemas(new SingleConnection(null), CHAIN,
        List.of("tenant_a", "tenant_b"));

    String script = fleet.retort("tenant_b").sql("base", "heads", SQLDialect.POSTGRES);

    assertThat(script).startsWith("set search_path to tenant_b;\n");
    assertThat(script).contains("create table if not exists tenant_b.retort_version");
    // Unqualified, as online: the search_path above puts it in the tenant's schema.
    assertThat(script).contains("\ncreate table t_r0001 (id int);");
    assertThat(script).doesNotContain("tenant_a");
  }

  @Test
  void aFleet_refusesWhatCannotBeOne() {
    DataSource none = new SingleConnection(null);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Fleet.ofSchemas(none, CHAIN, List.of())).getMessage())
        .isEqualTo(Messages.fleetWithoutMembers());
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Fleet.ofSchemas(none, CHAIN, List.of("a", "b", "a"))).getMessage())
        .isEqualTo(Messages.fleetMemberTwice("a"));
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Fleet.ofSchemas(none, CHAIN, List.of("a; drop table x"))).getMessage())
        .isEqualTo(Messages.fleetMemberNotASchema("a; drop table x"));
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Fleet.ofSchemas(none, CHAIN, List.of("select"))).getMessage())
        .isEqualTo(Messages.fleetMemberNotASchema("select"));
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Fleet.ofSchemas(none, CHAIN, List.of("a")).withParallelism(0)).getMessage())
        .isEqualTo(Messages.fleetParallelism(0));
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Fleet.ofSchemas(none, CHAIN, List.of("a")).retort("b")).getMessage())
        .isEqualTo(Messages.noSuchFleetMember("b", 1));
    assertThrows(InvalidTargetException.class,
        () -> Fleet.ofSchemas(none, CHAIN, List.of("a")).upgrade("nosuch"));
  }

  @Test
  void theDefaultParallelism_isTwiceTheProcessors_atMostEight() {
    assertThat(Fleet.defaultParallelism())
        .isEqualTo(Math.min(8, 2 * Runtime.getRuntime().availableProcessors()));
    assertThat(Fleet.ofSchemas(new SingleConnection(null), CHAIN, List.of("a")).parallelism())
        .isEqualTo(Fleet.defaultParallelism());
  }

  /** A data source that hands out one connection, never closing it: a pool of one. */
  private static class SingleConnection implements DataSource {
    private final Connection connection;

    SingleConnection(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (connection == null) {
        throw new SQLException("no database in this test");
      }
      return (Connection) java.lang.reflect.Proxy.newProxyInstance(
          Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (method.getName().equals("close")) {
              return null;
            }
            try {
              return method.invoke(connection, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
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

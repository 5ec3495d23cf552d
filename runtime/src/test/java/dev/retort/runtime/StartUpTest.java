package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.internal.database.ForwardingDataSource;
import dev.retort.runtime.internal.database.ObservedConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an application's start-up pays for before its first command, and in what order: the
 * registry on the classpath is created by the first command that needs it, an upgrade with
 * nothing to do reads it while its connection is being opened, and one with work to do goes on
 * on the connection it checked on. Proven by order, not by time: a
 * step that waited for the other would wait for ever, and the test fails at its bound.
 */
class StartUpTest {

  @TempDir
  Path services;

  /** Waits until another step has begun; fails the test if it never does. */
  private static void awaitOther(CountDownLatch begun, String failure) {
    try {
      if (!begun.await(1, TimeUnit.MINUTES)) {
        throw new AssertionError(failure);
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A data source that gives a connection only while the registry is being read: it counts down
   * {@link #asked}, then waits for {@link #reading}.
   */
  private static final class WhileReadingDataSource extends ForwardingDataSource {

    final CountDownLatch asked = new CountDownLatch(1);
    final CountDownLatch reading = new CountDownLatch(1);

    WhileReadingDataSource(DataSource delegate) {
      super(delegate);
    }

    @Override
    public Connection getConnection() throws SQLException {
      asked.countDown();
      awaitOther(reading, "a connection was asked for, but the registry was not read meanwhile");
      return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }
  }

  /**
   * A registry whose revisions are read only while a connection is being opened: it counts down
   * the data source's {@code reading}, then waits for its {@code asked}.
   */
  private static final class WhileConnectingRegistry extends ForwardingRegistry {

    private final WhileReadingDataSource dataSource;

    WhileConnectingRegistry(RevisionRegistry registry, WhileReadingDataSource dataSource) {
      super(registry);
      this.dataSource = dataSource;
    }

    @Override
    public List<RevisionInfo> revisions() {
      dataSource.reading.countDown();
      awaitOther(dataSource.asked, "the registry was read, but no connection was asked for");
      return registry.revisions();
    }
  }

  /**
   * A data source that counts how often none of its connections was open any more: each time an
   * embedded H2 database would have closed.
   */
  private static final class LastCloseCountingDataSource extends ForwardingDataSource {

    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger noneOpen = new AtomicInteger();

    LastCloseCountingDataSource(DataSource delegate) {
      super(delegate);
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = delegate.getConnection();
      open.incrementAndGet();
      AtomicBoolean closed = new AtomicBoolean();
      return ObservedConnection.of(connection, (method, arguments) -> {
        if (method.equals("close") && closed.compareAndSet(false, true)
            && open.decrementAndGet() == 0) {
          noneOpen.incrementAndGet();
        }
      });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }
  }

  /** As a pool configured with {@code autoCommit=false} hands connections out. */
  private static final class OutsideAutoCommitDataSource extends ForwardingDataSource {

    OutsideAutoCommitDataSource(DataSource delegate) {
      super(delegate);
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = delegate.getConnection();
      connection.setAutoCommit(false);
      return connection;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }
  }

  /** A registry whose heads cannot be read, as a broken hand-written one. */
  private static final class HeadlessRegistry extends ForwardingRegistry {

    HeadlessRegistry(RevisionRegistry registry) {
      super(registry);
    }

    @Override
    public List<RevisionInfo> heads() {
      throw new IllegalStateException("no heads");
    }
  }

  /** A registry that {@link java.util.ServiceLoader} finds but cannot create. */
  public static final class UncreatableRegistry extends GeneratedRegistry {

    /** Fails, as a registry whose table cannot be built would. */
    public UncreatableRegistry() {
      super(failToBuild());
    }

    private static RevisionTable failToBuild() {
      throw new IllegalStateException("the registry was created");
    }

    @Override
    protected Migration newMigration(int index) {
      throw new UnsupportedOperationException();
    }
  }

  /** Fails in its class's initialiser, as a generated registry whose table cannot be built. */
  public static final class UninitialisableRegistry extends GeneratedRegistry {

    private static final RevisionTable TABLE = failToInitialise();

    public UninitialisableRegistry() {
      super(TABLE);
    }

    private static RevisionTable failToInitialise() {
      throw new IllegalStateException("the registry's class was initialised");
    }

    @Override
    protected Migration newMigration(int index) {
      throw new UnsupportedOperationException();
    }
  }

  /**
   * Each side waits for the other: code that read the registry before connecting, or connected
   * before reading it, would wait until the bound and fail.
   */
  @Test
  void anUpgradeWithNothingToDo_readsTheRegistryWhileItsConnectionOpens() throws Exception {
    TestRegistry registry = TestRegistry.chain(3).build();
    DataSource database = TestDatabase.H2.create();
    Retort.using(database, registry).upgrade();
    WhileReadingDataSource dataSource = new WhileReadingDataSource(database);

    List<MigrationStep> applied =
        Retort.using(dataSource, new WhileConnectingRegistry(registry, dataSource)).upgrade();

    assertThat(applied).isEmpty();
  }

  /**
   * An embedded H2 database closes with its last connection, and opening a large one costs
   * seconds: between the check and the command, Retort keeps one open.
   */
  @Test
  void anUpgradeWithWorkToDo_goesOnOnTheConnectionTheCheckOpened() throws Exception {
    TestRegistry registry = TestRegistry.chain(3).build();
    DataSource database = TestDatabase.H2.create();
    Retort.using(database, TestRegistry.chain(2).build()).upgrade();
    LastCloseCountingDataSource counted = new LastCloseCountingDataSource(database);

    List<MigrationStep> applied = Retort.using(counted, registry).upgrade();

    assertThat(applied.stream().map(step -> step.revision().id()))
        .containsExactly(TestRegistry.chainId(3));
    assertThat(counted.noneOpen.get()).isEqualTo(1);
  }

  /** A command that fails before its session takes the check's connection still closes it. */
  @Test
  void theChecksConnection_isClosedWhenTheCommandFailsBeforeUsingIt() throws Exception {
    DataSource database = TestDatabase.H2.create();
    Retort.using(database, TestRegistry.chain(1).build()).upgrade();
    LastCloseCountingDataSource counted = new LastCloseCountingDataSource(database);

    assertThrows(IllegalStateException.class,
        () -> Retort.using(counted, new HeadlessRegistry(TestRegistry.chain(2).build()))
            .upgrade("heads"));

    assertThat(counted.open.get()).isEqualTo(0);
  }

  /**
   * On PostgreSQL a read of a missing table aborts a transaction, and leaving it by switching to
   * auto-commit rolls back what came before: the migration schema's search path. A connection
   * that came outside auto-commit is not handed on, so a new tenant's tables land in its schema.
   */
  @Test
  void onPostgres_aConnectionOutsideAutoCommit_leavesANewTenantsTablesInItsSchema()
      throws Exception {
    DataSource database = TestDatabase.POSTGRES.create();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create schema tenant_a");
    }

    Retort.using(new OutsideAutoCommitDataSource(database), TestRegistry.chain(2).build())
        .withSettings(RetortSettings.defaults().withSchema("tenant_a")
            .withMigrationSchema("tenant_a"))
        .upgrade();

    assertThat(tablesIn(database, "tenant_a")).containsAtLeast("t_r0001", "t_r0002");
    assertThat(tablesIn(database, "public")).isEmpty();
  }

  private static List<String> tablesIn(DataSource database, String schema) throws SQLException {
    List<String> tables = new java.util.ArrayList<>();
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement("select table_name from"
            + " information_schema.tables where table_schema = ? order by table_name")) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
    }
    return tables;
  }

  @Test
  void theRegistryOnTheClasspath_isCreatedByTheFirstCommand_notByUsing() throws Exception {
    Retort retort = onServices(UncreatableRegistry.class);

    // Created with the loader that was the context one when Retort was built, and tried again
    // by the next command, which fails the same way rather than going on without it.
    ServiceConfigurationError first =
        assertThrows(ServiceConfigurationError.class, retort::current);
    ServiceConfigurationError again =
        assertThrows(ServiceConfigurationError.class, retort::upgrade);

    assertThat(first).hasCauseThat().hasMessageThat().isEqualTo("the registry was created");
    assertThat(again).hasCauseThat().hasMessageThat().isEqualTo("the registry was created");
  }

  @Test
  void aRegistryWhoseClassFailedToInitialise_reportsWhyAgain_notOnlyThatItCouldNot()
      throws Exception {
    Retort retort = onServices(UninitialisableRegistry.class);

    ServiceConfigurationError first =
        assertThrows(ServiceConfigurationError.class, retort::current);
    ServiceConfigurationError again =
        assertThrows(ServiceConfigurationError.class, retort::upgrade);

    // The JVM initialises a class once: the second time it says only "Could not initialize
    // class", which names neither the registry's fault nor its fix.
    assertThat(first).hasCauseThat().isInstanceOf(ExceptionInInitializerError.class);
    assertThat(first).hasCauseThat().hasCauseThat().hasMessageThat()
        .isEqualTo("the registry's class was initialised");
    assertThat(again).hasCauseThat().hasCauseThat().hasMessageThat()
        .isEqualTo("the registry's class was initialised");
    assertThat(again.getSuppressed()).hasLength(1);
    assertThat(again.getSuppressed()[0]).hasCauseThat().isInstanceOf(NoClassDefFoundError.class);
  }

  /** Retort on a new H2 database, with the one registry a services file names. */
  private Retort onServices(Class<? extends RevisionRegistry> registry) throws Exception {
    Path folder = Files.createDirectories(services.resolve("META-INF/services"));
    Files.writeString(folder.resolve(RevisionRegistry.class.getName()), registry.getName());
    ClassLoader application = new URLClassLoader(new URL[] {services.toUri().toURL()},
        StartUpTest.class.getClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(application);
    try {
      return Retort.using(TestDatabase.H2.create());
    } finally {
      thread.setContextClassLoader(before);
    }
  }
}

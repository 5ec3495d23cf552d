package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.internal.database.ForwardingDataSource;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an application's start-up pays for before its first command, and in what order: the
 * registry on the classpath is created by the first command that needs it, and an upgrade with
 * nothing to do reads it while its connection is being opened. Proven by order, not by time: a
 * step that waited for the other would wait for ever, and the test fails at its bound.
 */
class StartUpTest {

  @TempDir
  Path services;

  /** A data source that counts down {@link #asked} when a connection is asked for. */
  private static final class WatchedDataSource extends ForwardingDataSource {

    final CountDownLatch asked = new CountDownLatch(1);

    WatchedDataSource(DataSource delegate) {
      super(delegate);
    }

    @Override
    public Connection getConnection() throws SQLException {
      asked.countDown();
      return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      asked.countDown();
      return delegate.getConnection(user, password);
    }
  }

  /** A registry whose revisions can be read only once a connection has been asked for. */
  private static final class AfterConnectingRegistry implements RevisionRegistry {

    private final RevisionRegistry registry;
    private final CountDownLatch asked;

    AfterConnectingRegistry(RevisionRegistry registry, CountDownLatch asked) {
      this.registry = registry;
      this.asked = asked;
    }

    @Override
    public List<RevisionInfo> revisions() {
      try {
        if (!asked.await(1, TimeUnit.MINUTES)) {
          throw new AssertionError("the registry was read before a connection was asked for");
        }
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      return registry.revisions();
    }

    @Override
    public Optional<RevisionInfo> revision(String id) {
      return registry.revision(id);
    }

    @Override
    public List<RevisionInfo> heads() {
      return registry.heads();
    }

    @Override
    public List<RevisionInfo> bases() {
      return registry.bases();
    }

    @Override
    public int[] parentIndexes(int index) {
      return registry.parentIndexes(index);
    }

    @Override
    public int[] dependencyIndexes(int index) {
      return registry.dependencyIndexes(index);
    }

    @Override
    public Migration migration(RevisionInfo revision) {
      return registry.migration(revision);
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

  @Test
  void anUpgradeWithNothingToDo_asksForItsConnectionBeforeReadingTheRegistry() throws Exception {
    TestRegistry registry = TestRegistry.chain(3).build();
    DataSource database = TestDatabase.H2.create();
    Retort.using(database, registry).upgrade();
    WatchedDataSource watched = new WatchedDataSource(database);

    List<MigrationStep> applied =
        Retort.using(watched, new AfterConnectingRegistry(registry, watched.asked)).upgrade();

    assertThat(applied).isEmpty();
  }

  @Test
  void theRegistryOnTheClasspath_isCreatedByTheFirstCommand_notByUsing() throws Exception {
    Path folder = Files.createDirectories(services.resolve("META-INF/services"));
    Files.writeString(folder.resolve(RevisionRegistry.class.getName()),
        UncreatableRegistry.class.getName());
    ClassLoader application = new URLClassLoader(new URL[] {services.toUri().toURL()},
        StartUpTest.class.getClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    Retort retort;
    thread.setContextClassLoader(application);
    try {
      retort = Retort.using(TestDatabase.H2.create());
    } finally {
      thread.setContextClassLoader(before);
    }

    // Created with the loader that was the context one when Retort was built.
    ServiceConfigurationError failure =
        assertThrows(ServiceConfigurationError.class, retort::current);

    assertThat(failure).hasCauseThat().hasMessageThat().isEqualTo("the registry was created");
  }
}

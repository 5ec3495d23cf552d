package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.messages.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections from a JDBC URL: the driver found where the application sees it, no secret said. */
class UrlDataSourceTest {

  private static final String RIGHT = "Right-S3cret";
  private static final String WRONG = "Wr0ng-Pa55word";

  @TempDir
  Path services;

  /** An in-memory H2 database whose user sa has the password {@link #RIGHT}. */
  private static String databaseWithPassword() throws SQLException {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection connection = UrlDataSource.of(url, "sa", "").getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("alter user sa set password '" + RIGHT + "'");
    }
    return url;
  }

  /** A class loader that offers the test's driver and registry as services, as an app's would. */
  private ClassLoader applicationLoader() throws Exception {
    Path folder = Files.createDirectories(services.resolve("META-INF/services"));
    Files.writeString(folder.resolve("java.sql.Driver"), ContextOnlyDriver.class.getName());
    Files.writeString(folder.resolve(RevisionRegistry.class.getName()),
        ContextOnlyRegistry.class.getName());
    return new URLClassLoader(new URL[] {services.toUri().toURL()},
        UrlDataSourceTest.class.getClassLoader());
  }

  private static <T> T withContextLoader(ClassLoader loader, Callable<T> work) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return work.call();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  private static String printed(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  @Test
  void aUrlWithTheRightPassword_connects() throws Exception {
    String url = databaseWithPassword();

    try (Connection connection = UrlDataSource.of(url, "sa", RIGHT).getConnection()) {
      assertThat(connection.isValid(1)).isTrue();
    }
  }

  @Test
  void aWrongPassword_isNamedAsTheDriverSaysIt_withNeitherPasswordInTheTrace() throws Exception {
    String url = databaseWithPassword();

    SQLException refused = assertThrows(SQLException.class,
        () -> UrlDataSource.of(url, "sa", WRONG).getConnection());
    SQLException alsoRefused = assertThrows(SQLException.class,
        () -> UrlDataSource.of(url, "sa", RIGHT).getConnection("sa", WRONG));

    assertThat(refused.getMessage())
        .startsWith(Messages.cannotConnectTo(url, "sa", "Wrong user name or password"));
    for (SQLException e : List.of(refused, alsoRefused)) {
      assertThat(printed(e)).doesNotContain(WRONG);
      assertThat(printed(e)).doesNotContain(RIGHT);
    }
  }

  @Test
  void aPasswordInsideTheUrl_isMaskedInTheError_andInToString() throws Exception {
    String url = "jdbc:h2:tcp://127.0.0.1:1/nowhere;USER=sa;PASSWORD=" + WRONG + ";IFEXISTS=TRUE";
    UrlDataSource dataSource = UrlDataSource.of(url, "sa", null);

    SQLException refused = assertThrows(SQLException.class, dataSource::getConnection);

    assertThat(refused.getMessage()).startsWith("Cannot connect to jdbc:h2:tcp://127.0.0.1:1"
        + "/nowhere;USER=sa;PASSWORD=" + PasswordMask.MASK + ";IFEXISTS=TRUE as sa: ");
    assertThat(printed(refused)).doesNotContain(WRONG);
    assertThat(dataSource.toString()).doesNotContain(WRONG);
    assertThat(dataSource.toString()).contains("PASSWORD=" + PasswordMask.MASK);
  }

  @Test
  void aUrlNoDriverAccepts_saysSo() {
    SQLException refused = assertThrows(SQLException.class,
        () -> UrlDataSource.of("jdbc:nosuch://db/shop?password=" + WRONG, "shop", null)
            .getConnection());

    assertThat(refused.getMessage()).isEqualTo(Messages.cannotConnectTo(
        "jdbc:nosuch://db/shop?password=" + PasswordMask.MASK, "shop", Messages.noDriver()));
  }

  @Test
  void aDriverOnlyTheContextClassLoaderSees_isFound() throws Exception {
    String url = ContextOnlyDriver.PREFIX + UUID.randomUUID();
    ClassLoader application = applicationLoader();

    SQLException withoutIt = assertThrows(SQLException.class,
        () -> UrlDataSource.of(url, "sa", "").getConnection());
    UrlDataSource madeInTheApplication =
        withContextLoader(application, () -> UrlDataSource.of(url, "sa", ""));

    assertThat(withoutIt.getMessage())
        .isEqualTo(Messages.cannotConnectTo(url, "sa", Messages.noDriver()));
    // Made while the application's loader was the context one: it keeps seeing its drivers.
    try (Connection connection = madeInTheApplication.getConnection()) {
      assertThat(connection.isValid(1)).isTrue();
    }
  }

  @Test
  void retortUsingAUrl_upgradesWithTheApplicationsDriverAndRegistry() throws Exception {
    String url = ContextOnlyDriver.PREFIX + UUID.randomUUID();

    List<MigrationStep> applied = withContextLoader(applicationLoader(),
        () -> Retort.using(url, "sa", "").upgrade("heads"));

    assertThat(applied.stream().map(step -> step.revision().id()))
        .containsExactly("a1", "b1").inOrder();
    assertThat(TestDatabase.tables(UrlDataSource.of(url, "sa", "",
        applicationLoader()))).containsAtLeast("t_a1", "t_b1");
  }

  @Test
  void settingsADataSourceCannotHonour_areRefused_notIgnored() {
    UrlDataSource dataSource = UrlDataSource.of("jdbc:h2:mem:x", "sa", "");

    SQLException logWriter = assertThrows(SQLException.class,
        () -> dataSource.setLogWriter(new PrintWriter(new StringWriter())));
    SQLException timeout = assertThrows(SQLException.class, () -> dataSource.setLoginTimeout(5));

    assertThat(logWriter.getMessage()).isEqualTo(Messages.urlDataSourceSetting("log writer"));
    assertThat(timeout.getMessage()).isEqualTo(Messages.urlDataSourceSetting("login timeout"));
  }
}

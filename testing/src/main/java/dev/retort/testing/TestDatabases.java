package dev.retort.testing;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Databases for {@link MigrationTests#database()}, new and empty on every call.
 *
 * <pre>{@code
 * @Override
 * public DataSource database() {   // the H2 file database the application really uses
 *   return TestDatabases.h2FileLike("jdbc:h2:file:./data/shop;AUTO_SERVER=TRUE",
 *       Path.of("target/test-databases"));
 * }
 * }</pre>
 */
public final class TestDatabases {

  private TestDatabases() {}

  /**
   * An in-memory H2 database of its own, kept open until the JVM ends: the default of {@link
   * MigrationTests#database()}. Fast, but it never closes, so it cannot show what an H2 file
   * database does when it is opened again (see {@link #h2FileLike}).
   */
  public static DataSource h2InMemory() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:retort-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  /**
   * A new H2 file database in {@code folder}, with the settings of the application's URL (its
   * {@code ;MODE=...}, {@code ;AUTO_SERVER=TRUE} and the like, and its user and password): the
   * database the application really uses, under a new name. Like the application's, it closes
   * when its last connection does, so every command of a check opens it again, as every run of
   * the command line does; some failures show only then (H2 lets a foreign key take over an
   * index when it reopens a database or rebuilds a table, and that index can then no longer be
   * dropped on its own).
   *
   * @param url the application's H2 URL, {@code jdbc:h2:file:...} or {@code jdbc:h2:...}
   * @param folder where the test databases go, such as {@code target/test-databases}
   * @throws IllegalArgumentException if the URL is not an H2 URL, or not of a file database
   */
  public static DataSource h2FileLike(String url, Path folder) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:")
        || lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
      throw new IllegalArgumentException("h2FileLike needs the URL of an H2 file database"
          + " (jdbc:h2:file:... or jdbc:h2:./...), not " + url.replaceAll(
              "(?i)(password=)[^;]*", "$1****") + "; for another database, return a"
          + " DataSource of your own from database().");
    }
    int settings = url.indexOf(';');
    String name = "retort-" + UUID.randomUUID();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + folder.toAbsolutePath().resolve(name)
        + (settings < 0 ? "" : url.substring(settings)));
    return h2;
  }
}

package dev.retort.testing;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The database the checks use by default: H2 in memory, a new one for each call. */
final class EmbeddedDatabase {

  private EmbeddedDatabase() {}

  static DataSource fresh() {
    JdbcDataSource h2 = new JdbcDataSource();
    // Kept open between connections (Retort opens several) until the JVM ends.
    h2.setURL("jdbc:h2:mem:retort-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }
}

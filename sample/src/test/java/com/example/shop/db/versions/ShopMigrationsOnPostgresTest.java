package com.example.shop.db.versions;

import com.example.shop.CiPostgres;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.testing.ExpectedSchema;
import dev.retort.testing.MigrationTests;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The same checks on PostgreSQL, a new database for each, on the server that
 * {@code .ci/start-databases} starts. Without it they are skipped on a developer's machine and
 * fail in CI.
 */
class ShopMigrationsOnPostgresTest implements MigrationTests {

  @Override
  public RevisionRegistry registry() {
    return Revisions.REGISTRY;
  }

  @Override
  public Optional<ExpectedSchema> expectedSchema() {
    return Optional.of(ExpectedSchema.ddlFile(Path.of("src/main/resources/db/schema.sql")));
  }

  @Override
  public SQLDialect dialect() {
    return SQLDialect.POSTGRES;
  }

  @Override
  public DataSource database() {
    String name = CiPostgres.createDatabase("shop_");
    CREATED.add(name);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(CiPostgres.urlOf(name));
    return dataSource;
  }

  /** The databases database() created, each check's own: dropped once every check has run. */
  private static final Queue<String> CREATED = new ConcurrentLinkedQueue<>();

  @AfterAll
  static void dropTheDatabases() throws SQLException {
    if (!CREATED.isEmpty()) {
      CiPostgres.dropDatabases(CREATED);
      CREATED.clear();
    }
  }
}

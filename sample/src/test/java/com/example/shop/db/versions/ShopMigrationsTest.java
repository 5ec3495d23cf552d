package com.example.shop.db.versions;

import dev.retort.testing.ExpectedSchema;
import dev.retort.testing.MigrationTests;
import dev.retort.testing.TestDatabases;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.jooq.SQLDialect;

/**
 * "Test migrations before deploying": every revision's stairway, the walk up and down, base to
 * heads and back, and the database-free proofs, a test per revision, on the database the sample
 * really uses: an H2 file database with the settings of retort.properties' URL, a new one under
 * target/ for each check; and the linter, for PostgreSQL, where the shop runs in production. The
 * registry is the one generated for the sample, found on the classpath.
 */
class ShopMigrationsTest implements MigrationTests {

  /** The URL scripts/db_migrate and the application use by default. */
  static String samplesUrl() {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of("retort.properties"))) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("url");
  }

  @Override
  public DataSource database() {
    return TestDatabases.h2FileLike(samplesUrl(), Path.of("target/test-databases"));
  }

  @Override
  public SQLDialect lintDialect() {
    return SQLDialect.POSTGRES;
  }

  @Override
  public Optional<ExpectedSchema> expectedSchema() {
    return Optional.of(ExpectedSchema.ddlFile(Path.of("src/main/resources/db/schema.sql")));
  }
}

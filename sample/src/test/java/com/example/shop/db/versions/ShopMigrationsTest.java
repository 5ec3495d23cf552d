package com.example.shop.db.versions;

import dev.retort.testing.ExpectedSchema;
import dev.retort.testing.MigrationTests;
import java.nio.file.Path;
import java.util.Optional;
import org.jooq.SQLDialect;

/**
 * "Test migrations before deploying": every revision's stairway, base to heads and back, and the
 * database-free proofs, on an embedded H2 database — a test per revision — and the linter, for
 * PostgreSQL, where the shop runs in production. The registry is the one generated for the
 * sample, found on the classpath.
 */
class ShopMigrationsTest implements MigrationTests {

  @Override
  public SQLDialect lintDialect() {
    return SQLDialect.POSTGRES;
  }

  @Override
  public Optional<ExpectedSchema> expectedSchema() {
    return Optional.of(ExpectedSchema.ddlFile(Path.of("src/test/resources/shop-schema.sql")));
  }
}

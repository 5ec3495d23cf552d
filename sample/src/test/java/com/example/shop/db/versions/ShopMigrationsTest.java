package com.example.shop.db.versions;

import dev.retort.testing.ExpectedSchema;
import dev.retort.testing.MigrationTests;
import java.nio.file.Path;
import java.util.Optional;

/**
 * "Test migrations before deploying": every revision's stairway, base to heads and back, and the
 * database-free proofs, on an embedded H2 database — a test per revision. The registry is the
 * one generated for the sample, found on the classpath.
 */
class ShopMigrationsTest implements MigrationTests {

  @Override
  public Optional<ExpectedSchema> expectedSchema() {
    return Optional.of(ExpectedSchema.ddlFile(Path.of("src/main/resources/db/schema.sql")));
  }
}

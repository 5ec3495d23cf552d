package dev.retort.testing;

import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionRegistry;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * "Test migrations before deploying", in one test class: implement this interface, and JUnit
 * runs a named test per revision of the generated registry on the test classpath.
 *
 * <pre>{@code
 * class ShopMigrationsTest implements MigrationTests {}
 * }</pre>
 *
 * <p>Override {@link #registry()} to name the registry when the classpath has several that do not
 * contain one another, and the other default methods to choose the database, the settings and
 * the expected schema.
 *
 * <ul>
 *   <li><b>stairway</b>: for each revision in order, upgrade it, downgrade it, upgrade it again;
 *       after the downgrade the schema must be what it was before the upgrade;
 *   <li><b>walk up, then down</b>: on one database, every revision up one at a time, as each
 *       deploy applies them, then every revision down one at a time, newest first; on the way
 *       down the schema after each downgrade must be what it was before that revision's
 *       upgrade, with every later revision applied in between (which the stairway never does);
 *   <li><b>base to heads and back</b>: every revision up, then down to base, leaving no table
 *       but Retort's own;
 *   <li><b>the schema at head matches the model</b>, when {@link #expectedSchema()} gives one;
 *   <li>without a database, with jOOQ's DDL interpreter: <b>downgrade undoes upgrade</b> for each
 *       revision, and <b>branches merge in either order</b> for each merge (see {@link
 *       dev.retort.runtime.RevisionProofs}).
 *   <li><b>lint</b>, without a database: each revision after {@link #lintSince()} breaks none
 *       of the linter's rules in {@link #lintDialect()} without an {@code @Allow} excusing it
 *       (see {@link dev.retort.review.Review}).
 * </ul>
 *
 * <p>The database checks run on an embedded H2 database by default; override {@link
 * #database()} to run them on your own (PostgreSQL, say).
 */
public interface MigrationTests {

  /**
   * The registry to check. By default the generated one on the classpath ({@link
   * RevisionRegistry#onClasspath()}); override it to return {@code Revisions.REGISTRY} itself.
   */
  default RevisionRegistry registry() {
    return RevisionRegistry.onClasspath();
  }

  /**
   * A new, empty database; each check that needs one calls this once. By default an in-memory
   * H2 database of its own; {@link TestDatabases#h2FileLike} gives the H2 file database an
   * application really uses, which shows failures that appear only when it is reopened.
   */
  default DataSource database() {
    return TestDatabases.h2InMemory();
  }

  /**
   * The settings the migrations run with, as in production: the names of Retort's own tables
   * (left out of every schema comparison), their schema, the transaction mode, and how names are
   * quoted ({@link RetortSettings#nameQuoting()}), which the stairway, the comparison with the
   * model and the database-free proofs all follow. By default Retort's defaults.
   */
  default RetortSettings settings() {
    return RetortSettings.defaults();
  }

  /** The dialect the database-free proofs render the migrations in. */
  default SQLDialect dialect() {
    return SQLDialect.H2;
  }

  /**
   * The dialect the linter judges the revisions in: that of the database the application runs on
   * in production, since most rules are about its locks ({@code SQLDialect.POSTGRES}). By default
   * {@link #dialect()}.
   */
  default SQLDialect lintDialect() {
    return dialect();
  }

  /**
   * The last revision the linter leaves alone: it and its ancestors are not linted, so a project
   * with a long history adopts the linter without excusing its past. By default {@code
   * lint_since} from {@code retort.properties} in the working directory (the command line's
   * configuration file), when it sets it; otherwise every revision is linted.
   */
  default Optional<String> lintSince() {
    return LintChecks.lintSinceIn(Path.of("retort.properties"));
  }

  /** The schema expected at head, or empty to skip that check (reported as skipped). */
  default Optional<ExpectedSchema> expectedSchema() {
    return Optional.empty();
  }

  @TestFactory
  @DisplayName("stairway: upgrade, downgrade, upgrade")
  default Stream<DynamicTest> stairway() {
    return new DatabaseChecks(registry(), this::database, settings()).stairway();
  }

  @TestFactory
  @DisplayName("walk: up one revision at a time to the heads, then down one at a time to base")
  default Stream<DynamicTest> walkUpThenDown() {
    return new DatabaseChecks(registry(), this::database, settings()).walkUpThenDown();
  }

  @Test
  @DisplayName("base to heads and back to base")
  default void baseToHeadsAndBack() {
    new DatabaseChecks(registry(), this::database, settings()).baseToHeadsAndBack();
  }

  @Test
  @DisplayName("the schema at head matches the model")
  default void schemaAtHeadMatchesTheModel() {
    new DatabaseChecks(registry(), this::database, settings()).schemaAtHeadMatches(expectedSchema());
  }

  @TestFactory
  @DisplayName("without a database: downgrade undoes upgrade")
  default Stream<DynamicTest> downgradeUndoesUpgradeWithoutADatabase() {
    return DatabaseFreeChecks.downgradeUndoesUpgrade(registry(), dialect(), settings());
  }

  @TestFactory
  @DisplayName("lint: no rule broken without an excuse")
  default Stream<DynamicTest> lint() {
    return LintChecks.lint(registry(), lintDialect(), settings(), lintSince());
  }

  @TestFactory
  @DisplayName("without a database: branches merge in either order")
  default Stream<DynamicTest> mergesCommuteWithoutADatabase() {
    return DatabaseFreeChecks.mergesCommute(registry(), dialect(), settings());
  }
}

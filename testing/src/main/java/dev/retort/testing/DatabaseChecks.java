package dev.retort.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.runtime.IrreversibleMigrationException;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/** The checks of {@link MigrationTests} that run the migrations on a real database. */
final class DatabaseChecks {

  private final RevisionRegistry registry;
  private final Supplier<DataSource> databases;
  private final RetortSettings settings;
  private final LiveSchema live;

  DatabaseChecks(RevisionRegistry registry, Supplier<DataSource> databases,
      RetortSettings settings) {
    this.registry = registry;
    this.databases = databases;
    this.settings = settings;
    this.live = new LiveSchema(settings);
  }

  private Retort retort(DataSource database) {
    return Retort.using(database, registry).withSettings(settings);
  }

  /**
   * One test per revision, in order, on one database: upgrade it, downgrade it (with what depends
   * on it, which is nothing yet), compare the schema with the one before, upgrade it again. After
   * a failed step the later ones are skipped: their starting point is unknown.
   */
  Stream<DynamicTest> stairway() {
    Stairway stairway = new Stairway();
    return registry.revisions().stream().map(revision ->
        DynamicTest.dynamicTest(Names.of(revision), () -> stairway.step(revision)));
  }

  private final class Stairway {
    private Retort retort;
    private DataSource database;
    private String brokenAt;

    void step(RevisionInfo revision) {
      if (brokenAt != null) {
        Assumptions.abort("not run: the stairway broke at " + brokenAt);
      }
      if (retort == null) {
        database = databases.get();
        retort = retort(database);
      }
      brokenAt = Names.of(revision);
      SchemaSnapshot before = live.snapshot(database);
      run(() -> retort.upgrade(revision), "its upgrade failed");
      if (!revision.reversible()) {
        brokenAt = null;
        Assumptions.abort("upgrade passed; downgrade not checked: it is @Irreversible ("
            + revision.irreversibleReason().orElse("") + ")");
      }
      run(() -> retort.revert(revision), "its downgrade failed");
      SchemaSnapshot after = live.snapshot(database);
      List<String> difference = before.differenceTo(after);
      if (!difference.isEmpty()) {
        fail(Names.of(revision) + ": after upgrade and downgrade the schema differs from the"
            + " schema before; the downgrade removes too much (-) or leaves behind (+):\n"
            + String.join("\n", difference));
      }
      run(() -> retort.upgrade(revision), "its second upgrade, after the downgrade, failed");
      brokenAt = null;
    }

    private void run(Runnable command, String what) {
      try {
        command.run();
      } catch (RuntimeException e) {
        fail(brokenAt + ": " + what + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * On one database: each revision up, one command each, in order, to the heads; then each down,
   * one command each, newest first, to base. After each downgrade the schema must be the one
   * recorded before that revision's upgrade. A test per step; after a failed step, or an
   * {@code @Irreversible} revision on the way down, the later ones are skipped.
   */
  Stream<DynamicTest> walkUpThenDown() {
    Walk walk = new Walk();
    List<RevisionInfo> revisions = registry.revisions();
    Stream<DynamicTest> up = revisions.stream().map(revision ->
        DynamicTest.dynamicTest("up " + Names.of(revision), () -> walk.up(revision)));
    List<RevisionInfo> newestFirst = new ArrayList<>(revisions);
    Collections.reverse(newestFirst);
    Stream<DynamicTest> down = newestFirst.stream().map(revision ->
        DynamicTest.dynamicTest("down " + Names.of(revision), () -> walk.down(revision)));
    return Stream.concat(up, down);
  }

  private final class Walk {
    private final Map<String, SchemaSnapshot> before = new HashMap<>();
    private Retort retort;
    private DataSource database;
    private String brokenAt;

    void up(RevisionInfo revision) {
      start(revision);
      before.put(revision.id(), live.snapshot(database));
      run(() -> retort.upgrade(revision), "its upgrade, on top of every revision before it,"
          + " failed");
      brokenAt = null;
    }

    void down(RevisionInfo revision) {
      start(revision);
      if (!revision.reversible()) {
        Assumptions.abort("not run: " + brokenAt + " is @Irreversible ("
            + revision.irreversibleReason().orElse("") + "), so the walk down stops here");
      }
      run(() -> retort.revert(revision), "its downgrade, after every later revision was"
          + " applied and reverted, failed");
      List<String> difference = before.get(revision.id()).differenceTo(live.snapshot(database));
      if (!difference.isEmpty()) {
        fail(brokenAt + ": walking down, the schema after its downgrade differs from the schema"
            + " before its upgrade on the way up; the downgrade removes too much (-) or leaves"
            + " behind (+):\n" + String.join("\n", difference));
      }
      brokenAt = null;
    }

    private void start(RevisionInfo revision) {
      if (brokenAt != null) {
        Assumptions.abort("not run: the walk broke at " + brokenAt);
      }
      if (retort == null) {
        database = databases.get();
        retort = retort(database);
      }
      brokenAt = Names.of(revision);
    }

    private void run(Runnable command, String what) {
      try {
        command.run();
      } catch (RuntimeException e) {
        fail(brokenAt + ": " + what + ": " + e.getMessage(), e);
      }
    }
  }

  /** Every revision up, then everything down: only Retort's own tables may remain. */
  void baseToHeadsAndBack() {
    DataSource database = databases.get();
    Retort retort = retort(database);
    retort.upgrade();
    try {
      retort.downgrade("base");
    } catch (IrreversibleMigrationException irreversible) {
      Assumptions.abort("not checked: " + irreversible.getMessage());
    }
    SchemaSnapshot left = live.snapshot(database);
    if (!left.lines().isEmpty()) {
      fail("After upgrading to heads and downgrading to base these remain; a downgrade does not"
          + " remove what its upgrade created:\n" + left);
    }
  }

  /** The schema the migrations build, against the model created in a database of its own. */
  void schemaAtHeadMatches(Optional<ExpectedSchema> expected) {
    if (expected.isEmpty()) {
      Assumptions.abort("no expected schema: override expectedSchema() to compare the schema at"
          + " head with a DDL script or jOOQ-generated classes");
    }
    DataSource migrated = databases.get();
    retort(migrated).upgrade();
    DataSource model = databases.get();
    try (Connection connection = model.getConnection()) {
      DSLContext db = DSL.using(connection, JDBCUtils.dialect(connection));
      for (Query query : expected.get().statements(db)) {
        db.execute(query);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create " + expected.get() + ": " + e.getMessage(),
          e);
    }
    List<String> difference =
        live.snapshot(migrated).differenceTo(live.snapshot(model));
    if (!difference.isEmpty()) {
      fail("The schema at head differs from " + expected.get() + ": the migrations build what"
          + " the model lacks (-) and lack what it has (+):\n" + String.join("\n", difference)
          + "\nAs DDL, from head to the model:\n" + live.migration(migrated, model));
    }
  }
}

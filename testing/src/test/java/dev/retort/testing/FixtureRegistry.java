package dev.retort.testing;

import dev.retort.runtime.GeneratedRegistry;
import dev.retort.runtime.Migration;
import dev.retort.runtime.RevisionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * A registry of fixture revisions built by hand, in the shape the processor generates; each
 * revision's upgrade and downgrade are plain SQL, so a fixture reads as the script it runs.
 */
final class FixtureRegistry extends GeneratedRegistry {

  private final List<Migration> migrations;

  private FixtureRegistry(RevisionTable table, List<Migration> migrations) {
    super(table);
    this.migrations = migrations;
  }

  @Override
  protected Migration newMigration(int index) {
    return migrations.get(index);
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    /** id, revises, and the @Irreversible reason or null. */
    private final List<String[]> rows = new ArrayList<>();
    private final List<Migration> migrations = new ArrayList<>();

    /** A revision; {@code revises} is space-separated, empty for a base. Parents first. */
    Builder revision(String id, String revises, String upgrade, String downgrade) {
      return revision(id, revises, new Migration() {
        @Override
        public void upgrade(DSLContext db) {
          run(db, upgrade);
        }

        @Override
        public void downgrade(DSLContext db) {
          run(db, downgrade);
        }
      });
    }

    /** A revision whose migration is Java, for one that reads data, say. */
    Builder revision(String id, String revises, Migration migration) {
      rows.add(new String[] {id, revises, null});
      migrations.add(migration);
      return this;
    }

    /** Marks the revision added last @Irreversible, for this reason. */
    Builder irreversible(String reason) {
      rows.get(rows.size() - 1)[2] = reason;
      return this;
    }

    private static void run(DSLContext db, String script) {
      Consumer<String> execute = db::execute;
      for (String statement : script.split(";")) {
        if (!statement.isBlank()) {
          execute.accept(statement.strip());
        }
      }
    }

    FixtureRegistry build() {
      RevisionTable.Builder table = RevisionTable.builder(rows.size());
      List<String> heads = new ArrayList<>();
      List<String> bases = new ArrayList<>();
      for (String[] row : rows) {
        String[] revises = row[1].isBlank() ? RevisionTable.NONE : row[1].split(" ");
        table.add(row[0], "fixture.Rev_" + row[0], "Fixture " + row[0], "sum-" + row[0], true,
            row[2], revises, RevisionTable.NONE, RevisionTable.NONE);
        if (revises.length == 0) {
          bases.add(row[0]);
        }
        if (rows.stream().noneMatch(other -> List.of(other[1].split(" ")).contains(row[0]))) {
          heads.add(row[0]);
        }
      }
      return new FixtureRegistry(table.build(heads.toArray(String[]::new),
          bases.toArray(String[]::new)), migrations);
    }
  }
}

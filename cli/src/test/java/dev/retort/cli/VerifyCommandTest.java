package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.cli.CliRunner.Run;
import dev.retort.runtime.GeneratedRegistry;
import dev.retort.runtime.Migration;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.RevisionTable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort verify} through the entry point on registries that fail and skip proofs: what it
 * prints for each revision, and its exit status.
 */
class VerifyCommandTest {

  @TempDir Path folder;

  /**
   * A registry in the shape the processor generates, its revisions given as rows of id, revises
   * (space-separated) and the migration.
   */
  abstract static class Fixture extends GeneratedRegistry {
    private final List<Migration> migrations;

    Fixture(Object[][] rows) {
      super(table(rows));
      this.migrations = new ArrayList<>();
      for (Object[] row : rows) {
        migrations.add((Migration) row[2]);
      }
    }

    private static RevisionTable table(Object[][] rows) {
      RevisionTable.Builder table = RevisionTable.builder(rows.length);
      List<String> heads = new ArrayList<>();
      for (Object[] row : rows) {
        String id = (String) row[0];
        String revises = (String) row[1];
        table.add(id, "fixture.Rev_" + id, "Fixture " + id, "sum-" + id, true, null,
            revises.isEmpty() ? RevisionTable.NONE : revises.split(" "), RevisionTable.NONE,
            RevisionTable.NONE);
        boolean isParent = false;
        for (Object[] other : rows) {
          isParent |= List.of(((String) other[1]).split(" ")).contains(id);
        }
        if (!isParent) {
          heads.add(id);
        }
      }
      return table.build(heads.toArray(String[]::new), new String[] {(String) rows[0][0]});
    }

    @Override
    protected Migration newMigration(int index) {
      return migrations.get(index);
    }
  }

  /** A migration of plain SQL statements, separated by semicolons. */
  private static Migration sql(String upgrade, String downgrade) {
    return java(db -> run(db, upgrade), db -> run(db, downgrade));
  }

  /** A migration written in Java, as a project's are. */
  private static Migration java(Consumer<DSLContext> upgrade,
      Consumer<DSLContext> downgrade) {
    return new Migration() {
      @Override
      public void upgrade(DSLContext db) {
        upgrade.accept(db);
      }

      @Override
      public void downgrade(DSLContext db) {
        downgrade.accept(db);
      }
    };
  }

  private static void run(DSLContext db, String script) {
    for (String statement : script.split(";")) {
      if (!statement.isBlank()) {
        db.execute(statement.strip());
      }
    }
  }

  /** b1's downgrade drops its index but leaves its table behind. */
  public static final class BrokenDowngrade extends Fixture {
    public BrokenDowngrade() {
      super(new Object[][] {
          {"a1", "", sql("create table users (id int primary key)", "drop table users")},
          {"b1", "a1", sql("create table orders (id int primary key);"
              + " create index orders_id on orders (id)", "drop index orders_id")},
      });
    }
  }

  /** Two branches give users.name different lengths: the merged schema depends on the order. */
  public static final class ConflictingMerge extends Fixture {
    public ConflictingMerge() {
      super(new Object[][] {
          {"a1", "", sql("create table users (id int primary key, name varchar(10))",
              "drop table users")},
          {"b1", "a1", sql("alter table users alter column name set data type varchar(50)",
              "alter table users alter column name set data type varchar(10)")},
          {"c1", "a1", sql("alter table users alter column name set data type varchar(100)",
              "alter table users alter column name set data type varchar(10)")},
          {"m1", "b1 c1", sql("", "")},
      });
    }
  }

  /** b1 inserts a row: a data migration, which the DDL interpreter does not model. */
  public static final class DataMigration extends Fixture {
    public DataMigration() {
      super(new Object[][] {
          {"a1", "", sql("create table users (id int primary key, name varchar(50))",
              "drop table users")},
          {"b1", "a1", sql("insert into users values (1, 'root')",
              "delete from users where id = 1")},
          {"c1", "b1", sql("create table audit (id int)", "drop table audit")},
      });
    }
  }

  /**
   * Like a project that supports two databases: on PostgreSQL b1 makes the mood column an enum
   * type, elsewhere a varchar.
   */
  public static final class EnumOnPostgres extends Fixture {
    public EnumOnPostgres() {
      super(new Object[][] {
          {"a1", "", sql("create table users (id int primary key)", "drop table users")},
          {"b1", "a1", java(db -> {
            if (db.family() == SQLDialect.POSTGRES) {
              db.execute("create type mood as enum ('sad', 'ok')");
              db.execute("alter table users add mood mood");
            } else {
              db.execute("alter table users add mood varchar(3)");
            }
          }, db -> {
            db.execute("alter table users drop column mood");
            if (db.family() == SQLDialect.POSTGRES) {
              db.execute("drop type mood");
            }
          })},
      });
    }
  }

  /**
   * {@code retort verify} with the given registry, found as the command line finds a project's:
   * through ServiceLoader, here from a services file of this test's own, and named in the
   * configuration file.
   */
  private Run verify(Class<? extends RevisionRegistry> registry, String configuration,
      String... args) throws Exception {
    Path services = folder.resolve("classpath/META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(RevisionRegistry.class.getName()),
        registry.getName() + "\n");
    Path config = folder.resolve("retort.properties");
    Files.writeString(config, "registry=" + registry.getName() + "\n" + configuration);
    List<String> command = new ArrayList<>(List.of("verify", "--config", config.toString()));
    command.addAll(List.of(args));
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (URLClassLoader withFixture = new URLClassLoader(
        new URL[] {folder.resolve("classpath").toUri().toURL()}, original)) {
      thread.setContextClassLoader(withFixture);
      return CliRunner.run(command.toArray(String[]::new));
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  @Test
  void aBrokenDowngrade_failsNamingTheRevisionAndWhatItLeavesBehind_andExitsOne()
      throws Exception {
    Run run = verify(BrokenDowngrade.class, "");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).contains("PASSED  downgrade undoes upgrade: a1 (Rev_a1)\n");
    assertThat(run.out()).contains("FAILED  downgrade undoes upgrade: b1 (Rev_b1)\n"
        + "        the schema after upgrade and downgrade differs from the schema before; the"
        + " downgrade removes too much (-) or leaves behind (+):\n");
    assertThat(run.out()).contains("        + table orders\n");
    assertThat(run.out()).contains("1 passed, 1 failed, 0 skipped (not proven)");
  }

  @Test
  void aConflictingMerge_failsNamingTheMergeAndBothSchemas_andExitsOne() throws Exception {
    Run run = verify(ConflictingMerge.class, "");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED  branches merge in either order: m1 (Rev_m1)\n"
        + "        the branches of [b1, c1] give different schemas");
    assertThat(run.out()).contains("column users.name varchar(50)");
    assertThat(run.out()).contains("column users.name varchar(100)");
    // Revisions are proven in topological order, as the stairway runs them: c1 on top of b1,
    // where its downgrade does not give back b1's varchar(50). The same conflict, seen linearly.
    assertThat(run.out()).contains("FAILED  downgrade undoes upgrade: c1 (Rev_c1)\n");
    assertThat(run.out()).contains("3 passed, 2 failed, 0 skipped (not proven)");
  }

  @Test
  void aDataMigration_isSkippedWithTheReason_andVerifyStillPasses() throws Exception {
    Run run = verify(DataMigration.class, "");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("SKIPPED downgrade undoes upgrade: b1 (Rev_b1)\n"
        + "        it changes data, which the DDL interpreter does not model");
    assertThat(run.out()).contains("PASSED  downgrade undoes upgrade: c1 (Rev_c1)\n");
    assertThat(run.out()).contains("2 passed, 0 failed, 1 skipped (not proven)");
  }

  @Test
  void dialect_rendersTheMigrationsForThatDatabase() throws Exception {
    Run h2 = verify(EnumOnPostgres.class, "");
    Run postgres = verify(EnumOnPostgres.class, "", "--dialect", "POSTGRES");

    assertThat(h2.out()).contains("PASSED  downgrade undoes upgrade: b1 (Rev_b1)\n");
    assertThat(postgres.status()).isEqualTo(0);
    assertThat(postgres.out()).contains("SKIPPED downgrade undoes upgrade: b1 (Rev_b1)\n");
    assertThat(postgres.out()).contains("'create type mood as enum ('sad', 'ok')'");
    assertThat(postgres.out()).contains("1 passed, 0 failed, 1 skipped (not proven)");
  }

  @Test
  void withoutDialect_theDialectComesFromTheUrl_whichIsNeverConnectedTo() throws Exception {
    Run run = verify(EnumOnPostgres.class, "url=jdbc:postgresql://127.0.0.1:1/nowhere\n");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("'create type mood as enum ('sad', 'ok')'");
  }

  @Test
  void anUnknownDialect_isAUsageError() throws Exception {
    Run run = verify(DataMigration.class, "", "--dialect", "ORACLE_7");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--dialect");
  }
}

package dev.retort.jooq;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.RetortSettings;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jOOQ's code generator on the test migrations (src/test/java/.../migrations: users, orders, two
 * branches that add a column each, their merge, and a table created in plain SQL), whose registry
 * is on the test classpath.
 */
class RetortDatabaseTest {

  private static Path atHead;

  @BeforeAll
  static void generateFromTheMigrations(@TempDir Path directory) throws Exception {
    atHead = Generation.run(directory, Map.of(), RetortDatabaseTest.class.getClassLoader());
  }

  @Test
  void theMigrationsAtHead_giveTablesKeysIndexesAndRecords() {
    assertThat(Generation.read(atHead, "Tables.java"))
        .containsMatch("public static final Users USERS\\b");
    assertThat(Generation.read(atHead, "Tables.java"))
        .containsMatch("public static final Orders ORDERS\\b");
    String keys = Generation.read(atHead, "Keys.java");
    assertThat(keys).contains("PK_USERS");
    assertThat(keys).contains("UK_USERS_EMAIL");
    assertThat(keys).contains("FK_ORDERS_USERS");
    assertThat(Generation.read(atHead, "Indexes.java")).contains("IX_ORDERS_USER");
    assertThat(Generation.read(atHead, "tables/records/UsersRecord.java"))
        .contains("class UsersRecord");
  }

  @Test
  void everyBranch_isApplied() {
    assertThat(Generation.read(atHead, "tables/Users.java"))
        .contains("TableField<UsersRecord, String> NAME");
    assertThat(Generation.read(atHead, "tables/Orders.java"))
        .contains("TableField<OrdersRecord, LocalDateTime> PLACED_AT");
  }

  @Test
  void theMigrationsNames_foldAsH2Folds_inTheDefaultSchema_unqualified() throws Exception {
    // Retort writes the names a migration gives as strings unquoted; H2 folds them to upper case.
    assertThat(Generation.read(atHead, "tables/Users.java")).contains("DSL.name(\"USERS\")");
    assertThat(Generation.files(atHead)).contains("DefaultSchema.java");
    assertThat(Generation.files(atHead)).doesNotContain("Public.java");
  }

  @Test
  void quotedNames_keepTheMigrationsCase(@TempDir Path directory) throws Exception {
    Path generated = Generation.run(directory, Map.of("nameQuoting", "quoted"),
        getClass().getClassLoader());

    assertThat(Generation.read(generated, "tables/Users.java")).contains("DSL.name(\"users\")");
  }

  @Test
  void anUnknownNameQuoting_failsWithTheFix(@TempDir Path directory) {
    Exception thrown = assertThrows(Exception.class, () -> Generation.run(directory,
        Map.of("nameQuoting", "sometimes"), getClass().getClassLoader()));

    assertThat(Generation.messages(thrown)).contains(Messages.unknownNameQuoting("sometimes",
        List.of(RetortSettings.NameQuoting.values())));
  }

  @Test
  void retortsStateTables_areLeftOut_byDefault() throws Exception {
    for (String file : Generation.files(atHead)) {
      assertThat(Generation.read(atHead, file).toLowerCase()).doesNotContain("retort_");
    }
  }

  @Test
  void retortsStateTables_areGenerated_whenIncluded(@TempDir Path directory) throws Exception {
    Path generated = Generation.run(directory, Map.of("includeStateTables", "true"),
        getClass().getClassLoader());

    assertThat(Generation.files(generated)).containsAtLeast("tables/RetortVersion.java",
        "tables/RetortHistory.java");
  }

  @Test
  void postgresMode_foldsNamesAsPostgresDoes(@TempDir Path directory) throws Exception {
    Path generated = Generation.run(directory, Map.of("dialect", "postgres"),
        getClass().getClassLoader());

    assertThat(Generation.read(generated, "tables/Users.java")).contains("DSL.name(\"users\")");
    assertThat(Generation.read(generated, "tables/Orders.java"))
        .contains("TableField<OrdersRecord, LocalDateTime> PLACED_AT");
    assertThat(Generation.files(generated)).doesNotContain("Public.java");
    for (String file : Generation.files(generated)) {
      assertThat(Generation.read(generated, file).toLowerCase()).doesNotContain("retort_");
    }
  }

  @Test
  void unquotedNamesInSql_foldAsInH2_byDefault() {
    assertThat(Generation.read(atHead, "tables/AuditLog.java"))
        .contains("DSL.name(\"AUDIT_LOG\")");
  }

  @Test
  void unquotedNamesInSql_foldAsInPostgres_inItsMode(@TempDir Path directory) throws Exception {
    Path generated = Generation.run(directory, Map.of("dialect", "POSTGRES"),
        getClass().getClassLoader());

    assertThat(Generation.read(generated, "tables/AuditLog.java"))
        .contains("DSL.name(\"audit_log\")");
  }

  @Test
  void anUnknownDialect_failsWithTheFix(@TempDir Path directory) {
    Exception thrown = assertThrows(Exception.class, () ->
        Generation.run(directory, Map.of("dialect", "ORACLEX"), getClass().getClassLoader()));

    assertThat(Generation.messages(thrown))
        .contains(Messages.unknownDialect("ORACLEX", InMemoryDialect.supported()));
  }

  @Test
  void aDialectH2CannotImitate_failsWithTheFix(@TempDir Path directory) {
    Exception thrown = assertThrows(Exception.class, () ->
        Generation.run(directory, Map.of("dialect", "SQLITE"), getClass().getClassLoader()));

    assertThat(Generation.messages(thrown))
        .contains(Messages.unsupportedDialect("SQLITE", InMemoryDialect.supported()));
  }

  @Test
  void noRegistryOnTheClasspath_failsWithTheFix(@TempDir Path directory) throws Exception {
    // The context the generator would have without the migrations among its dependencies.
    try (URLClassLoader withoutMigrations = new URLClassLoader(new URL[0],
        ClassLoader.getPlatformClassLoader())) {
      Exception thrown = assertThrows(Exception.class, () ->
          Generation.run(directory, Map.of(), withoutMigrations));

      assertThat(Generation.messages(thrown)).contains(Messages.noRegistry());
    }
  }

  @Test
  void anUnknownRegistry_failsNamingTheOnesFound(@TempDir Path directory) {
    Exception thrown = assertThrows(Exception.class, () -> Generation.run(directory,
        Map.of("registry", "com.example.NoSuchRegistry"), getClass().getClassLoader()));

    assertThat(Generation.messages(thrown)).contains("No registry com.example.NoSuchRegistry");
    assertThat(Generation.messages(thrown)).contains("dev.retort.jooq.migrations.");
  }

  @Test
  void notABoolean_failsWithTheFix(@TempDir Path directory) {
    Exception thrown = assertThrows(Exception.class, () -> Generation.run(directory,
        Map.of("includeStateTables", "yes"), getClass().getClassLoader()));

    assertThat(Generation.messages(thrown))
        .contains(Messages.notABoolean("includeStateTables", "yes"));
  }

  @Test
  void addingAMigrationThatAddsAColumn_addsTheFieldToTheGeneratedTable(@TempDir Path project)
      throws Exception {
    Path sources = Files.createDirectories(project.resolve("src"));
    Files.writeString(sources.resolve("M0001_CreatePeople.java"), """
        package com.example.added;

        import static org.jooq.impl.SQLDataType.BIGINT;
        import static org.jooq.impl.SQLDataType.VARCHAR;

        import dev.retort.annotations.Revision;
        import dev.retort.runtime.Migration;
        import org.jooq.DSLContext;

        @Revision(id = "abc000000001", message = "Create people")
        public final class M0001_CreatePeople implements Migration {
          @Override
          public void upgrade(DSLContext db) {
            db.createTable("people").column("id", BIGINT).column("name", VARCHAR(50)).execute();
          }

          @Override
          public void downgrade(DSLContext db) {
            db.dropTable("people").execute();
          }
        }
        """);
    Path people = generate(project, sources, 1, "H2").resolve("tables/People.java");
    assertThat(Files.readString(people)).contains("TableField<PeopleRecord, String> NAME");
    assertThat(Files.readString(people)).doesNotContain("NICKNAME");

    Files.writeString(sources.resolve("M0002_AddNickname.java"), """
        package com.example.added;

        import static org.jooq.impl.SQLDataType.VARCHAR;

        import dev.retort.annotations.Revision;
        import dev.retort.runtime.Migration;
        import org.jooq.DSLContext;

        @Revision(id = "abc000000002", revises = "abc000000001", message = "Add nickname")
        public final class M0002_AddNickname implements Migration {
          @Override
          public void upgrade(DSLContext db) {
            db.alterTable("people").addColumn("nickname", VARCHAR(30)).execute();
          }

          @Override
          public void downgrade(DSLContext db) {
            db.alterTable("people").dropColumn("nickname").execute();
          }
        }
        """);
    people = generate(project, sources, 2, "H2").resolve("tables/People.java");
    assertThat(Files.readString(people)).contains("TableField<PeopleRecord, String> NICKNAME");
  }

  @Test
  void aMigrationH2CannotRun_failsTheGeneration_namingIt(@TempDir Path project) throws Exception {
    Path sources = Files.createDirectories(project.resolve("src"));
    Files.writeString(sources.resolve("M0001_CreateEvents.java"), """
        package com.example.pgonly;

        import dev.retort.annotations.Revision;
        import dev.retort.runtime.Migration;
        import org.jooq.DSLContext;

        @Revision(id = "e0e000000001", message = "Create events")
        public final class M0001_CreateEvents implements Migration {
          @Override
          public void upgrade(DSLContext db) {
            db.execute("create table events (id bigint, source inet)");
          }

          @Override
          public void downgrade(DSLContext db) {
            db.execute("drop table events");
          }
        }
        """);

    Exception thrown = assertThrows(Exception.class,
        () -> generate(project, sources, 1, "POSTGRES"));

    // The catalogue's sentence around H2's own words, which say what it lacks.
    String[] around = Messages.migrationFailed("e0e000000001",
        "com.example.pgonly.M0001_CreateEvents", "POSTGRES", "\0").split("\0");
    String messages = Generation.messages(thrown);
    assertThat(messages).contains(around[0] + "SQL [create table events (id bigint, source inet)];"
        + " Unknown data type: \"INET\"");
    assertThat(messages).contains(around[1]);
  }

  @Test
  void aPostgresTypeH2KnowsByAnotherName_comesOutAsH2StoresIt(@TempDir Path project)
      throws Exception {
    Path sources = Files.createDirectories(project.resolve("src"));
    Files.writeString(sources.resolve("M0001_CreateEvents.java"), """
        package com.example.json;

        import dev.retort.annotations.Revision;
        import dev.retort.runtime.Migration;
        import org.jooq.DSLContext;

        @Revision(id = "e0e000000002", message = "Create events")
        public final class M0001_CreateEvents implements Migration {
          @Override
          public void upgrade(DSLContext db) {
            db.execute("create table events (id bigint, payload jsonb)");
          }

          @Override
          public void downgrade(DSLContext db) {
            db.execute("drop table events");
          }
        }
        """);

    Path events = generate(project, sources, 1, "POSTGRES").resolve("tables/Events.java");

    assertThat(Files.readString(events)).contains("TableField<EventsRecord, JSON> PAYLOAD");
  }

  /**
   * Compiles the sources into a fresh folder and generates from that build alone: the registry
   * is named, since the test classpath, this loader's parent, has the test migrations' too.
   */
  private static Path generate(Path project, Path sources, int build, String dialect)
      throws Exception {
    Path classes = project.resolve("classes-" + build);
    assertThat(Sources.compile(sources, classes)).isEmpty();
    String registry = Files.readString(classes.resolve(
        "META-INF/services/dev.retort.runtime.RevisionRegistry")).strip();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        RetortDatabaseTest.class.getClassLoader())) {
      return Generation.run(project.resolve("generated-" + build),
          Map.of("registry", registry, "dialect", dialect), loader);
    }
  }
}

package dev.retort.autogenerate;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.Meta;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison, its order, its notes and the schema file's errors, without a database. */
class AutogenerateTest {

  private static final Ident USERS = Ident.plain("users");
  private final Autogenerate autogenerate = Autogenerate.of(SQLDialect.H2);

  @TempDir Path folder;

  private Meta schema(String ddl) throws Exception {
    Path file = Files.createTempFile(folder, "schema", ".sql");
    Files.writeString(file, ddl);
    return autogenerate.schemaFile(file);
  }

  private SchemaDiff diff(String from, String to) throws Exception {
    return autogenerate.compare(schema(from), schema(to));
  }

  @Test
  void sameSchema_differentCaseAndOrder_hasNoChanges() throws Exception {
    SchemaDiff diff = diff("create table users (id bigint, email varchar(10));",
        "CREATE TABLE USERS (ID BIGINT, EMAIL VARCHAR(10));");

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.toString()).isEqualTo(Messages.NO_CHANGES);
  }

  @Test
  void aQuotedName_isNotThePlainOne() throws Exception {
    SchemaDiff diff = diff("create table users (id bigint);", "create table \"Users\" (id bigint);");

    assertThat(diff.detected()).containsExactly(Messages.removedTable(USERS),
        Messages.addedTable(new Ident("Users", true)));
    assertThat(diff.bodies().upgrade()).contains("db.createTable(DSL.quotedName(\"Users\"))");
  }

  @Test
  void addedColumn_isDetectedAndWrittenAsAddColumn_andItsDowngradeDropsIt() throws Exception {
    SchemaDiff diff = diff("create table users (id bigint);",
        "create table users (id bigint, phone varchar(30));");

    assertThat(diff.detected()).containsExactly(Messages.addedColumn(USERS, Ident.plain("phone")));
    assertThat(diff.bodies().upgrade()).isEqualTo("    db.alterTable(\"users\").addColumn(\"phone\","
        + " SQLDataType.VARCHAR(30)).execute();");
    assertThat(diff.bodies().downgrade()).isEqualTo(
        "    db.alterTable(\"users\").dropColumn(\"phone\").execute();");
    assertThat(diff.bodies().imports()).containsExactly("org.jooq.impl.SQLDataType");
  }

  @Test
  void newTables_comeBeforeTheForeignKeysThatReferenceThem_andAreDroppedInReverse()
      throws Exception {
    SchemaDiff diff = diff("", "create table z_parent (id bigint primary key);"
        + "create table a_child (id bigint primary key, parent_id bigint,"
        + " constraint fk_child foreign key (parent_id) references z_parent (id));");

    String up = diff.bodies().upgrade();
    assertThat(up.indexOf("createTable(\"z_parent\")")).isLessThan(up.indexOf("createTable(\"a_child\")"));
    String down = diff.bodies().downgrade();
    assertThat(down.indexOf("dropTable(\"a_child\")")).isLessThan(down.indexOf("dropTable(\"z_parent\")"));
  }

  @Test
  void tablesThatReferenceEachOther_getOneForeignKeyAfterBothTables() throws Exception {
    SchemaDiff diff = diff("", "create table a (id bigint primary key, b_id bigint);"
        + "create table b (id bigint primary key, a_id bigint,"
        + " constraint fk_b_a foreign key (a_id) references a (id));"
        + "alter table a add constraint fk_a_b foreign key (b_id) references b (id);");

    String up = diff.bodies().upgrade();
    assertThat(up.indexOf("add(DSL.constraint(\"fk_a_b\")")).isGreaterThan(
        up.indexOf("createTable(\"b\")"));
    assertThat(diff.detected()).containsExactly(Messages.addedTable(Ident.plain("a")),
        Messages.addedTable(Ident.plain("b")));
  }

  @Test
  void droppedAndAddedColumnOfOneType_isFlaggedAsProbablyARename() throws Exception {
    SchemaDiff diff = diff("create table users (name varchar(50));",
        "create table users (full_name varchar(50));");

    String note = Messages.probablyRenamed(USERS, Ident.plain("name"), Ident.plain("full_name"));
    assertThat(diff.warnings()).contains(note);
    assertThat(note).contains("db.alterTable(\"users\").renameColumn(\"name\").to(\"full_name\")");
    assertThat(diff.bodies().upgrade()).contains("// review: column users.name is dropped");
    assertThat(diff.bodies().downgrade()).contains("// review: " + Messages.dataNotRestored()
        .substring(0, 40));
  }

  @Test
  void narrowingType_andNotNullWithoutDefault_andUniqueOnExistingData_haveReviewNotes()
      throws Exception {
    SchemaDiff diff = diff("create table users (id bigint, name varchar(50));",
        "create table users (id bigint, name varchar(20), age integer not null,"
        + " constraint uk_name unique (name));");

    assertThat(diff.warnings()).containsAtLeast(
        Messages.narrowing(USERS, Ident.plain("name"), "varchar(50)", "varchar(20)"),
        Messages.notNullWithoutDefault(USERS, Ident.plain("age")),
        Messages.constraintOnExisting("unique constraint", USERS));
  }

  @Test
  void widening_hasNoNote() throws Exception {
    SchemaDiff diff = diff("create table users (name varchar(20), n integer);",
        "create table users (name varchar(50), n bigint);");

    assertThat(diff.detected()).hasSize(2);
    assertThat(diff.warnings()).isEmpty();
  }

  @Test
  void anUnnamedForeignKeyAddedToAnExistingTable_getsPostgresDefaultName() throws Exception {
    SchemaDiff diff = diff("create table p (id bigint primary key); create table c (p_id bigint);",
        "create table p (id bigint primary key); create table c (p_id bigint references p (id));");

    assertThat(diff.bodies().upgrade()).contains("DSL.constraint(\"c_p_id_fkey\")");
    assertThat(diff.bodies().downgrade()).contains("dropForeignKey(\"c_p_id_fkey\")");
  }

  @Test
  void keysMatchedByColumns_aDatabaseChosenNameIsNoChange() throws Exception {
    SchemaDiff diff = diff("create table t (a int, constraint SYS_123 unique (a));",
        "create table t (a int, unique (a));");

    assertThat(diff.isEmpty()).isTrue();
  }

  @Test
  void aMissingFile_isOneLineNamingIt() {
    Path missing = folder.resolve("nope.sql");

    SchemaFileException error = assertThrows(SchemaFileException.class,
        () -> autogenerate.schemaFile(missing));

    assertThat(error).hasMessageThat().isEqualTo(
        Messages.unreadableFile(missing.toString(), "no such file"));
  }

  @Test
  void anUnparsableStatement_namesItsLine() throws Exception {
    Path file = folder.resolve("schema.sql");
    Files.writeString(file, "create table a (id int);\n\n-- comment; with a semicolon\n"
        + "create tabel b (id int);\n");

    SchemaFileException error = assertThrows(SchemaFileException.class,
        () -> autogenerate.schemaFile(file));

    assertThat(error).hasMessageThat().startsWith(file + ":4: cannot parse 'create tabel b (id"
        + " int);'");
    assertThat(error.getMessage()).doesNotContain("\n");
  }

  @Test
  void aStatementThatDoesNotApply_namesItsLine() throws Exception {
    Path file = folder.resolve("schema.sql");
    Files.writeString(file, "create table a (id int);\n"
        + "create table b (a_id int references missing (id));\n");

    SchemaFileException error = assertThrows(SchemaFileException.class,
        () -> autogenerate.schemaFile(file));

    assertThat(error).hasMessageThat().startsWith(file + ":2: 'create table b");
    assertThat(error.getMessage()).contains("missing");
  }

  @Test
  void postgresqlsConcurrently_declaresTheSameIndex_andLinesStayAsTheFileHasThem()
      throws Exception {
    Autogenerate postgres = Autogenerate.of(SQLDialect.POSTGRES);
    Path plain = folder.resolve("plain.sql");
    Files.writeString(plain, "create table orders (id int, user_id int, code int);\n"
        + "create index ix_orders_user_id on orders (user_id);\n"
        + "create unique index ux_orders_code on orders (code);\n");
    Path concurrently = folder.resolve("concurrently.sql");
    Files.writeString(concurrently, "create table orders (id int, user_id int, code int);\n"
        + "CREATE INDEX CONCURRENTLY ix_orders_user_id ON orders (user_id);\n"
        + "create unique index concurrently if not exists ux_orders_code on orders (code);\n");
    Path broken = folder.resolve("broken.sql");
    Files.writeString(broken, "create table orders (id int);\n"
        + "create index concurrently ix_orders_id on orders (id); create tabel b (id int);\n");

    SchemaDiff same = postgres.compare(postgres.schemaFile(plain),
        postgres.schemaFile(concurrently));
    SchemaFileException error = assertThrows(SchemaFileException.class,
        () -> postgres.schemaFile(broken));

    assertThat(same.isEmpty()).isTrue();
    assertThat(postgres.schemaFile(concurrently).getTables().get(0).getIndexes()).hasSize(2);
    assertThat(error).hasMessageThat().startsWith(broken + ":2: cannot parse");
  }

  @Test
  void retortsOwnTables_areNeverCompared() throws Exception {
    SchemaDiff diff = diff("create table retort_version (version_num varchar(32));", "");

    assertThat(diff.isEmpty()).isTrue();
  }
}

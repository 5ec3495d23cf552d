package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.autogenerate.Messages;
import dev.retort.cli.CliRunner.Run;
import dev.retort.runtime.PasswordMask;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autogenerate workflow of issue 14 on a copy of the sample: the schema file, {@code check
 * --schema} passing, a column added to the file, {@code check --schema} failing, {@code create
 * --autogenerate} writing the revision, which compiles through the processor and upgrades and
 * downgrades H2 and PostgreSQL; the "no changes" path, a rename warning, and the errors.
 */
class AutogenerateCommandTest {

  private static final Path SAMPLE = Path.of("../sample");
  private static final String PHONE = "  name varchar(100),\n  phone varchar(30),\n";

  @TempDir Path project;
  private Path versions;
  private Path schema;
  private Path config;
  private String url;
  private int builds;
  private URLClassLoader build;

  @AfterEach
  void closeTheLastBuild() throws Exception {
    if (build != null) {
      build.close();
    }
  }

  @Test
  void addPhoneToUsers_checkFailsThenCreateWritesARevisionThatUpgradesAndDowngradesH2()
      throws Exception {
    copyTheSample("jdbc:h2:file:" + project.resolve("shop"));
    rebuild();
    Run clean = retort("check", "--schema");
    assertWithMessage(clean.printed()).that(clean.status()).isEqualTo(0);
    assertThat(clean.out()).isEqualTo(Messages.NO_CHANGES + "\n");

    addPhoneToTheSchemaFile();
    Run drift = retort("check", "--schema");
    assertThat(drift.status()).isEqualTo(1);
    assertThat(drift.out()).contains("Detected added column 'users.phone'");
    assertThat(drift.err()).contains("run create --autogenerate");

    Path migration = createAddPhone();
    rebuild();
    assertThat(retort("upgrade").status()).isEqualTo(0);
    assertThat(usersHavePhone()).isTrue();
    Run agrees = retort("check", "--schema");
    assertWithMessage(agrees.printed()).that(agrees.status()).isEqualTo(0);

    assertThat(retort("downgrade", "-1").status()).isEqualTo(0);
    assertThat(usersHavePhone()).isFalse();
    assertThat(Files.readString(migration)).contains("db.alterTable(\"users\").dropColumn(\"phone\")");
  }

  @Test
  void addPhoneToUsers_upgradesAndDowngradesPostgres() throws Exception {
    String server = CiPostgres.server();
    String database = "retort_ag_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    execute(server, "create database " + database);
    try {
      copyTheSample(CiPostgres.onDatabase(server, database));
      rebuild();
      addPhoneToTheSchemaFile();
      // Generated as the sample does (its configured database is H2): the DSL is the same for
      // every database. Offline in the PostgreSQL dialect, M0006's CREATE INDEX CONCURRENTLY is
      // plain SQL the interpreter leaves out, so its index would look missing.
      createAddPhone("--dialect", "H2");
      rebuild();
      Run upgrade = retort("upgrade");
      assertWithMessage(upgrade.printed()).that(upgrade.status()).isEqualTo(0);
      assertThat(usersHavePhone()).isTrue();
      Run agrees = retort("check", "--schema", "--against-database");
      assertWithMessage(agrees.printed()).that(agrees.status()).isEqualTo(0);
      assertThat(retort("downgrade", "-1").status()).isEqualTo(0);
      assertThat(usersHavePhone()).isFalse();
    } finally {
      execute(server, "drop database if exists " + database + " with (force)");
    }
  }

  /**
   * Adopting Retort on an existing database: a hand-made PostgreSQL schema, read by {@code create
   * --autogenerate --from-database} on an empty history, becomes one base revision that builds
   * the same schema in an empty database.
   */
  @Test
  void fromDatabase_onAnEmptyHistory_writesABaselineThatReproducesTheSchema() throws Exception {
    String server = CiPostgres.server();
    String existing = "retort_ag_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String fresh = existing + "_new";
    execute(server, "create database " + existing);
    execute(server, "create database " + fresh);
    try {
      String existingUrl = CiPostgres.onDatabase(server, existing);
      for (String ddl : HAND_MADE.split(";")) {
        if (!ddl.isBlank()) {
          execute(existingUrl, ddl);
        }
      }
      copyTheSample(CiPostgres.onDatabase(server, fresh));
      try (Stream<Path> files = Files.list(versions)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }

      Run baseline = retort("create", "--autogenerate", "--from-database", existingUrl,
          "Baseline");
      assertWithMessage(baseline.printed()).that(baseline.status()).isEqualTo(0);
      assertThat(baseline.out()).contains("INFO Detected added table 'customers'");
      assertThat(baseline.out()).contains("INFO Detected added sequence 'invoice_numbers'");
      rebuild();
      Run upgrade = retort("upgrade");
      assertWithMessage(upgrade.printed()).that(upgrade.status()).isEqualTo(0);

      Run same = retort("check", "--schema", "--against-database", "--from-database",
          existingUrl);
      assertWithMessage(same.printed()).that(same.status()).isEqualTo(0);
      assertThat(snapshot(CiPostgres.onDatabase(server, fresh)))
          .isEqualTo(snapshot(existingUrl));
    } finally {
      execute(server, "drop database if exists " + existing + " with (force)");
      execute(server, "drop database if exists " + fresh + " with (force)");
    }
  }

  /** A schema made by hand, as a team that adopts Retort has one. */
  private static final String HAND_MADE = """
      create sequence invoice_numbers start with 1000 increment by 5;
      create table customers (
        id bigint generated by default as identity primary key,
        email varchar(200) not null,
        country char(2) default 'DE' not null,
        created_at timestamp default current_timestamp not null,
        constraint uk_customers_email unique (email));
      create table orders (
        id bigint generated by default as identity primary key,
        customer_id bigint not null references customers (id),
        parent_id bigint,
        total numeric(12, 2) default 0 not null,
        status varchar(20) default 'NEW' not null,
        constraint fk_orders_parent foreign key (parent_id) references orders (id),
        constraint ck_orders_total check (total >= 0));
      create index ix_orders_customer on orders (customer_id);
      create unique index ux_orders_status_total on orders (status, total desc);
      comment on table orders is 'What customers bought';
      """;

  private static dev.retort.runtime.SchemaSnapshot snapshot(String url) throws Exception {
    try (Connection connection = DriverManager.getConnection(url)) {
      return dev.retort.runtime.SchemaSnapshot.of(org.jooq.impl.DSL.using(connection).meta()
              .filterSchemas(s -> s.getName().equals("public")),
          table -> !table.getName().startsWith("retort_"));
    }
  }

  @Test
  void withNoDifference_createSaysNoChangesAndWritesNothing() throws Exception {
    copyTheSample("jdbc:h2:file:" + project.resolve("shop"));
    rebuild();
    List<Path> before = sources();

    Run run = retort("create", "--autogenerate", "Nothing to do");

    assertWithMessage(run.printed()).that(run.status()).isEqualTo(0);
    assertThat(run.out()).isEqualTo(Messages.NO_CHANGES + "\n");
    assertThat(sources()).isEqualTo(before);
  }

  @Test
  void aDroppedAndAddedColumn_isReportedAsProbablyARename() throws Exception {
    copyTheSample("jdbc:h2:file:" + project.resolve("shop"));
    rebuild();
    Files.writeString(schema, Files.readString(schema).replace("  name varchar(100),",
        "  display_name varchar(100),"));

    Run run = retort("create", "--autogenerate", "Rename name");

    assertWithMessage(run.printed()).that(run.status()).isEqualTo(0);
    String rename = "db.alterTable(\"users\").renameColumn(\"name\").to(\"display_name\")"
        + ".execute();";
    assertThat(run.err()).contains("WARNING: review: column users.name is dropped and"
        + " users.display_name of the same type added: probably a rename.");
    assertThat(run.err()).contains(rename);
    String written = Files.readString(versions.resolve("M0007_RenameName.java"));
    assertThat(written).contains("// review: column users.name is dropped");
    assertThat(written.replaceAll("\\s*//\\s*", " ")).contains(rename);
  }

  @Test
  void aMissingSchemaFile_isOneLineNamingItAndNothingIsWritten() throws Exception {
    copyTheSample("jdbc:h2:file:" + project.resolve("shop"));
    rebuild();
    List<Path> before = sources();

    Run run = retort("create", "--autogenerate", "--schema", "missing.sql", "Add phone");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR: Cannot read the schema file missing.sql: no such"
        + " file. Fix the path (the schema.file key in retort.properties, or --schema); nothing"
        + " was written.\n");
    assertThat(sources()).isEqualTo(before);
  }

  @Test
  void anUnparsableStatement_namesTheFileAndLineAndNothingIsWritten() throws Exception {
    copyTheSample("jdbc:h2:file:" + project.resolve("shop"));
    rebuild();
    Files.writeString(schema, Files.readString(schema) + "create tabel broken (id int);\n");
    List<Path> before = sources();

    Run run = retort("create", "--autogenerate", "Broken");

    assertThat(run.status()).isEqualTo(1);
    int line = (int) Files.readString(schema).lines().count();
    assertThat(run.err()).startsWith("ERROR: " + schema + ":" + line
        + ": cannot parse 'create tabel broken (id int);'");
    assertThat(run.err().lines().count()).isEqualTo(1);
    assertThat(sources()).isEqualTo(before);
  }

  @Test
  void againstADatabaseNotAtHead_refusesAndWritesNothing() throws Exception {
    copyTheSample("jdbc:h2:file:" + project.resolve("shop"));
    rebuild();
    addPhoneToTheSchemaFile();
    List<Path> before = sources();

    Run run = retort("create", "--autogenerate", "--against-database", "Add phone");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(CliMessages.ERROR_PREFIX + CliMessages.targetNotUpToDate(List.of()) + "\n");
    assertThat(sources()).isEqualTo(before);
  }

  @Test
  void aPasswordInTheFromDatabaseUrl_isMaskedInTheErrorAndNothingIsWritten() throws Exception {
    copyTheSample("jdbc:h2:file:" + project.resolve("shop"));
    rebuild();
    List<Path> before = sources();
    String secret = "from-database-Secret-7";

    // Port 1: nothing listens, so reading the wanted schema fails with the URL in the error.
    Run run = retort("create", "--autogenerate", "--from-database",
        "jdbc:postgresql://127.0.0.1:1/shop?user=retort&password=" + secret, "Baseline");

    assertThat(run.status()).isEqualTo(1);
    // The mask takes the value up to the next separator, the message's colon with it.
    String masked = "jdbc:postgresql://127.0.0.1:1/shop?user=retort&password=" + PasswordMask.MASK;
    assertThat(run.err()).startsWith(CliMessages.ERROR_PREFIX
        + CliMessages.cannotReadSchema(masked, "").replaceFirst(": $", ""));
    assertThat(run.err().lines().count()).isEqualTo(1);
    assertThat(run.printed()).doesNotContain(secret);
    assertThat(sources()).isEqualTo(before);
  }

  private Path createAddPhone(String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("create", "--autogenerate", "Add phone to users"));
    args.addAll(List.of(options));
    Run create = retort(args.toArray(String[]::new));
    assertWithMessage(create.printed()).that(create.status()).isEqualTo(0);
    Path migration = versions.resolve("M0007_AddPhoneToUsers.java");
    assertThat(create.out()).isEqualTo("INFO Detected added column 'users.phone'\n"
        + "Generating " + migration + " ...  done\n");
    assertThat(Files.readString(migration)).contains("db.alterTable(\"users\")"
        + ".addColumn(\"phone\", SQLDataType.VARCHAR(30)).execute();");
    return migration;
  }

  private void addPhoneToTheSchemaFile() throws Exception {
    String text = Files.readString(schema);
    assertThat(text).contains("  name varchar(100),\n");
    Files.writeString(schema, text.replace("  name varchar(100),\n", PHONE));
  }

  private void copyTheSample(String databaseUrl) throws Exception {
    url = databaseUrl;
    versions = Files.createDirectories(project.resolve("src/com/example/shop/db/versions"));
    try (Stream<Path> files = Files.list(
        SAMPLE.resolve("src/main/java/com/example/shop/db/versions"))) {
      for (Path file : files.toList()) {
        Files.copy(file, versions.resolve(file.getFileName()));
      }
    }
    Files.copy(SAMPLE.resolve("migration.java.template"),
        project.resolve("migration.java.template"));
    schema = project.resolve("schema.sql");
    Files.copy(SAMPLE.resolve("src/main/resources/db/schema.sql"), schema);
    config = project.resolve("retort.properties");
    boolean h2 = url.startsWith("jdbc:h2:");
    Files.writeString(config, "url=" + url + "\n" + (h2 ? "user=sa\npassword=\n" : "")
        + "migrations.source=src/com/example/shop/db/versions\n"
        + "migrations.package=com.example.shop.db.versions\n"
        + "template=migration.java.template\n"
        + "schema.file=schema.sql\n"
        + "registry=com.example.shop.db.versions.Revisions\n");
  }

  private List<Path> sources() throws Exception {
    try (Stream<Path> files = Files.list(versions)) {
      return files.sorted().toList();
    }
  }

  private void rebuild() throws Exception {
    Path classes = project.resolve("build-" + ++builds);
    assertThat(Sources.compile(versions, classes)).isEmpty();
    closeTheLastBuild();
    build = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        AutogenerateCommandTest.class.getClassLoader());
  }

  private Run retort(String... args) {
    List<String> withConfig = new ArrayList<>(List.of(args));
    withConfig.add("--config");
    withConfig.add(config.toString());
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    thread.setContextClassLoader(build);
    try {
      return CliRunner.run(withConfig.toArray(String[]::new));
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  private boolean usersHavePhone() throws Exception {
    try (Connection connection = url.startsWith("jdbc:h2:")
        ? DriverManager.getConnection(url, "sa", "") : DriverManager.getConnection(url);
        ResultSet columns = connection.getMetaData().getColumns(null, null, "%", "%")) {
      while (columns.next()) {
        if (columns.getString("TABLE_NAME").equalsIgnoreCase("users")
            && columns.getString("COLUMN_NAME").equalsIgnoreCase("phone")) {
          return true;
        }
      }
      return false;
    }
  }

  private static void execute(String url, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

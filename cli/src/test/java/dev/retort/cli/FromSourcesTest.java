package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.cli.CliRunner.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * --from-sources: with two unmerged heads javac refuses the build, so no registry of these
 * revisions exists (the test classpath holds only the shop's), and the graph commands still
 * answer from the parsed sources, saying so on standard error.
 */
class FromSourcesTest {

  private static final String BASE = "ae1027a6acf0";
  private static final String PHONE = "1975ea83b712";
  private static final String ORDERS = "27c6a30d7c24";

  @TempDir Path project;
  private Path versions;
  private Path config;

  @BeforeEach
  void writeTwoUnmergedHeads() throws Exception {
    versions = Files.createDirectories(project.resolve("src/com/example/db"));
    config = project.resolve("retort.properties");
    Files.writeString(config, "url=jdbc:h2:mem:from_sources_" + System.nanoTime() + "\n"
        + "migrations.source=src/com/example/db\n"
        + "migrations.package=com.example.db\n");
    write("M0001_CreateUsers", "id = \"" + BASE + "\", message = \"Create users\"");
    write("M0002_AddPhone", "id = \"" + PHONE + "\", revises = \"" + BASE + "\","
        + " message = \"Add phone to users\"");
    write("M0003_CreateOrders", "id = \"" + ORDERS + "\", revises = \"" + BASE + "\","
        + " message = \"Create orders\", dependsOn = \"" + PHONE + "\"");
  }

  private void write(String className, String revision) throws Exception {
    Files.writeString(versions.resolve(className + ".java"), """
        package com.example.db;

        import dev.retort.annotations.Revision;
        import dev.retort.runtime.Migration;
        import org.jooq.DSLContext;

        @Revision(%s)
        public final class %s implements Migration {
          public void upgrade(DSLContext db) {}
          public void downgrade(DSLContext db) {}
        }
        """.formatted(revision, className));
  }

  private Run retort(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return CliRunner.run(all);
  }

  private String notice() {
    return CliMessages.readFromSources(project.resolve("src/com/example/db")) + "\n";
  }

  @Test
  void twoUnmergedHeads_doNotCompile() throws Exception {
    assertThat(Sources.compile(versions, project.resolve("classes"))).isNotEmpty();
  }

  @Test
  void heads_fromSources_listsBothHeads_andSaysWhereTheyCameFrom() {
    Run run = retort("heads", "--from-sources");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out().lines().toList()).containsExactly(
        BASE + " -> " + PHONE + " (head), Add phone to users",
        BASE + " -> " + ORDERS + " (head), Create orders").inOrder();
    assertThat(run.err()).isEqualTo(notice());
  }

  @Test
  void branches_fromSources_showWhereTheHistoryForks() {
    Run run = retort("branches", "--from-sources");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out().lines().toList()).containsExactly(
        "<base> -> " + BASE + " (branchpoint), Create users",
        "    -> " + BASE + " -> " + PHONE + " (head), Add phone to users",
        "    -> " + BASE + " -> " + ORDERS + " (head), Create orders").inOrder();
    assertThat(run.err()).isEqualTo(notice());
  }

  @Test
  void showAndHistory_fromSources_showTheMessagesAsWritten() {
    Run show = retort("show", "--from-sources", "1975");
    Run history = retort("history", "--from-sources");

    assertThat(show.status()).isEqualTo(0);
    assertThat(show.out()).contains("Add phone to users");
    assertThat(history.status()).isEqualTo(0);
    assertThat(history.out().lines().toList()).hasSize(3);
    assertThat(history.out()).contains("Create orders");
    assertThat(history.err()).isEqualTo(notice());
  }

  @Test
  void graph_fromSources_drawsParentsAndDependencies() {
    Run run = retort("graph", "--from-sources", "--format", "mermaid");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).contains("  " + PHONE + " --> " + BASE + "\n");
    assertThat(run.out()).contains("  " + ORDERS + " --> " + BASE + "\n");
    assertThat(run.out()).contains("  " + ORDERS + " -.-> " + PHONE + "\n");
    assertThat(run.out()).contains("  style " + PHONE + " stroke-width:3px\n");
  }

  /** current runs no migration code: it reads the version table against the graph. */
  @Test
  void current_fromSources_readsTheVersionTable() {
    Run run = retort("current", "--from-sources");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).isEqualTo("<base> (no revision applied)\n");
    assertThat(run.err()).isEqualTo(notice());
  }

  @ParameterizedTest
  @ValueSource(strings = {"upgrade head", "downgrade -1", "revert " + PHONE, "stamp head",
      "check", "validate", "repair", "sql head", "verify", "lint", "review"})
  void commandsThatNeedTheBuild_refuseFromSources_inOneLine(String commandLine) {
    String command = commandLine.split(" ")[0];
    String[] args = (commandLine + " --from-sources").split(" ");

    Run run = retort(args);

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(CliMessages.ERROR_PREFIX
        + CliMessages.fromSourcesNeedsBuild(command) + "\n");
  }

  @Test
  void create_fromSources_isRefused_asItReadsTheSourcesAlready() throws Exception {
    Run run = retort("create", "--from-sources", "Add email");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(CliMessages.ERROR_PREFIX
        + CliMessages.fromSourcesNotNeeded("create") + "\n");
    try (var files = Files.list(versions)) {
      assertThat(files.count()).isEqualTo(3);
    }
  }

  @Test
  void aSourceThatDoesNotParse_isOneLine_namingTheFile() throws Exception {
    Files.writeString(versions.resolve("M0004_Broken.java"), "class M0004_Broken {");

    Run run = retort("heads", "--from-sources");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith(CliMessages.ERROR_PREFIX + "Cannot read the migrations in");
    assertThat(run.err()).contains("M0004_Broken.java:1");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void noMigrationsSource_isOneLine_namingTheSetting() throws Exception {
    Files.writeString(config, "url=jdbc:h2:mem:x\n");

    Run run = retort("heads", "--from-sources");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(CliMessages.ERROR_PREFIX
        + CliMessages.noMigrationsSourceToRead(config) + "\n");
  }
}

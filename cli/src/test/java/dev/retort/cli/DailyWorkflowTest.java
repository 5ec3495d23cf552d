package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.cli.CliRunner.Run;
import dev.retort.runtime.RevisionRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when", step by step, on a copy of the sample's migrations and template: upgrade,
 * create "Add phone to users", fill it in with the README's lines, compile through the processor,
 * upgrade, current, history, downgrade -1. Each step's output is what a user needs to see.
 */
class DailyWorkflowTest {

  private static final Path SAMPLE = Path.of("../sample");
  private static final String SAMPLE_HEAD = "e7f4b2c9a016";

  @TempDir Path project;
  private Path versions;
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
  void upgradeCreateFillInRebuildUpgradeCurrentHistoryDowngrade() throws Exception {
    copyTheSample();
    rebuild();
    Run first = retort("upgrade");
    assertWithMessage(first.printed()).that(first.status()).isEqualTo(0);
    assertThat(first.out()).containsMatch("INFO Applied 7 revisions in \\d+ ms; the database is at "
        + SAMPLE_HEAD);

    Run create = retort("create", "Add phone to users");
    Path migration = versions.resolve("M0007_AddPhoneToUsers.java");
    assertThat(create.out()).isEqualTo("Generating " + migration + " ...  done\n");
    String source = Files.readString(migration);
    assertThat(source).contains("revises = \"" + SAMPLE_HEAD + "\"");
    String id = source.replaceAll("(?s).*id = \"([0-9a-f]{12})\".*", "$1");

    List<String> readme = CreateAndMergeTest.readmeFillInLines();
    Files.writeString(migration, source
        .replace(CreateCommand.UPGRADE_HINT, "    " + readme.get(0))
        .replace(CreateCommand.DOWNGRADE_HINT, "    " + readme.get(1)));
    rebuild();

    Run upgrade = retort("upgrade");
    assertWithMessage(upgrade.printed()).that(upgrade.status()).isEqualTo(0);
    assertThat(upgrade.out()).containsMatch("INFO Running upgrade " + SAMPLE_HEAD + " -> " + id
        + ", Add phone to users \\(\\d+ ms\\)\n");
    assertThat(upgrade.out()).containsMatch("INFO Applied 1 revision in \\d+ ms; the database is"
        + " at " + id);
    assertThat(usersHavePhone()).isTrue();

    assertThat(retort("current").out()).isEqualTo(id + " (head)\n");

    Run history = retort("history");
    assertThat(history.out()).startsWith(SAMPLE_HEAD + " -> " + id + " (head), Add phone to users\n"
        + "c3a9f0e2d815 -> " + SAMPLE_HEAD + ", Index orders by user\n");
    assertThat(history.out().lines().count()).isEqualTo(8);

    Run downgrade = retort("downgrade", "-1");
    assertWithMessage(downgrade.printed()).that(downgrade.status()).isEqualTo(0);
    assertThat(downgrade.out()).containsMatch("INFO Running downgrade " + id + " -> " + SAMPLE_HEAD
        + ", Add phone to users \\(\\d+ ms\\)\n");
    assertThat(usersHavePhone()).isFalse();
    assertThat(retort("current").out()).isEqualTo(SAMPLE_HEAD + "\n");
  }

  @Test
  void withTwoRegistriesOnTheClasspath_theErrorSaysWhichSettingPicksOne() throws Exception {
    copyTheSample();
    Files.writeString(config, Files.readString(config).replaceAll("registry=.*\n", ""));
    rebuild();

    Run run = retort("current");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("ERROR: Several registries on the classpath (");
    assertThat(run.err()).contains("com.example.shop.db.versions.Revisions");
    assertThat(run.err()).endsWith("; on the command line, set registry= to one of them in "
        + config + "\n");
  }

  /**
   * With no registry at all the runtime's error stands as it is: the advice to set registry= is
   * for several, told apart by how many ServiceLoader finds, not by the message's wording.
   */
  @Test
  void withNoRegistryOnTheClasspath_theRuntimesErrorIsPrintedUnchanged() throws Exception {
    copyTheSample();
    Files.writeString(config, Files.readString(config).replaceAll("registry=.*\n", ""));
    // The test classpath as it is, but with no registry for ServiceLoader (not even ShopRegistry).
    build = new URLClassLoader(new URL[0], DailyWorkflowTest.class.getClassLoader()) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return name.equals("META-INF/services/" + RevisionRegistry.class.getName())
            ? Collections.emptyEnumeration() : super.getResources(name);
      }
    };

    Run run = retort("current");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("ERROR: No generated registry on the classpath: compile the"
        + " @Revision classes with retort-processor");
    assertThat(run.err()).doesNotContain("registry=");
  }

  private void copyTheSample() throws Exception {
    versions = Files.createDirectories(project.resolve("src/com/example/shop/db/versions"));
    try (Stream<Path> files = Files.list(
        SAMPLE.resolve("src/main/java/com/example/shop/db/versions"))) {
      for (Path file : files.toList()) {
        Files.copy(file, versions.resolve(file.getFileName()));
      }
    }
    Files.copy(SAMPLE.resolve("migration.java.template"),
        project.resolve("migration.java.template"));
    url = "jdbc:h2:file:" + project.resolve("shop");
    config = project.resolve("retort.properties");
    // The test classpath has a registry of its own (ShopRegistry): name the sample's.
    Files.writeString(config, "url=" + url + "\nuser=sa\npassword=\n"
        + "migrations.source=src/com/example/shop/db/versions\n"
        + "migrations.package=com.example.shop.db.versions\n"
        + "template=migration.java.template\n"
        + "registry=com.example.shop.db.versions.Revisions\n");
  }

  /**
   * Compiles the migrations into a new folder, and runs the next commands on that build; the
   * previous build's loader is closed, as nothing runs on it any more.
   */
  private void rebuild() throws Exception {
    Path classes = project.resolve("build-" + ++builds);
    assertThat(Sources.compile(versions, classes)).isEmpty();
    closeTheLastBuild();
    build = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        DailyWorkflowTest.class.getClassLoader());
  }

  /** The command line on the latest build: ServiceLoader finds its registry through the context. */
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
    // Retort writes the names migrations give as strings unquoted, so H2 folds them to upper case.
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        ResultSet columns = connection.getMetaData().getColumns(null, "PUBLIC", "USERS", "PHONE")) {
      return columns.next();
    }
  }
}

package com.example.shop;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's Quick Commands, through sample/scripts/db_migrate, on a fresh H2 file database. */
class DbMigrateScriptTest {

  private static final Path SCRIPT = Path.of("scripts/db_migrate").toAbsolutePath();

  @TempDir Path folder;

  /** What the script printed (stdout and stderr together) and its exit status. */
  record Run(int status, String output) {}

  /** Runs the sample's script from the sample's folder. */
  private Run dbMigrate(String... args) throws IOException, InterruptedException {
    return run(SCRIPT, Path.of("").toAbsolutePath(), Map.of(), args);
  }

  private Run run(Path script, Path workingFolder, Map<String, String> environment,
      String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true)
        .directory(workingFolder.toFile());
    process.environment().put("RETORT_URL", "jdbc:h2:file:" + folder.resolve("shop"));
    process.environment().put("JAVA_HOME", System.getProperty("java.home"));
    process.environment().putAll(environment);
    Process running = process.start();
    String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(running.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(running.exitValue(), output);
  }

  @Test
  void upgradeCurrentHistoryAndDowngrade_workLikeTheSeedsQuickCommands() throws Exception {
    Run upgrade = dbMigrate("upgrade");
    assertThat(upgrade.status()).isEqualTo(0);
    assertThat(upgrade.output()).containsMatch(
        "INFO Running upgrade <base> -> ae1027a6acf0, Create users table \\(\\d+ ms\\)");
    assertThat(upgrade.output()).contains("Applied 7 revisions");

    assertThat(dbMigrate("current").output()).isEqualTo("e7f4b2c9a016 (head)\n");

    Run history = dbMigrate("history");
    assertThat(history.output()).startsWith(
        "c3a9f0e2d815 -> e7f4b2c9a016 (head), Index orders by user\n");
    assertThat(history.output().lines().count()).isEqualTo(7);

    Run downgrade = dbMigrate("downgrade", "-1");
    assertThat(downgrade.output()).contains(
        "INFO Running downgrade e7f4b2c9a016 -> c3a9f0e2d815, Index orders by user");
    assertThat(dbMigrate("check").status()).isEqualTo(3);
  }

  @Test
  void create_fromAnotherFolder_readsARelativeConfigThere_andUsesTheSamplesTemplate()
      throws Exception {
    Path versions = Files.createDirectories(folder.resolve("versions"));
    Files.copy(Path.of("src/main/java/com/example/shop/db/versions/M0006_IndexOrdersByUser.java"),
        versions.resolve("M0006_IndexOrdersByUser.java"));
    Files.writeString(folder.resolve("retort.properties"), "migrations.source=versions\n"
        + "migrations.package=com.example.shop.db.versions\n"
        + "template=" + Path.of("migration.java.template").toAbsolutePath() + "\n");

    Run create = run(SCRIPT, folder, Map.of(), "create", "Add phone to users",
        "--config", "retort.properties");

    assertThat(create.status()).isEqualTo(0);
    assertThat(create.output()).isEqualTo("Generating "
        + versions.resolve("M0007_AddPhoneToUsers.java") + " ...  done\n");
    String created = Files.readString(versions.resolve("M0007_AddPhoneToUsers.java"));
    assertThat(created).contains("revises = \"e7f4b2c9a016\"");
    assertThat(created).contains("import org.jooq.impl.SQLDataType;");
  }

  @Test
  void fromAnotherFolder_theCommandsRunInTheSample() throws Exception {
    Run current = run(SCRIPT, folder, Map.of(), "current");

    assertThat(current.status()).isEqualTo(0);
    assertThat(current.output()).isEqualTo("<base> (no revision applied)\n");
  }

  /**
   * After create, a source is newer than the last build: the next command that reads the registry
   * rebuilds first, and says why, and the one after it does not. Run on a copy of the sample's
   * layout whose ./mvnw only records that it was called and, like Maven's build-classpath with
   * an unchanged classpath, leaves classpath.txt alone: the script marks the build itself.
   */
  @Test
  void aSourceNewerThanTheBuild_isRebuiltBeforeTheCommand_butNotForCreate() throws Exception {
    Path root = fakeSample("");
    Path sample = root.resolve("sample");
    Path script = sample.resolve("scripts/db_migrate");
    Path builds = root.resolve("builds.log");

    Run create = run(script, folder, Map.of(), "create", "--help");
    assertThat(create.status()).isEqualTo(0);
    assertThat(Files.exists(builds)).isFalse();

    Run current = run(script, folder, Map.of(), "current");
    assertThat(current.status()).isEqualTo(0);
    assertThat(current.output()).isEqualTo("src/main/java/shop/M0007_AddPhoneToUsers.java changed"
        + " since the last build; building the sample: (cd .. && ./mvnw -q -pl sample -am"
        + " package -DskipTests)\n<base> (no revision applied)\n");
    assertThat(Files.readString(builds)).isEqualTo("./mvnw -q -pl sample -am package -DskipTests\n");

    Run again = run(script, folder, Map.of(), "current");
    assertThat(again.output()).isEqualTo("<base> (no revision applied)\n");
    assertThat(Files.readAllLines(builds)).hasSize(1);
  }

  /** An edit saved while Maven compiles may have missed the build: the next command builds again. */
  @Test
  void aSourceSavedDuringTheBuild_isBuiltAgainByTheNextCommand() throws Exception {
    Path root = fakeSample("sleep 1\necho '// edited during the build' >> "
        + "sample/src/main/java/shop/M0007_AddPhoneToUsers.java\n");
    Path script = root.resolve("sample/scripts/db_migrate");

    assertThat(run(script, folder, Map.of(), "current").status()).isEqualTo(0);
    Run next = run(script, folder, Map.of(), "current");

    assertThat(next.output()).startsWith("src/main/java/shop/M0007_AddPhoneToUsers.java changed"
        + " since the last build; building the sample");
    assertThat(Files.readAllLines(root.resolve("builds.log"))).hasSize(2);
  }

  /**
   * A copy of the sample's layout in root/sample: this module's classpath, built 30 seconds ago,
   * and a migration from create written since; its ./mvnw logs each call to root/builds.log, then
   * runs the given shell lines in root.
   */
  private Path fakeSample(String duringTheBuild) throws IOException {
    Path root = folder.resolve("root");
    Path sample = Files.createDirectories(root.resolve("sample"));
    Path script = Files.createDirectories(sample.resolve("scripts")).resolve("db_migrate");
    Files.copy(SCRIPT, script);
    Files.writeString(sample.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(sample.resolve("target/classes"));
    Path classpath = sample.resolve("target/classpath.txt");
    Files.writeString(classpath, Path.of("target/classes").toAbsolutePath() + ":"
        + Files.readString(Path.of("target/classpath.txt")).strip());
    Path migration = Files.createDirectories(sample.resolve("src/main/java/shop"))
        .resolve("M0007_AddPhoneToUsers.java");
    Files.writeString(migration, "// written by create\n");
    executable(root.resolve("mvnw"), "#!/bin/sh\necho \"./mvnw $*\" >> "
        + root.resolve("builds.log") + "\n" + duringTheBuild);
    Instant now = Instant.now();
    Files.setLastModifiedTime(sample.resolve("pom.xml"), FileTime.from(now.minusSeconds(60)));
    Files.setLastModifiedTime(classpath, FileTime.from(now.minusSeconds(30)));
    return root;
  }

  /**
   * A deleted migration leaves no file newer than the build: the script compares the list of
   * files and their checksums with the last build's, so the next command rebuilds instead of
   * applying the deleted revision from the stale build.
   */
  @Test
  void aDeletedMigration_isRebuiltBeforeTheNextCommand() throws Exception {
    Path root = fakeSample("");
    Path script = root.resolve("sample/scripts/db_migrate");
    assertThat(run(script, folder, Map.of(), "current").status()).isEqualTo(0);

    Files.delete(root.resolve("sample/src/main/java/shop/M0007_AddPhoneToUsers.java"));
    Run next = run(script, folder, Map.of(), "current");

    assertThat(next.output()).startsWith("src/main/java/shop/M0007_AddPhoneToUsers.java was"
        + " deleted or moved since the last build; building the sample");
    assertThat(Files.readAllLines(root.resolve("builds.log"))).hasSize(2);
    assertThat(run(script, folder, Map.of(), "current").output())
        .isEqualTo("<base> (no revision applied)\n");
    assertThat(Files.readAllLines(root.resolve("builds.log"))).hasSize(2);
  }

  @Test
  void aRenamedMigration_withItsOldTime_isRebuilt() throws Exception {
    Path root = fakeSample("");
    Path script = root.resolve("sample/scripts/db_migrate");
    assertThat(run(script, folder, Map.of(), "current").status()).isEqualTo(0);
    Path migration = root.resolve("sample/src/main/java/shop/M0007_AddPhoneToUsers.java");
    Files.setLastModifiedTime(migration, FileTime.from(Instant.now().minusSeconds(3600)));

    Files.move(migration, migration.resolveSibling("M0008_AddPhoneToUsers.java"));
    Run next = run(script, folder, Map.of(), "current");

    assertThat(next.output()).startsWith("src/main/java/shop/M0007_AddPhoneToUsers.java was"
        + " deleted or moved since the last build; building the sample");
  }

  /** git switch to a branch without a migration removes its file, and leaves nothing newer. */
  @Test
  void aBranchSwitchThatRemovesAMigration_isRebuilt() throws Exception {
    Path root = fakeSample("");
    Path script = root.resolve("sample/scripts/db_migrate");
    git(root, "init", "-q", "-b", "main");
    git(root, "add", "sample/src", "sample/pom.xml");
    git(root, "commit", "-q", "-m", "main");
    git(root, "switch", "-q", "-c", "feature");
    Path feature = root.resolve("sample/src/main/java/shop/M0008_AddFax.java");
    Files.writeString(feature, "// a migration of the feature branch\n");
    git(root, "add", "sample/src");
    git(root, "commit", "-q", "-m", "feature");
    assertThat(run(script, folder, Map.of(), "current").status()).isEqualTo(0);
    assertThat(Files.readAllLines(root.resolve("builds.log"))).hasSize(1);

    git(root, "switch", "-q", "main");
    Run next = run(script, folder, Map.of(), "current");

    assertThat(Files.exists(feature)).isFalse();
    assertThat(next.output()).startsWith("src/main/java/shop/M0008_AddFax.java was deleted or"
        + " moved since the last build; building the sample");
    assertThat(Files.readAllLines(root.resolve("builds.log"))).hasSize(2);
  }

  private static void git(Path root, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test",
        "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main"));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
        .start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertWithMessage(output).that(git.exitValue()).isEqualTo(0);
  }

  @Test
  void aFailedRebuild_stopsTheCommand_andSaysSo() throws Exception {
    Path root = folder.resolve("root");
    Path sample = Files.createDirectories(root.resolve("sample"));
    Path script = Files.createDirectories(sample.resolve("scripts")).resolve("db_migrate");
    Files.copy(SCRIPT, script);
    executable(root.resolve("mvnw"), "#!/bin/sh\necho 'M0007_AddPhoneToUsers.java:[20,5] error:"
        + " cannot find symbol'\nexit 1\n");

    Run upgrade = run(script, folder, Map.of(), "upgrade");

    assertThat(upgrade.status()).isEqualTo(1);
    assertThat(upgrade.output()).isEqualTo("The sample has not been built yet; building the"
        + " sample: (cd .. && ./mvnw -q -pl sample -am package -DskipTests)\n"
        + "M0007_AddPhoneToUsers.java:[20,5] error: cannot find symbol\n"
        + "ERROR: the build failed (javac's errors are above); fix them and run the command"
        + " again.\n");
  }

  /**
   * Two unmerged heads fail the build, and heads, the command that diagnoses exactly that, still
   * answers: from the sources, through the last build's command line, saying so. upgrade, which
   * runs migration code, stops with the build's error; neither marks the sources as built.
   */
  @Test
  void aFailedRebuild_stillAnswersHeads_fromTheSources_butStopsUpgrade() throws Exception {
    Path root = fakeSample("echo '[ERROR] M0008_CreateOrders.java:[9,8] [Retort/MultipleHeads]'"
        + "\nexit 1\n");
    Path sample = root.resolve("sample");
    Path script = sample.resolve("scripts/db_migrate");
    Files.writeString(sample.resolve("retort.properties"),
        "migrations.source=src/main/java/shop\nmigrations.package=shop\n");
    migration(sample, "M0006_CreateUsers", "id = \"a1\", message = \"Create users\"");
    migration(sample, "M0007_AddPhoneToUsers",
        "id = \"b2\", revises = \"a1\", message = \"Add phone to users\"");
    migration(sample, "M0008_CreateOrders",
        "id = \"c3\", revises = \"a1\", message = \"Create orders\"");

    Run heads = run(script, folder, Map.of(), "heads");
    Run upgrade = run(script, folder, Map.of(), "upgrade");

    assertWithMessage(heads.output()).that(heads.status()).isEqualTo(0);
    assertThat(heads.output()).contains("[Retort/MultipleHeads]\nWARNING: the build failed"
        + " (javac's errors are above); heads reads the migration sources instead"
        + " (--from-sources). Fix the errors before upgrade.\n");
    assertThat(heads.output()).contains("NOTE: the revisions were read from the sources in "
        + sample.resolve("src/main/java/shop") + " (--from-sources), not from a build");
    assertThat(heads.output()).endsWith("a1 -> b2 (head), Add phone to users\n"
        + "a1 -> c3 (head), Create orders\n");
    assertThat(upgrade.status()).isEqualTo(1);
    assertThat(upgrade.output()).endsWith("[Retort/MultipleHeads]\nERROR: the build failed"
        + " (javac's errors are above); fix them and run the command again.\n");
    assertThat(Files.readAllLines(root.resolve("builds.log"))).hasSize(2);
  }

  private static void migration(Path sample, String className, String revision)
      throws IOException {
    Files.writeString(sample.resolve("src/main/java/shop/" + className + ".java"), """
        package shop;

        import dev.retort.annotations.Revision;

        @Revision(%s)
        public final class %s {}
        """.formatted(revision, className));
  }

  @Test
  void javaHome_isTheJavaTheScriptRuns() throws Exception {
    Path javaHome = folder.resolve("jdk");
    executable(Files.createDirectories(javaHome.resolve("bin")).resolve("java"),
        "#!/bin/sh\necho \"java from JAVA_HOME: $3 $4 $5\"\n");

    Run run = run(SCRIPT, folder, Map.of("JAVA_HOME", javaHome.toString()), "current", "-v");

    assertThat(run.output()).isEqualTo("java from JAVA_HOME: dev.retort.cli.RetortCli current -v\n");
  }

  private static void executable(Path file, String content) throws IOException {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}

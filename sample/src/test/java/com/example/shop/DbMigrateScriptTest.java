package com.example.shop;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's Quick Commands, through sample/scripts/db_migrate, on a fresh H2 file database. */
class DbMigrateScriptTest {

  @TempDir Path folder;

  /** What the script printed (stdout and stderr together) and its exit status. */
  record Run(int status, String output) {}

  private Run dbMigrate(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "scripts/db_migrate"));
    command.addAll(List.of(args));
    ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
    process.environment().put("RETORT_URL", "jdbc:h2:file:" + folder.resolve("shop"));
    process.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
        + System.getenv("PATH"));
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
  void create_writesTheNextMigrationFromTheSamplesTemplate() throws Exception {
    Path versions = Files.createDirectories(folder.resolve("versions"));
    Files.copy(Path.of("src/main/java/com/example/shop/db/versions/M0006_IndexOrdersByUser.java"),
        versions.resolve("M0006_IndexOrdersByUser.java"));
    Path config = folder.resolve("retort.properties");
    Files.writeString(config, "migrations.source=versions\n"
        + "migrations.package=com.example.shop.db.versions\n"
        + "template=" + Path.of("migration.java.template").toAbsolutePath() + "\n");

    Run create = dbMigrate("create", "Add phone to users", "--config", config.toString());

    assertThat(create.status()).isEqualTo(0);
    assertThat(create.output()).isEqualTo("Generating "
        + versions.resolve("M0007_AddPhoneToUsers.java") + " ...  done\n");
    assertThat(Files.readString(versions.resolve("M0007_AddPhoneToUsers.java")))
        .contains("revises = \"e7f4b2c9a016\"");
  }
}

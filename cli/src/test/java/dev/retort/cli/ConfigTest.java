package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings come from the file, then the environment, then flags, each overriding the one before. */
class ConfigTest {

  private static final Map<String, String> ENVIRONMENT = Map.of(
      "RETORT_URL", "jdbc:postgresql://env-host/shop",
      "RETORT_USER", "env_user",
      "RETORT_PASSWORD", "env-password");

  @TempDir Path folder;
  private Path file;

  @BeforeEach
  void writeFile() throws Exception {
    file = folder.resolve("retort.properties");
    Files.writeString(file, "url=jdbc:h2:file:./data/shop\nuser=file_user\npassword=file-password\n"
        + "schema=shop\nmigrations.source=src/versions\nmigrations.package=shop.versions\n"
        + "template=migration.java.template\n");
  }

  @Test
  void theFileAlone_givesEverySetting_withPathsRelativeToItsFolder() throws Exception {
    Config config = Config.load(file, true, Map.of(), null, null, null);

    assertThat(config.url()).isEqualTo("jdbc:h2:file:./data/shop");
    assertThat(config.user()).isEqualTo("file_user");
    assertThat(config.password()).isEqualTo("file-password");
    assertThat(config.schema()).isEqualTo("shop");
    assertThat(config.versionTable()).isEqualTo("retort_version");
    assertThat(config.classNameTemplate()).isEqualTo("M{seq}_{Message}");
    assertThat(config.migrationsSource()).isEqualTo(folder.toAbsolutePath().resolve("src/versions"));
    assertThat(config.templateFile())
        .isEqualTo(folder.toAbsolutePath().resolve("migration.java.template"));
  }

  @Test
  void theEnvironment_overridesTheFile() throws Exception {
    Config config = Config.load(file, true, ENVIRONMENT, null, null, null);

    assertThat(config.url()).isEqualTo("jdbc:postgresql://env-host/shop");
    assertThat(config.user()).isEqualTo("env_user");
    assertThat(config.password()).isEqualTo("env-password");
    assertThat(config.schema()).isEqualTo("shop");
  }

  @Test
  void flags_overrideTheEnvironment() throws Exception {
    Config config = Config.load(file, true, ENVIRONMENT, "jdbc:postgresql://flag-host/shop",
        "flag_user", "flag-password");

    assertThat(config.url()).isEqualTo("jdbc:postgresql://flag-host/shop");
    assertThat(config.user()).isEqualTo("flag_user");
    assertThat(config.password()).isEqualTo("flag-password");
  }

  @Test
  void oneFlag_overridesOnlyItsOwnSetting() throws Exception {
    Config config = Config.load(file, true, Map.of("RETORT_PASSWORD", "env-password"), null,
        "flag_user", null);

    assertThat(config.url()).isEqualTo("jdbc:h2:file:./data/shop");
    assertThat(config.user()).isEqualTo("flag_user");
    assertThat(config.password()).isEqualTo("env-password");
  }

  @Test
  void aMissingDefaultFile_isFine_butANamedOneIsAnError() throws Exception {
    Path missing = folder.resolve("nowhere.properties");

    Config defaults = Config.load(missing, false, ENVIRONMENT, null, null, null);
    IllegalArgumentException named = assertThrows(IllegalArgumentException.class,
        () -> Config.load(missing, true, ENVIRONMENT, null, null, null));

    assertThat(defaults.url()).isEqualTo("jdbc:postgresql://env-host/shop");
    assertThat(defaults.migrationsSource()).isNull();
    assertThat(named).hasMessageThat().isEqualTo("No configuration file at "
        + missing.toAbsolutePath() + "; pass an existing file to --config, or leave it out to use"
        + " retort.properties");
  }

  @Test
  void withoutAUrl_commandsThatNeedOneSayWhereToSetIt() throws Exception {
    Files.writeString(file, "user=sa\n");
    Config config = Config.load(file, true, Map.of(), null, null, null);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        config::requireUrl);

    assertThat(error).hasMessageThat().isEqualTo("No database URL: set url in " + file
        + ", RETORT_URL in the environment, or pass --url jdbc:...");
  }

  @Test
  void toString_neverShowsThePassword() throws Exception {
    Config config = Config.load(file, true, Map.of(), "jdbc:postgresql://h/shop?password=x-secret",
        null, "x-secret");

    assertThat(config.toString()).doesNotContain("x-secret");
    assertThat(config.toString()).contains("user=file_user");
  }

  @Test
  void theLockSettings_comeFromTheFile_andTheFlagsOverrideThem() throws Exception {
    Files.writeString(file, "lock_table=app_lock\nlock_timeout=2m\nlease_duration=PT45S\n");

    Config fromFile = Config.load(file, true, Map.of(), Config.Flags.NONE);
    Config flagged = Config.load(file, true, Map.of(),
        new Config.Flags(null, null, null, "500ms", "1h", null));

    assertThat(fromFile.lockTable()).isEqualTo("app_lock");
    assertThat(fromFile.lockTimeout()).isEqualTo(java.time.Duration.ofMinutes(2));
    assertThat(fromFile.leaseDuration()).isEqualTo(java.time.Duration.ofSeconds(45));
    assertThat(flagged.lockTimeout()).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(flagged.leaseDuration()).isEqualTo(java.time.Duration.ofHours(1));
  }

  @Test
  void withoutLockSettings_theRuntimesDefaultsApply() throws Exception {
    Config config = Config.load(file, true, Map.of(), Config.Flags.NONE);

    assertThat(config.lockTable()).isEqualTo("retort_lock");
    assertThat(config.lockTimeout()).isNull();
    assertThat(config.leaseDuration()).isNull();
  }

  @Test
  void aDurationThatDoesNotParse_isRefused_namingTheSettingAndTheForms() throws Exception {
    for (String bad : new String[] {"ten minutes", "10", "0s", "-5s", "PTX"}) {
      Files.writeString(file, "lock_timeout=" + bad + "\n");

      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> Config.load(file, true, Map.of(), Config.Flags.NONE));

      assertThat(error).hasMessageThat()
          .isEqualTo(CliMessages.invalidDuration("lock_timeout", bad, file));
    }
  }

  @Test
  void anEmptyValue_anywhere_meansUnset() throws Exception {
    Config config = Config.load(file, true, Map.of("RETORT_USER", "", "RETORT_URL", "",
        "RETORT_PASSWORD", ""), new Config.Flags(null, "", "", null, null, null));
    Files.writeString(file, "url=jdbc:h2:mem:x\nuser=\npassword=\nversion_table=\n");
    Config emptyFile = Config.load(file, true, Map.of(), Config.Flags.NONE);

    assertThat(config.url()).isEqualTo("jdbc:h2:file:./data/shop");
    assertThat(config.user()).isEqualTo("file_user");
    assertThat(config.password()).isEqualTo("file-password");
    assertThat(emptyFile.user()).isNull();
    assertThat(emptyFile.password()).isNull();
    assertThat(emptyFile.versionTable()).isEqualTo("retort_version");
  }
}

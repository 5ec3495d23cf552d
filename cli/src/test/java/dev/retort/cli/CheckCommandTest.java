package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.cli.CliRunner.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} is a deploy gate: it passes (0) or says "pending" (3) only for a database that a
 * run would accept. A state every run refuses fails it (1), with the reason.
 */
class CheckCommandTest {

  @TempDir Path folder;
  private Path config;
  private String url;

  @BeforeEach
  void writeConfig() throws Exception {
    url = "jdbc:h2:file:" + folder.resolve("db");
    config = folder.resolve("retort.properties");
    Files.writeString(config, "url=" + url + "\nuser=sa\n");
  }

  private Run retort(String... args) {
    String[] withConfig = new String[args.length + 2];
    System.arraycopy(args, 0, withConfig, 0, args.length);
    withConfig[args.length] = "--config";
    withConfig[args.length + 1] = config.toString();
    return CliRunner.run(withConfig);
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      connection.createStatement().execute(sql);
    }
  }

  private static void assertRefused(Run run, String reason) {
    assertWithMessage(run.printed()).that(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith(CliMessages.ERROR_PREFIX + CliMessages.checkRefused(""));
    assertThat(run.err()).contains(reason);
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void anUnresolvedFailure_failsTheCheck_thoughRevisionsArePending() throws Exception {
    assertThat(retort("upgrade", "a1").status()).isEqualTo(0);
    execute("create table t_b1 (id int)");
    assertThat(retort("upgrade").status()).isEqualTo(1);

    assertRefused(retort("check"), "Revision b1 (Rev_b1)");
  }

  @Test
  void anEditedAppliedRevision_failsTheCheck_thoughTheDatabaseIsUpToDate() throws Exception {
    assertThat(retort("upgrade").status()).isEqualTo(0);
    execute("update retort_history set checksum = 'before-the-edit' where revision = 'a1'");

    assertRefused(retort("check"), "Revision a1 (Rev_a1) was edited after it was applied");
  }

  @Test
  void aRevisionThisBuildDoesNotKnow_failsTheCheck() throws Exception {
    assertThat(retort("upgrade").status()).isEqualTo(0);
    execute("update retort_version set version_num = 'f00d1e'");

    assertRefused(retort("check"), "f00d1e");
  }

  @Test
  void aHealthyDatabase_isStillZeroOrThree() {
    assertThat(retort("check").status()).isEqualTo(RetortCli.PENDING);
    assertThat(retort("upgrade").status()).isEqualTo(0);
    assertThat(retort("check").status()).isEqualTo(0);
  }
}

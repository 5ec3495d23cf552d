package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.cli.CliRunner.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history --audit}: the history table's rows as one line each, newest first. */
class AuditTest {

  /** When, and who where: H2 reports the user in capitals. */
  private static final String LINE = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  (?i:sa)@\\S+  ";

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

  @Test
  void everyStepStampAndFailure_isOneLine_newestFirst_withWhoWhereHowLongAndHowItEnded()
      throws Exception {
    retort("upgrade", "b1");
    retort("downgrade", "-1");
    retort("stamp", "b1");
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      connection.createStatement().execute("create table t_c1 (id int)");
    }
    retort("upgrade", "c1");

    Run run = retort("history", "--audit");

    assertWithMessage(run.printed()).that(run.status()).isEqualTo(0);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).matches(LINE + "upgrade    c1  \\d+ ms  FAILED \\(NOT rolled back\\),"
        + " Create orders");
    assertThat(lines.get(1)).matches(LINE + "stamp      b1  \\d+ ms  succeeded, Add email");
    assertThat(lines.get(2)).matches(LINE + "downgrade  b1  \\d+ ms  succeeded, Add email");
    assertThat(lines.get(3)).matches(LINE + "upgrade    b1  \\d+ ms  succeeded, Add email");
    assertThat(lines.get(4)).matches(LINE + "upgrade    a1  \\d+ ms  succeeded, Create users");
  }

  @Test
  void theLimit_keepsTheNewest_andVerboseShowsEveryField() {
    retort("upgrade");

    Run two = retort("history", "--audit", "-n", "2");
    Run verbose = retort("history", "--audit", "--limit", "1", "-v");

    assertThat(two.out().lines().toList()).hasSize(2);
    assertThat(two.out()).contains("upgrade    m1");
    assertThat(verbose.out()).startsWith("Row: ");
    assertThat(verbose.out()).contains("Revision: m1\nAction: upgrade\nOutcome: succeeded\n");
    assertThat(verbose.out()).contains("Checksum: sum-m1\n");
  }

  @Test
  void anEmptyHistory_saysSo() {
    Run run = retort("history", "--audit");

    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).isEqualTo(CliMessages.noAudit() + "\n");
  }

  @Test
  void withARangeOrIndicateCurrent_isAUsageError() {
    Run run = retort("history", "--audit", "-i");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith(CliMessages.ERROR_PREFIX
        + CliMessages.auditWithRevisionOptions());
  }
}

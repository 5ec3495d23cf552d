package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.cli.CliRunner.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With a password configured, in the file, as a flag or inside the URL, nothing the command line
 * prints contains it: not the log lines of a successful run, not an error, not a --debug trace.
 */
class SecretsTest {

  private static final String SECRET = "Tr0ub4dor-s3cret-9f2c";

  @TempDir Path folder;
  private Path config;

  @BeforeEach
  void writeConfig() throws Exception {
    config = folder.resolve("retort.properties");
    Files.writeString(config, "url=jdbc:h2:file:" + folder.resolve("db") + "\nuser=sa\n"
        + "password=" + SECRET + "\n");
  }

  private Run retort(String... args) {
    List<String> withConfig = new ArrayList<>(List.of(args));
    withConfig.add("--config");
    withConfig.add(config.toString());
    withConfig.add("--debug");
    return CliRunner.run(withConfig.toArray(String[]::new));
  }

  @Test
  void aSucceedingSession_printsNoPassword() {
    List<Run> runs = List.of(retort("upgrade", "c1"), retort("current"), retort("history"),
        retort("check"), retort("show", "a1"), retort("upgrade"), retort("downgrade", "-1"),
        retort("stamp", "m1"), retort("validate"), retort("repair"), retort("graph"));

    for (Run run : runs) {
      assertThat(run.status()).isAnyOf(0, RetortCli.PENDING);
      assertThat(run.printed()).doesNotContain(SECRET);
    }
    assertThat(runs.get(0).out()).contains("Running upgrade");
  }

  @Test
  void aWrongPassword_printsNeitherTheWrongNorTheRightOne() {
    assertThat(retort("upgrade").status()).isEqualTo(0);

    Run run = retort("upgrade", "--password", "Wr0ng-" + SECRET);

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.printed()).contains("Wrong user name or password");
    assertThat(run.printed()).doesNotContain(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:h2:tcp://127.0.0.1:1/nowhere;USER=sa;PASSWORD=" + SECRET,
      "jdbc:postgresql://127.0.0.1:1/shop?user=sa&password=" + SECRET + "&ssl=false",
      "jdbc:postgresql://127.0.0.1:1/shop?PASSWORD=" + SECRET,
      "jdbc:nosuchdb://127.0.0.1/shop?pwd=" + SECRET,
      "jdbc:mariadb://root:" + SECRET + "@127.0.0.1:1/shop",
  })
  void aPasswordInsideTheUrl_isMaskedInTheErrorAndTheTrace(String url) {
    Run run = retort("upgrade", "--url", url);

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains("Cannot connect to ");
    assertThat(run.err()).contains(Secrets.MASK);
    assertThat(run.err()).contains("\tat ");
    assertThat(run.printed()).doesNotContain(SECRET);
  }
}

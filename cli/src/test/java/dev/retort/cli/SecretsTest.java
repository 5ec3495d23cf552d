package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.cli.CliRunner.Run;
import dev.retort.runtime.PasswordMask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

  /**
   * The same session on PostgreSQL, as a role that has a password, given in the file and then
   * inside the URL. The CI server trusts local connections, so it accepts the password without
   * checking it; what matters here is that the driver receives it and nothing prints it. Needs
   * the server that .ci/start-databases starts; in CI it must be there.
   */
  @Test
  void aSucceedingSessionOnPostgresql_withAPassword_printsNoPassword() throws Exception {
    String server = CiPostgres.server();
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String role = "retort_secret_" + suffix;
    String database = "retort_secrets_" + suffix;
    try (Connection admin = DriverManager.getConnection(server);
        Statement statement = admin.createStatement()) {
      statement.execute("create role " + role + " login password '" + SECRET + "'");
      try {
        statement.execute("create database " + database + " owner " + role);
        try {
          aSessionAs(role, CiPostgres.onDatabaseAsNobody(server, database));
        } finally {
          statement.execute("drop database if exists " + database + " with (force)");
        }
      } finally {
        statement.execute("drop role if exists " + role);
      }
    }
  }

  /** The session of the test above, on an existing database that the role owns. */
  private void aSessionAs(String role, String url) throws Exception {
    Files.writeString(config, "url=" + url + "\nuser=" + role + "\npassword=" + SECRET + "\n");

    List<Run> inFile = List.of(retort("upgrade", "c1"), retort("current"),
        retort("history", "-i"), retort("check"), retort("upgrade"), retort("downgrade", "-1"),
        retort("validate"), retort("graph"));
    String inUrl = url + "?user=" + role + "&password=" + SECRET;
    List<Run> inTheUrl = List.of(retort("upgrade", "--url", inUrl),
        retort("downgrade", "base", "--url", inUrl), retort("stamp", "head", "--url", inUrl));

    for (Run run : concat(inFile, inTheUrl)) {
      assertWithMessage(run.printed()).that(run.status()).isAnyOf(0, RetortCli.PENDING);
      assertThat(run.printed()).doesNotContain(SECRET);
    }
    assertThat(inFile.get(0).out()).contains("Running upgrade a1 -> b1");
    assertThat(inTheUrl.get(0).out()).contains("Running upgrade (c1, d1) -> m1");
    assertThat(inTheUrl.get(1).out()).contains("Running downgrade a1 -> <base>");
    try (Connection connection = DriverManager.getConnection(url, role, SECRET);
        ResultSet user = connection.createStatement().executeQuery(
            "select distinct db_user from retort_history")) {
      assertThat(user.next()).isTrue();
      assertThat(user.getString(1)).isEqualTo(role);
    }
  }

  /**
   * The server's URL with another database and without its parameters (the admin's user=): the
   * session's own user and password come from the file or its own parameters.
   */

  private static List<Run> concat(List<Run> first, List<Run> second) {
    List<Run> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
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
    assertThat(run.err()).contains(PasswordMask.MASK);
    assertThat(run.err()).contains("\tat ");
    assertThat(run.printed()).doesNotContain(SECRET);
  }

  /**
   * picocli quotes an unknown option, and the arguments after it, in its error: a mistyped
   * password flag's value is masked there, however short.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "--passwrod x9q upgrade",
      "upgrade --pass=x9q",
      "current --pwd x9q",
      "current --PASSWD=x9q",
      "current --pass-word x9q --url jdbc:h2:mem:x",
  })
  void aMistypedPasswordFlag_isAUsageError_thatPrintsNotItsValue(String commandLine) {
    Run run = CliRunner.run(commandLine.split(" "));

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("ERROR: Unknown option");
    assertThat(run.err()).contains(PasswordMask.MASK);
    assertThat(run.printed()).doesNotContain("x9q");
  }

  @Test
  void aMissingPasswordValue_namesTheOptionThatFollowed_unmasked() {
    Run run = CliRunner.run("current", "--password", "--url", "jdbc:h2:mem:x");

    assertThat(run.err()).startsWith("ERROR: Expected parameter for option '--password' but found"
        + " '--url'");
  }

  /**
   * Passwords made of each class of printable ASCII character, and of spaces, inside the URL of
   * each driver, written where that driver reads a password: the driver's own parsing decides how
   * far the password runs (PostgreSQL and MariaDB to the next {@code &}, H2 to the next {@code
   * ;}, a user-info password to its {@code @}). None of it may be printed, in the error or the
   * {@code --debug} trace with its causes.
   */
  @ParameterizedTest
  @MethodSource("passwordsInsideUrls")
  void aPasswordOfAnyPrintableCharacters_insideTheUrl_isNeverPrinted(String url,
      String password) {
    Run run = retort("upgrade", "--url", url);

    assertWithMessage(run.printed()).that(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith(CliMessages.ERROR_PREFIX + "Cannot connect to ");
    assertThat(run.err()).contains("\tat ");
    assertThat(run.printed()).doesNotContain(password);
    assertThat(run.printed()).doesNotContain(TAIL);
    assertThat(run.err().lines().filter(line -> line.startsWith("ERROR")).count()).isEqualTo(1);
  }

  /** Unmistakable, so that a leak of the password's end shows even when its start is masked. */
  private static final String TAIL = "S3cretTail";

  static Stream<Arguments> passwordsInsideUrls() {
    // The printable ASCII characters by class, each between a head and a tail of letters.
    String punctuation = "!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~";
    List<String> classes = List.of("Ab;", "Ab?x=1", "Ab)", "two words and more ", punctuation,
        "0123456789", "ABCXYZ", "abcxyz", " leading and trailing ");
    List<Arguments> cases = new ArrayList<>();
    for (String characters : classes) {
      String password = "Pw" + characters + TAIL;
      // PostgreSQL and MariaDB read a parameter up to the next '&'.
      String query = password.replace("&", "");
      cases.add(Arguments.of("jdbc:postgresql://127.0.0.1:1/shop?user=sa&password=" + query
          + "&ssl=false", query));
      cases.add(Arguments.of("jdbc:postgresql://127.0.0.1:1/shop?password=" + query, query));
      cases.add(Arguments.of("jdbc:mariadb://127.0.0.1:1/shop?user=root&password=" + query
          + "&connectTimeout=1000", query));
      // H2 reads a setting up to the next ';'.
      String setting = password.replace(";", "");
      cases.add(Arguments.of("jdbc:h2:tcp://127.0.0.1:1/nowhere;USER=sa;PASSWORD=" + setting
          + ";IFEXISTS=TRUE", setting));
      cases.add(Arguments.of("jdbc:h2:tcp://127.0.0.1:1/nowhere;PASSWORD=" + setting, setting));
    }
    // A user-info password runs to its '@', and cannot hold '/', '?', ';' or '@'.
    String userInfo = "Pw !#$%'()*+,-.:<=>[]^_`{|}~" + TAIL;
    cases.add(Arguments.of("jdbc:mariadb://root:" + userInfo + "@127.0.0.1:1/shop", userInfo));
    return cases.stream();
  }

  @Test
  void theIssuesLeak_aSemicolonInAPostgresqlPassword_isMaskedWhole() {
    Run run = retort("upgrade", "--url",
        "jdbc:postgresql://127.0.0.1:1/nosuchdb?user=shop2&password=Ab;S3cretTail");

    assertThat(run.err()).contains("password=" + PasswordMask.MASK + " ");
    assertThat(run.printed()).doesNotContain("S3cretTail");
  }
}

package dev.retort.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {

  @Test
  void connectionBecomesFlags_beforeTheCommandsOwnArguments() {
    Connection connection = new Connection("jdbc:h2:mem:x", "sa", "pw", Path.of("/p/retort.properties"));

    List<String> args = CliArguments.of("upgrade", connection, List.of("--", "head"), false);

    assertThat(args).containsExactly("upgrade", "--config=/p/retort.properties",
        "--url=jdbc:h2:mem:x", "--user=sa", "--password=pw", "--", "head").inOrder();
  }

  @Test
  void unsetValues_areLeftToTheEnvironmentAndTheFile() {
    List<String> args = CliArguments.of("current", new Connection(null, null, null, null),
        List.of(), false);

    assertThat(args).containsExactly("current");
  }

  @Test
  void mavenDebugLog_asksForTheRedactedTrace() {
    List<String> args = CliArguments.of("check", new Connection(null, null, null, null),
        List.of(), true);

    assertThat(args).containsExactly("check", "--debug").inOrder();
  }

  @Test
  void aValueStartingWithADash_staysTheFlagsValue() {
    List<String> args = CliArguments.of("check", new Connection(null, null, "-secret", null),
        List.of(), false);

    assertThat(args).contains("--password=-secret");
  }

  @Test
  void flagsInAMessage_areNamedAsMavenProperties() {
    assertThat(CliArguments.inMavenTerms("No database URL: set url in retort.properties,"
        + " RETORT_URL in the environment, or pass --url jdbc:..."))
        .isEqualTo("No database URL: set url in retort.properties, RETORT_URL in the"
            + " environment, or pass -Dretort.url=jdbc:...");
    assertThat(CliArguments.inMavenTerms("Invalid value for option '--dialect': expected one of"
        + " [H2, POSTGRES]"))
        .isEqualTo("Invalid value for option '-Dretort.dialect': expected one of [H2, POSTGRES]");
    assertThat(CliArguments.inMavenTerms("pass an existing file to --config, or leave it out"))
        .isEqualTo("pass an existing file to -Dretort.configFile, or leave it out");
  }

  @Test
  void wordsThatOnlyStartLikeAFlag_stayAsTheyAre() {
    assertThat(CliArguments.inMavenTerms("--url-encoded --users --debug"))
        .isEqualTo("--url-encoded --users --debug");
  }

  @Test
  void connectionsToString_masksThePassword() {
    assertThat(new Connection("jdbc:h2:mem:x", "sa", "hunter22", null).toString())
        .doesNotContain("hunter22");
  }
}

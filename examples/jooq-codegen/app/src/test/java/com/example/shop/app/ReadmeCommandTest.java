package com.example.shop.app;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example's README opens with the line that builds it; {@code .ci/run} runs that line as
 * written after the suite, so a README edit that CI would not run fails here first.
 */
class ReadmeCommandTest {

  private static final Path APP = Path.of("").toAbsolutePath();
  private static final Path ROOT = APP.getParent().getParent().getParent();

  @Test
  void theReadmesBuildLine_namesThisModule_andIsALineThatCiRuns() throws IOException {
    List<String> commands = shellLines(Files.readString(APP.getParent().resolve("README.md")));
    String module = ROOT.relativize(APP).toString().replace('\\', '/');

    assertThat(commands).containsExactly(
        "./mvnw -q -pl " + module + " -am package -DskipTests");
    assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).contains(commands.get(0));
  }

  /** The lines of the README's {@code sh} blocks. */
  private static List<String> shellLines(String readme) {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    for (String line : readme.split("\n")) {
      if (line.equals("```sh")) {
        inside = true;
      } else if (line.startsWith("```")) {
        inside = false;
      } else if (inside && !line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }
}

package dev.retort.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs the command line in this JVM and captures what it prints, its log lines included. Standard
 * output and error are captured too, so that anything printed past the run's own streams (which
 * nothing should) still counts as printed.
 */
final class CliRunner {

  /** What one command line printed, and its exit status. */
  record Run(int status, String out, String err) {
    /** Everything printed, on either stream. */
    String printed() {
      return out + err;
    }
  }

  private CliRunner() {}

  static Run run(String... args) {
    return runWithEnvironment(System.getenv(), args);
  }

  /** As {@link #run}, with this environment in place of the process's. */
  static Run runWithEnvironment(Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    PrintStream printOut = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream printErr = new PrintStream(err, true, StandardCharsets.UTF_8);
    System.setOut(printOut);
    System.setErr(printErr);
    try {
      int status = RetortCli.execute(args, printOut, printErr, environment);
      return new Run(status, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }
}

package dev.retort.maven;

import java.util.List;
import java.util.Optional;

/**
 * What one command printed and its exit status, and what that means for the build.
 *
 * @param out the command's results, line by line
 * @param err its error output, line by line
 */
record CliOutcome(int status, List<String> out, List<String> err) {

  /** The command line's prefix of the one line that says what went wrong. */
  static final String ERROR_PREFIX = "ERROR: ";

  /** {@code check}'s status when revisions are pending. */
  static final int PENDING = 3;

  /** How a goal that did not succeed fails the build. */
  enum Kind {
    /** A finding about the migrations or the database: Maven's "failure". */
    FAILURE,
    /** The goal could not do its job (configuration, connection, a migration's error). */
    ERROR
  }

  /**
   * Why the build stops, or nothing when the command succeeded.
   *
   * @param message one line
   */
  record Stop(Kind kind, String message) {}

  CliOutcome {
    out = List.copyOf(out);
    err = List.copyOf(err);
  }

  /** Splits what the command printed into lines. */
  static CliOutcome of(int status, String out, String err) {
    return new CliOutcome(status, lines(out), lines(err));
  }

  /**
   * Why the build stops: {@code check}'s pending revisions and a failed proof are failures whose
   * message is the command's last line of output; anything else is an error whose message is the
   * command's {@code ERROR:} line, its flags named as Maven properties.
   */
  Optional<Stop> stop(String command) {
    if (status == 0) {
      return Optional.empty();
    }
    Optional<String> error = err.stream().filter(line -> line.startsWith(ERROR_PREFIX))
        .map(line -> line.substring(ERROR_PREFIX.length())).findFirst();
    if (error.isPresent()) {
      return Optional.of(new Stop(Kind.ERROR, CliArguments.inMavenTerms(error.get())));
    }
    int last = lastLine();
    if ((status == PENDING || status == 1) && last >= 0) {
      return Optional.of(new Stop(Kind.FAILURE, out.get(last)));
    }
    return Optional.of(new Stop(Kind.ERROR, Messages.exitedWithoutReason(command, status)));
  }

  /**
   * The lines to show as the goal's output: all of them on success, all but the one that
   * becomes the failure's message otherwise.
   */
  List<String> results() {
    boolean lastIsMessage = status != 0 && lastLine() >= 0
        && err.stream().noneMatch(line -> line.startsWith(ERROR_PREFIX));
    return lastIsMessage ? out.subList(0, lastLine()) : out;
  }

  /** The command's results as it printed them, each line ended. */
  String output() {
    return out.isEmpty() ? "" : String.join(System.lineSeparator(), out) + System.lineSeparator();
  }

  /** Error output that is not the message: a stack trace under {@code -X}, usage hints. */
  List<String> details() {
    return err.stream().filter(line -> !line.startsWith(ERROR_PREFIX)).toList();
  }

  /** The index of the last line of output that is not blank, or -1. */
  private int lastLine() {
    for (int i = out.size() - 1; i >= 0; i--) {
      if (!out.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }

  /** The text's lines, blank ones kept (verbose output separates revisions with them). */
  private static List<String> lines(String text) {
    List<String> lines = List.of(text.split("\\R", -1));
    // Text that ends with a line break has no last line after it.
    return lines.get(lines.size() - 1).isEmpty() ? lines.subList(0, lines.size() - 1) : lines;
  }
}

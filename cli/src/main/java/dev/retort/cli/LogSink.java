package dev.retort.cli;

import dev.retort.runtime.PasswordMask;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.event.Level;

/**
 * Where one run of the command line prints: its output and error streams, with every password
 * it knows of masked. Log lines are one line each, on the output ({@code INFO ...}, {@code WARN
 * ...}); an error is one {@code ERROR:} line on the error stream, printed once though the runtime
 * both logs and throws it; stack traces only under {@code --debug}, masked too.
 */
final class LogSink {

  private final PrintWriter out;
  private final PrintWriter err;
  private final Set<String> errorsPrinted = new HashSet<>();
  private volatile boolean debug;
  private volatile boolean fleet;
  private volatile PasswordMask secrets = PasswordMask.none();

  LogSink(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  boolean debug() {
    return debug;
  }

  void debug(boolean debug) {
    this.debug = debug;
  }

  /**
   * In a fleet run each schema's outcome is reported by the run itself, with the schema's name:
   * the runtime's own step and error lines, which name none, are left out (all shown under
   * {@code --debug}); warnings still print.
   */
  void fleet(boolean fleet) {
    this.fleet = fleet;
  }

  PasswordMask secrets() {
    return secrets;
  }

  /** Adds passwords to mask from now on. */
  void mask(PasswordMask more) {
    secrets = secrets.and(more);
  }

  /** A log event of the runtime or of a library beneath it. */
  synchronized void log(Level level, String message, Throwable thrown) {
    if (fleet && !debug && level != Level.WARN) {
      return;
    }
    String text = secrets.mask(oneLine(message));
    if (level == Level.ERROR) {
      error(text);
    } else {
      boolean causeShown = thrown == null || debug || text.contains(oneLine(thrown));
      out.println(level + " " + text
          + (causeShown ? "" : " (" + secrets.mask(oneLine(thrown)) + ")"));
      out.flush();
    }
    if (debug && thrown != null) {
      trace(thrown);
    }
  }

  /** Prints {@code ERROR: line}, unless this run has printed that line already. */
  synchronized void error(String line) {
    if (errorsPrinted.add(line)) {
      err.println(CliMessages.ERROR_PREFIX + line);
      err.flush();
    }
  }

  /** The stack trace, with every known password masked: a message or cause may quote one. */
  synchronized void trace(Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    err.print(secrets.mask(trace.toString()));
    err.flush();
  }

  /** An exception's message on one line: drivers put details on lines of their own. */
  static String oneLine(Throwable thrown) {
    String message = thrown.getMessage();
    return message == null ? thrown.getClass().getSimpleName() : oneLine(message);
  }

  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}

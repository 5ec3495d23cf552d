package dev.retort.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link RunnerProcess}es with this JVM's classes ({@link ChildJvms}) and follows what
 * they print. Their output goes to files rather than pipes, so a runner never blocks on a full
 * pipe and a failing test can show what each runner said.
 */
final class RunnerProcesses {

  private RunnerProcesses() {}

  /** One runner process. */
  static final class Runner {
    private final Process process;
    private final Path out;
    private final Path err;

    private Runner(Process process, Path out, Path err) {
      this.process = process;
      this.out = out;
      this.err = err;
    }

    /** Waits until the runner has printed a line starting with the prefix, and returns it. */
    String await(String prefix, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        Optional<String> line = lines().stream().filter(l -> l.startsWith(prefix)).findFirst();
        if (line.isPresent()) {
          return line.get();
        }
        if (!process.isAlive() && lines().stream().noneMatch(l -> l.startsWith(prefix))) {
          throw new AssertionError("Runner " + process.pid() + " exited with "
              + process.exitValue() + " before printing " + prefix + "\n" + transcript());
        }
        Thread.sleep(25);
      }
      throw new AssertionError("Runner " + process.pid() + " printed no " + prefix + " within "
          + timeout + "\n" + transcript());
    }

    /** Lets a runner that printed READY start its upgrade. */
    void go() {
      try {
        OutputStream stdin = process.getOutputStream();
        stdin.write('\n');
        stdin.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Waits for the runner to exit and returns its status. */
    int exit(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("Runner " + process.pid() + " did not finish within " + timeout
            + "\n" + transcript());
      }
      return process.exitValue();
    }

    /** Kills the runner as an out-of-memory killer or a power cut would: no shutdown hooks. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
    }

    String transcript() {
      try {
        return "--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err);
      } catch (IOException e) {
        return "(no transcript: " + e + ")";
      }
    }

    private List<String> lines() {
      try {
        return Files.readAllLines(out, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Starts a runner.
   *
   * @param slow the chain position of the revision that sleeps until killed; 0 for none
   */
  static Runner start(String url, int revisions, int slow, Duration lease) throws IOException {
    Path folder = Files.createTempDirectory("retort-runner");
    Path out = folder.resolve("stdout.txt");
    Path err = folder.resolve("stderr.txt");
    Process process = new ProcessBuilder(ChildJvms.command(List.of(
        "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        // The application's logging configuration, as the command line's: jOOQ's banner and
        // tips are INFO lines of its own, which a library leaves to the application.
        "-Dorg.slf4j.simpleLogger.log.org.jooq=warn"),
        RunnerProcess.class,
        url, String.valueOf(revisions), String.valueOf(slow), String.valueOf(lease.toMillis())))
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    return new Runner(process, out, err);
  }
}

package dev.retort.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The figures a reliability test measured, one line each, appended to {@code
 * target/reliability/figures.md}: RELIABILITY.md quotes them, so they come from a real run
 * rather than from memory.
 */
final class Figures {

  private static final Path FILE = Path.of("target", "reliability", "figures.md");

  private Figures() {}

  static synchronized void record(String scenario, String figure) {
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, "- " + scenario + ": " + figure + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.retort.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a profiled run's time went, from a Java Flight Recording: each stack sample of the thread
 * that did the work (Java and native samples both, so time spent waiting on a socket counts) goes
 * to the first category whose rule matches a frame of its stack, and the shares are printed as a
 * Markdown table. Rules are tried in order, so a broad one ("any jOOQ frame") placed after a
 * narrow one ("inside a migration's upgrade") takes only what is left.
 */
public final class ProfileSummary {

  /** One line of the table: a name and the stacks it takes. */
  public record Category(String name, Predicate<List<String>> matches) {

    /** Stacks with a frame whose class name starts with one of the prefixes. */
    public static Category anyFrame(String name, String... classPrefixes) {
      return new Category(name, frames -> frames.stream().anyMatch(frame -> {
        for (String prefix : classPrefixes) {
          if (frame.startsWith(prefix)) {
            return true;
          }
        }
        return false;
      }));
    }
  }

  private final List<Category> categories;
  private final String thread;
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private int total;

  /**
   * @param thread the name of the thread to count (samples of JIT and GC threads are not
   *     stack samples, and other Java threads are idle here)
   */
  public ProfileSummary(String thread, List<Category> categories) {
    this.thread = thread;
    this.categories = categories;
    categories.forEach(category -> counts.put(category.name(), 0));
    counts.put("other", 0);
  }

  /** Adds a recording's samples. */
  public ProfileSummary add(Path recording) throws IOException {
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      String type = event.getEventType().getName();
      if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
        continue;
      }
      // A sample may come without its thread; it cannot be the one measured.
      RecordedThread sampled = event.getThread("sampledThread");
      if (sampled == null || !thread.equals(sampled.getJavaName())) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null) {
        continue;
      }
      List<String> frames = new ArrayList<>();
      for (RecordedFrame frame : stack.getFrames()) {
        frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
      }
      String category = "other";
      for (Category candidate : categories) {
        if (candidate.matches().test(frames)) {
          category = candidate.name();
          break;
        }
      }
      counts.merge(category, 1, Integer::sum);
      total++;
    }
    return this;
  }

  /** The table: each category's samples and share, in the rules' order. */
  public String asMarkdown() {
    StringBuilder table = new StringBuilder("| where | samples | share |\n|---|---|---|\n");
    counts.forEach((name, count) -> table.append(String.format(Locale.ROOT, "| %s | %,d | %.0f %% |%n",
        name, count, total == 0 ? 0.0 : 100.0 * count / total)));
    table.append(String.format(Locale.ROOT, "| all samples of thread %s | %,d | 100 %% |%n", thread,
        total));
    return table.toString();
  }

  /** The JVM option that records a child JVM's profile into {@code file}, sampling every ms. */
  public static String recordingOption(Path file) {
    return "-XX:StartFlightRecording:filename=" + file + ",settings=profile,"
        + "jdk.ExecutionSample#period=1ms,jdk.NativeMethodSample#period=1ms";
  }
}

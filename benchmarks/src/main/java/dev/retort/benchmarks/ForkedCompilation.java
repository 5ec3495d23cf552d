package dev.retort.benchmarks;

import dev.retort.processor.RevisionProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;

/**
 * One compilation in a JVM of its own, as a build compiles: cold, once. It gives the compilation's
 * time with everything a build pays (loading and compiling the processor's and javac's code
 * included), and the memory it needs: the peak resident memory and heap of the process.
 * {@link RegistryBenchmark} times its other compilations one after another in its own JVM, warm,
 * where what one compilation uses cannot be told from what the ones before left. The JVM runs the
 * serial collector, as the start-up harness's tools do, so that the heap's peaks depend on what
 * the compilation keeps and allocates, not on when a concurrent collector's threads got a core.
 */
final class ForkedCompilation {

  /** The processors the timed compilations compare, in the order their table shows them. */
  enum Variant {
    NO_PROCESSOR("javac, no processor"),
    DOES_NOTHING("a processor that does nothing"),
    WRITES_ONE_CLASS("a processor that writes one class"),
    WRITES_RETORTS_OUTPUT("a processor that writes Retort's output, read beforehand"),
    READS_THEN_WRITES_RETORTS_OUTPUT("a processor that reads the revisions and checksums their"
        + " sources, then writes Retort's output"),
    RETORT("Retort's processor");

    private final String description;

    Variant(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }

    /** A new processor of this kind, or {@code null} for none. */
    Processor newProcessor(Path retortOutput) throws IOException {
      return switch (this) {
        case NO_PROCESSOR -> null;
        case DOES_NOTHING -> new EmptyProcessor();
        case WRITES_ONE_CLASS -> GeneratingProcessor.create();
        case WRITES_RETORTS_OUTPUT ->
            new ReplayingProcessor(ReplayingProcessor.writtenInto(retortOutput));
        case READS_THEN_WRITES_RETORTS_OUTPUT ->
            new ReadingProcessor(ReplayingProcessor.writtenInto(retortOutput));
        case RETORT -> new RevisionProcessor();
      };
    }
  }

  /** One forked compilation's time, by the wall clock, and peaks. */
  record Figures(Variant variant, long millis, long peakResidentKilobytes,
      long peakHeapKilobytes) {}

  private ForkedCompilation() {}

  /**
   * Compiles the sources under {@code sources} into {@code output} in a new JVM.
   *
   * @param retortOutput a class output directory Retort's processor wrote into, which
   *     {@link Variant#WRITES_RETORTS_OUTPUT} and {@link Variant#READS_THEN_WRITES_RETORTS_OUTPUT}
   *     replay; unused by the others
   * @throws IllegalStateException if the compilation fails or reports no figures
   */
  static Figures measure(Variant variant, Path sources, Path output, Path retortOutput)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC",
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
        "-cp", System.getProperty("java.class.path"),
        ForkedCompilation.class.getName(),
        variant.name(), sources.toString(), output.toString(), retortOutput.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("The compilation " + variant + " in its own JVM failed: "
          + printed.strip());
    }
    return new Figures(variant, figure(printed, "millis="), figure(printed, "rss_kb="),
        figure(printed, "heap_kb="));
  }

  private static long figure(String printed, String prefix) {
    return printed.lines().filter(line -> line.startsWith(prefix))
        .mapToLong(line -> Long.parseLong(line.substring(prefix.length())))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The forked compilation printed no "
            + prefix + " line: " + printed.strip()));
  }

  /**
   * {@code <variant> <sources> <output> <Retort's output>}: compiles, then prints the time it
   * took and the peaks.
   */
  public static void main(String[] args) throws Exception {
    Variant variant = Variant.valueOf(args[0]);
    List<Path> files;
    try (Stream<Path> walked = Files.walk(Path.of(args[1]))) {
      files = walked.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    }
    long millis = Javac.compile(files, Path.of(args[2]), variant.newProcessor(Path.of(args[3])));
    System.out.println("millis=" + millis);
    System.out.println("rss_kb=" + ProcessMemory.peakResidentKilobytes());
    System.out.println("heap_kb=" + ProcessMemory.peakHeapKilobytes());
  }
}

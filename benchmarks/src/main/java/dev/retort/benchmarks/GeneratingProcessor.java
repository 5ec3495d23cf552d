package dev.retort.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.annotation.processing.Processor;

/**
 * A processor for {@code @Revision} that writes one empty class in its first round and does
 * nothing else: what javac charges any processor that generates code, measured apart from what
 * Retort's processor does itself. A generated source means one more processing round, which
 * re-enters every class of the compilation; writing it in the last round instead would save that
 * round, but javac then warns on every build that the file escapes annotation processing.
 */
final class GeneratingProcessor {

  /** The class it writes, in the workload's package. */
  static final String GENERATED = Workload.RETORT_PACKAGE + ".GeneratedByBenchmark";

  private GeneratingProcessor() {}

  /** A new processor, for one compilation. */
  static Processor create() {
    String source =
        "package " + Workload.RETORT_PACKAGE + ";\n\nfinal class GeneratedByBenchmark {}\n";
    return new ReplayingProcessor(List.of(new ReplayingProcessor.Output(GENERATED, true,
        source.getBytes(StandardCharsets.UTF_8))));
  }
}

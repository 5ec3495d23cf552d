package dev.retort.benchmarks;

import dev.retort.runtime.RevisionRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What a history of N revisions costs: compiling it with and without Retort's processor, loading
 * the generated registry at start-up (and how many migration classes that loads: it should be
 * none), and the heap the loaded registry retains.
 *
 * <p>Run with {@code ./mvnw -pl benchmarks exec:exec -Dbenchmark.revisions=10000}; the figures
 * are written down in BENCHMARKS.md.
 */
public final class RegistryBenchmark {

  private static final int REGISTRY_LOADS = 7;

  /** How often each kind of compilation runs in a JVM of its own. */
  private static final int FORKED_RUNS = 3;
  static final String COLD_ROUNDS_PROPERTY = "benchmark.cold.rounds";

  /** One run's figures. */
  public record Result(
      int revisions,
      long compileWithoutProcessorMillis,
      long compileWithProcessorMillis,
      long registryLoadMedianMicros,
      int migrationClassesLoadedAtStartUp,
      long registryRetainedBytes) {

    String asMarkdown() {
      return String.format(Locale.ROOT, """
          | figure | value |
          |---|---|
          | revisions | %,d |
          | javac, processor off (-proc:none) | %,d ms |
          | javac, processor on | %,d ms |
          | processor's share | %,d ms |
          | registry load at start-up (class init + table), median of %d fresh class loaders | %,d µs |
          | migration classes loaded by that start-up | %d |
          | heap retained by the loaded registry | %,d KB |
          """, revisions, compileWithoutProcessorMillis, compileWithProcessorMillis,
          compileWithProcessorMillis - compileWithoutProcessorMillis, REGISTRY_LOADS,
          registryLoadMedianMicros, migrationClassesLoadedAtStartUp, registryRetainedBytes / 1024);
    }
  }

  private RegistryBenchmark() {}

  /**
   * javac's time on one history, with and without the processor: medians of several runs.
   *
   * @param baselineMillis with the processor of {@code -Dbenchmark.baseline}, or -1 without one
   */
  public record CompileTimes(int revisions, int runs, long withoutMillis, long emptyProcessorMillis,
      long generatingProcessorMillis, long replayingProcessorMillis, long withMillis,
      long baselineMillis) {

    double ratioToEmptyProcessor() {
      return (double) withMillis / emptyProcessorMillis;
    }

    /** What any processor that generates code costs over one that does nothing. */
    double generatingToEmptyProcessor() {
      return (double) generatingProcessorMillis / emptyProcessorMillis;
    }

    /** What compiling Retort's output costs, without Retort's code, over doing nothing. */
    double replayingToEmptyProcessor() {
      return (double) replayingProcessorMillis / emptyProcessorMillis;
    }

    /** What Retort's processor costs over compiling its output without it: its own code. */
    double ratioToReplayingProcessor() {
      return (double) withMillis / replayingProcessorMillis;
    }

    double overheadPercent() {
      return 100.0 * (withMillis - withoutMillis) / withoutMillis;
    }

    long processorMicrosPerRevision() {
      return (withMillis - withoutMillis) * 1000 / revisions;
    }
  }

  /**
   * {@code RegistryBenchmark [revisions,...] [runs]}: compile times for each history size, warm
   * and then cold ({@value #FORKED_RUNS} rounds, or {@code -D}{@value #COLD_ROUNDS_PROPERTY}),
   * then the registry's start-up and heap at the largest.
   */
  public static void main(String[] args) throws Exception {
    List<Integer> sizes = args.length > 0
        ? Arrays.stream(args[0].split(",")).map(String::trim).map(Integer::valueOf).toList()
        : List.of(100, 1_000, 10_000);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int coldRounds = Integer.getInteger(COLD_ROUNDS_PROPERTY, FORKED_RUNS);
    if (coldRounds < 1) {
      throw new IllegalArgumentException("-D" + COLD_ROUNDS_PROPERTY + "=" + coldRounds
          + " measures nothing; give 1 or more rounds of cold compilations");
    }
    System.out.println("Java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; compilations timed by "
        + (Javac.CPU_CLOCK.equals(System.getProperty(Javac.CLOCK_PROPERTY))
            ? "the compiling thread's CPU time" : "the wall clock"));
    Path work = Files.createTempDirectory("retort-benchmark");
    Optional<BaselineProcessor> baseline = BaselineProcessor.fromProperty();
    System.out.println("| revisions | javac, no processor | javac, a processor that does"
        + " nothing | javac, a processor that writes one class | ÷ the processor that does"
        + " nothing | javac, a processor that writes Retort's output, read beforehand | ÷ the"
        + " processor that does nothing | javac, Retort's processor | ÷ the processor that does"
        + " nothing | ÷ the one that writes Retort's output | overhead | processor per revision |"
        + (baseline.isPresent() ? " javac, the baseline processor (" + baseline.get().description()
            + ") |" : ""));
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|"
        + (baseline.isPresent() ? "---|" : ""));
    for (int revisions : sizes) {
      CompileTimes times = compileTimes(revisions, runs, work.resolve("compile-" + revisions),
          baseline.orElse(null));
      System.out.println(String.format(Locale.ROOT,
          "| %,d | %,d ms | %,d ms | %,d ms | %.2f× | %,d ms | %.2f× | %,d ms | %.2f× | %.2f× |"
              + " %.0f %% | %,d µs |",
          revisions, times.withoutMillis(), times.emptyProcessorMillis(),
          times.generatingProcessorMillis(), times.generatingToEmptyProcessor(),
          times.replayingProcessorMillis(), times.replayingToEmptyProcessor(), times.withMillis(),
          times.ratioToEmptyProcessor(), times.ratioToReplayingProcessor(),
          times.overheadPercent(), times.processorMicrosPerRevision())
          + (baseline.isPresent() ? String.format(Locale.ROOT, " %,d ms |",
              times.baselineMillis()) : ""));
    }
    for (int revisions : sizes) {
      Optional<MachineSteal.Counters> before = MachineSteal.now();
      List<ColdFigures> figures =
          forkedCompilations(revisions, coldRounds, work.resolve("forked-" + revisions));
      System.out.println();
      System.out.println(coldTable(revisions, coldRounds, figures,
          MachineSteal.describe(before, MachineSteal.now())));
    }
    int largest = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
    System.out.println();
    System.out.println(run(largest, work.resolve("registry-" + largest)).asMarkdown());
    if (Boolean.getBoolean("benchmark.profile")) {
      System.out.println("Profiles of " + PROFILED_RUNS + " compilations of " + largest
          + " revisions each way (the compiling thread's stack samples, 1 ms apart):");
      System.out.println();
      System.out.println(profileCompilation(largest, work.resolve("profile-" + largest)));
    }
  }

  /**
   * Where a compilation with the processor spends its time, first match wins: the processor's
   * phases (reading the revisions, checking the graph, writing the registry), then javac's own
   * phases, by the package of its frames.
   */
  static final List<ProfileSummary.Category> COMPILE_CATEGORIES = List.of(
      ProfileSummary.Category.anyFrame("Retort: reading revisions (shape, annotation values,"
          + " source checksums; the reading floor's reading too)",
          "dev.retort.processor.RevisionReader.", "dev.retort.processor.checksum.",
          "dev.retort.processor.MarkerReader.", "dev.retort.benchmarks.ReadingProcessor."),
      ProfileSummary.Category.anyFrame("Retort: graph checks and topological order",
          "dev.retort.processor.graph."),
      ProfileSummary.Category.anyFrame("Retort: writing the registry and marker",
          "dev.retort.processor.writing."),
      ProfileSummary.Category.anyFrame("Retort: the rest of the processor", "dev.retort.processor."),
      ProfileSummary.Category.anyFrame("javac: parsing", "com.sun.tools.javac.parser."),
      ProfileSummary.Category.anyFrame("javac: processing rounds (finding annotated elements,"
          + " re-entering the classes for the next round)", "com.sun.tools.javac.processing."),
      ProfileSummary.Category.anyFrame("javac: entering symbols", "com.sun.tools.javac.comp.Enter.",
          "com.sun.tools.javac.comp.TypeEnter", "com.sun.tools.javac.comp.MemberEnter."),
      ProfileSummary.Category.anyFrame("javac: attribution and flow analysis",
          "com.sun.tools.javac.comp."),
      ProfileSummary.Category.anyFrame("javac: generating and writing class files",
          "com.sun.tools.javac.jvm."),
      ProfileSummary.Category.anyFrame("javac: the rest", "com.sun.tools.javac."));

  /** How many compilations of each kind one profile covers. */
  private static final int PROFILED_RUNS = 3;

  /**
   * Profiles of compiling with the processor that does nothing, with the one that writes Retort's
   * output (the floor of compiling that output), with the one that also reads the revisions and
   * checksums their sources (a lower bound of what any processor writing it must do), and with
   * Retort's, every one summarised by phase: where the floors' time goes, and what Retort adds.
   * After two warm-up compilations of each, one recording covers {@value #PROFILED_RUNS}
   * compilations of each kind, alternated, each on a thread named for its kind, so that each
   * profile is that thread's samples and none is taken while the recording starts.
   */
  static String profileCompilation(int revisions, Path work) throws Exception {
    List<Path> files = new Workload(revisions).writeRetortSources(work.resolve("src"));
    Javac.compile(files, work.resolve("warm-up"), true);
    Path retortOutput = work.resolve("warm-up");
    List<ForkedCompilation.Variant> kinds = List.of(ForkedCompilation.Variant.DOES_NOTHING,
        ForkedCompilation.Variant.WRITES_RETORTS_OUTPUT,
        ForkedCompilation.Variant.READS_THEN_WRITES_RETORTS_OUTPUT,
        ForkedCompilation.Variant.RETORT);
    for (int kind = 0; kind < kinds.size(); kind++) {
      for (int warmUp = 0; warmUp < 2; warmUp++) {
        Javac.compile(files, work.resolve("warm-up-" + kind + "-" + warmUp),
            kinds.get(kind).newProcessor(retortOutput));
      }
    }
    Path file = work.resolve("compile.jfr");
    try (jdk.jfr.Recording recording =
        new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
      recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1));
      recording.enable("jdk.NativeMethodSample").withPeriod(java.time.Duration.ofMillis(1));
      recording.start();
      for (int run = 0; run < PROFILED_RUNS; run++) {
        for (int kind = 0; kind < kinds.size(); kind++) {
          // Made here, so that reading Retort's output from disk is not the thread's sample.
          Processor processor = kinds.get(kind).newProcessor(retortOutput);
          Path output = work.resolve("profiled-" + kind + "-" + run);
          onThread("compile-" + kind, () -> Javac.compile(files, output, processor));
        }
      }
      recording.stop();
      recording.dump(file);
    }
    StringBuilder profiles = new StringBuilder();
    for (int kind = 0; kind < kinds.size(); kind++) {
      profiles.append("With ").append(kinds.get(kind).description()).append(":\n\n")
          .append(new ProfileSummary("compile-" + kind, COMPILE_CATEGORIES).add(file)
              .asMarkdown())
          .append('\n');
    }
    return profiles.toString();
  }

  /**
   * A compilation on a thread of its own, with the main thread's stack size; waits for it, and
   * throws what it threw, an error too, rather than profiling on without it.
   */
  private static void onThread(String name, Callable<Long> compilation) throws Exception {
    Throwable[] failure = new Throwable[1];
    Thread thread = new Thread(null, () -> {
      try {
        compilation.call();
      } catch (Throwable e) {
        failure[0] = e;
      }
    }, name, 8L << 20);
    thread.start();
    thread.join();
    if (failure[0] instanceof Exception exception) {
      throw exception;
    }
    if (failure[0] instanceof Error error) {
      throw error;
    }
  }

  /**
   * Compiles the workload's migrations without a processor, with one that does nothing, with one
   * that writes one class, with one that writes what Retort's wrote in the warm-up, and with
   * Retort's, alternating, after a warm-up compilation of each, and returns the medians.
   *
   * @param baseline another build of Retort's processor to compile with in the same alternation
   *     (the regression check of BENCHMARKS.md), or {@code null}
   */
  public static CompileTimes compileTimes(int revisions, int runs, Path work,
      BaselineProcessor baseline) throws Exception {
    List<Path> files = new Workload(revisions).writeRetortSources(work.resolve("src"));
    // One warm-up compilation of each variant, so none is measured while its code is first
    // compiled by the JIT.
    Javac.compile(files, work.resolve("warm-up-plain"), false);
    Javac.compile(files, work.resolve("warm-up-empty"), new EmptyProcessor());
    Javac.compile(files, work.resolve("warm-up-generating"), GeneratingProcessor.create());
    Javac.compile(files, work.resolve("warm-up"), true);
    List<ReplayingProcessor.Output> retortOutput =
        ReplayingProcessor.writtenInto(work.resolve("warm-up"));
    Javac.compile(files, work.resolve("warm-up-replaying"), new ReplayingProcessor(retortOutput));
    if (baseline != null) {
      Javac.compile(files, work.resolve("warm-up-baseline"), baseline.newProcessor());
    }
    long[] without = new long[runs];
    long[] empty = new long[runs];
    long[] generating = new long[runs];
    long[] replaying = new long[runs];
    long[] with = new long[runs];
    long[] old = new long[runs];
    for (int run = 0; run < runs; run++) {
      without[run] = Javac.compile(files, work.resolve("plain-" + run), false);
      empty[run] = Javac.compile(files, work.resolve("empty-" + run), new EmptyProcessor());
      generating[run] = Javac.compile(files, work.resolve("generating-" + run),
          GeneratingProcessor.create());
      replaying[run] = Javac.compile(files, work.resolve("replaying-" + run),
          new ReplayingProcessor(retortOutput));
      with[run] = Javac.compile(files, work.resolve("classes-" + run), true);
      if (baseline != null) {
        old[run] = Javac.compile(files, work.resolve("baseline-" + run), baseline.newProcessor());
      }
    }
    return new CompileTimes(revisions, runs, median(without), median(empty), median(generating),
        median(replaying), median(with), baseline == null ? -1 : median(old));
  }

  /**
   * The medians of one kind of cold compilation, and the median of its ratios to the processor
   * that does nothing compiled in the same round: a slow minute of the machine then lands on both
   * sides of a ratio, where the ratio of two medians may take them from different minutes.
   */
  record ColdFigures(ForkedCompilation.Figures medians, double runByRun, List<Long> roundsMillis) {

    ColdFigures {
      roundsMillis = List.copyOf(roundsMillis);
    }
  }

  /** The cold table of one history size, in Markdown, headed by its rounds and the steal. */
  static String coldTable(int revisions, int rounds, List<ColdFigures> figures, String steal) {
    long doesNothing =
        figures.get(ForkedCompilation.Variant.DOES_NOTHING.ordinal()).medians().millis();
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "%,d revisions: each kind of compilation %d times, each in a JVM of its own with the"
            + " serial collector, cold, as a build compiles, the kinds alternated round by round;"
            + " medians; %s\n\n", revisions, rounds, steal))
        .append("| compilation | time | ÷ the processor that does nothing | the same, run by run"
            + " | peak RSS | peak heap | each round, ms |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (ColdFigures each : figures) {
      ForkedCompilation.Figures medians = each.medians();
      table.append(String.format(Locale.ROOT, "| %s | %,d ms | %.2f× | %.2f× | %,d MB | %,d MB |"
              + " %s |\n", medians.variant().description(), medians.millis(),
          (double) medians.millis() / doesNothing, each.runByRun(),
          medians.peakResidentKilobytes() / 1024, medians.peakHeapKilobytes() / 1024,
          each.roundsMillis().stream().map(String::valueOf).collect(Collectors.joining(", "))));
    }
    return table.toString();
  }

  /**
   * The time, peak resident memory and heap of compiling the workload's migrations each way,
   * every compilation in a JVM of its own ({@link ForkedCompilation}), the kinds alternated; the
   * medians of {@code runs}. Retort's processor compiles first, since the processor that writes
   * Retort's output replays what it wrote.
   */
  public static List<ColdFigures> forkedCompilations(int revisions, int runs, Path work)
      throws Exception {
    Path sources = work.resolve("src");
    new Workload(revisions).writeRetortSources(sources);
    Path retortOutput = work.resolve("retort-output");
    ForkedCompilation.measure(ForkedCompilation.Variant.RETORT, sources, retortOutput,
        retortOutput);
    ForkedCompilation.Variant[] variants = ForkedCompilation.Variant.values();
    long[][] millis = new long[variants.length][runs];
    long[][] resident = new long[variants.length][runs];
    long[][] heap = new long[variants.length][runs];
    for (int run = 0; run < runs; run++) {
      for (ForkedCompilation.Variant variant : variants) {
        ForkedCompilation.Figures figures = ForkedCompilation.measure(variant, sources,
            work.resolve(variant.name() + "-" + run), retortOutput);
        millis[variant.ordinal()][run] = figures.millis();
        resident[variant.ordinal()][run] = figures.peakResidentKilobytes();
        heap[variant.ordinal()][run] = figures.peakHeapKilobytes();
      }
    }
    long[] doesNothing = millis[ForkedCompilation.Variant.DOES_NOTHING.ordinal()];
    List<ColdFigures> medians = new ArrayList<>();
    for (ForkedCompilation.Variant variant : variants) {
      int at = variant.ordinal();
      medians.add(new ColdFigures(new ForkedCompilation.Figures(variant, median(millis[at]),
          median(resident[at]), median(heap[at])), runByRun(millis[at], doesNothing),
          Arrays.stream(millis[at]).boxed().toList()));
    }
    return medians;
  }

  /**
   * The median of {@code times[i] ÷ floor[i]}, round by round, taken as {@link #median} takes it
   * (the upper middle of an even count).
   */
  static double runByRun(long[] times, long[] floor) {
    double[] ratios = new double[times.length];
    for (int run = 0; run < times.length; run++) {
      ratios[run] = (double) times[run] / floor[run];
    }
    Arrays.sort(ratios);
    return ratios[ratios.length / 2];
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  public static Result run(int revisions, Path workDirectory) throws Exception {
    Path sources = workDirectory.resolve("src");
    List<Path> files = new Workload(revisions).writeRetortSources(sources);
    // The first compilation warms javac up, so the comparison is not against a cold compiler.
    long without = Javac.compile(files, workDirectory.resolve("plain"), false);
    long with = Javac.compile(files, workDirectory.resolve("classes"), true);
    without = Math.min(without, Javac.compile(files, workDirectory.resolve("plain2"), false));

    long[] loads = new long[REGISTRY_LOADS];
    int loadedMigrations = 0;
    for (int i = 0; i < REGISTRY_LOADS; i++) {
      try (RecordingLoader loader = new RecordingLoader(workDirectory.resolve("classes"))) {
        long start = System.nanoTime();
        RevisionRegistry registry = loadRegistry(loader);
        registry.heads();
        loads[i] = (System.nanoTime() - start) / 1_000;
        loadedMigrations = loader.migrationClassesLoaded();
      }
    }
    Arrays.sort(loads);
    return new Result(revisions, without, with, loads[REGISTRY_LOADS / 2], loadedMigrations,
        retainedBytes(workDirectory.resolve("classes")));
  }

  private static RevisionRegistry loadRegistry(ClassLoader loader) throws Exception {
    return (RevisionRegistry) loader.loadClass(Workload.RETORT_PACKAGE + ".Revisions")
        .getField("REGISTRY").get(null);
  }

  /** Used heap with the registry loaded and reachable, minus used heap without it. */
  private static long retainedBytes(Path classes) throws Exception {
    long before = usedHeapAfterGc();
    try (RecordingLoader loader = new RecordingLoader(classes)) {
      RevisionRegistry registry = loadRegistry(loader);
      long after = usedHeapAfterGc();
      if (registry.revisions().isEmpty()) {
        throw new IllegalStateException("The registry lost its revisions");
      }
      return after - before;
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Loads the compiled chain itself (not through its parent) and counts the migrations loaded. */
  static final class RecordingLoader extends URLClassLoader {

    private int migrationClasses;

    RecordingLoader(Path classes) throws IOException {
      super(new URL[] {classes.toUri().toURL()}, RegistryBenchmark.class.getClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (name.startsWith(Workload.RETORT_PACKAGE + ".V")) {
        migrationClasses++;
      }
      return super.findClass(name);
    }

    int migrationClassesLoaded() {
      return migrationClasses;
    }
  }
}

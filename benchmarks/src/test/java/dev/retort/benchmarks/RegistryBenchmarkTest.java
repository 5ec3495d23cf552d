package dev.retort.benchmarks;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.annotations.Revision;
import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark itself works, on a history small enough for the test suite; no time is asserted. */
class RegistryBenchmarkTest {

  @TempDir Path work;

  @Test
  void theBenchmarkCompilesAChain_andItsStartUpLoadsNoMigrationClass() throws Exception {
    RegistryBenchmark.Result result = RegistryBenchmark.run(50, work);

    assertThat(result.revisions()).isEqualTo(50);
    assertThat(result.migrationClassesLoadedAtStartUp()).isEqualTo(0);
    assertThat(result.asMarkdown()).contains("| revisions | 50 |");
  }

  @Test
  void theCompileProfiles_ofTheFloorsAndRetort_attributeSamplesToThePhases() throws Exception {
    String profiles = RegistryBenchmark.profileCompilation(200, work);

    List<String> each = List.of(profiles.split("\n(?=With )"));
    assertThat(each).hasSize(4);
    assertThat(each.get(0)).startsWith("With a processor that does nothing:");
    assertThat(each.get(1)).startsWith("With a processor that writes Retort's output");
    assertThat(each.get(2)).startsWith("With a processor that reads the revisions");
    assertThat(each.get(3)).startsWith("With Retort's processor:");
    for (String profile : each) {
      for (ProfileSummary.Category category : RegistryBenchmark.COMPILE_CATEGORIES) {
        assertThat(profile).contains("| " + category.name() + " |");
      }
      assertThat(profile).containsMatch("all samples of thread compile-\\d \\| [1-9]");
    }
    assertThat(work.resolve("profiled-1-2/bench/retort/Revisions.class").toFile().isFile())
        .isTrue();
    assertThat(work.resolve("profiled-2-2/bench/retort/Revisions.class").toFile().isFile())
        .isTrue();
  }

  @Test
  void theRegressionCheck_compilesWithABaselineProcessorLoadedApart() throws Exception {
    BaselineProcessor baseline = BaselineProcessor.of(List.of(
        locationOf(RevisionProcessor.class), locationOf(Revision.class)));

    RegistryBenchmark.CompileTimes times =
        RegistryBenchmark.compileTimes(20, 1, work, baseline);

    assertThat(baseline.newProcessor().getClass().getClassLoader())
        .isNotSameInstanceAs(RevisionProcessor.class.getClassLoader());
    assertThat(times.baselineMillis()).isAtLeast(0);
    assertThat(work.resolve("baseline-0/bench/retort/Revisions.java").toFile().isFile()).isTrue();
    assertThat(times.generatingProcessorMillis()).isAtLeast(0);
    assertThat(work.resolve("generating-0/bench/retort/GeneratedByBenchmark.class").toFile()
        .isFile()).isTrue();
    assertThat(times.replayingProcessorMillis()).isAtLeast(0);
  }

  @Test
  void theForkedCompilations_giveTimeAndMemoryForEachKind_eachInAJvmOfItsOwn() throws Exception {
    List<RegistryBenchmark.ColdFigures> figures =
        RegistryBenchmark.forkedCompilations(20, 1, work);

    assertThat(figures.stream().map(each -> each.medians().variant()).toList())
        .containsExactlyElementsIn(ForkedCompilation.Variant.values()).inOrder();
    for (RegistryBenchmark.ColdFigures each : figures) {
      assertThat(each.medians().millis()).isGreaterThan(0);
      assertThat(each.medians().peakResidentKilobytes()).isGreaterThan(0);
      assertThat(each.medians().peakHeapKilobytes()).isGreaterThan(0);
      assertThat(each.runByRun()).isGreaterThan(0.0);
      assertThat(each.roundsMillis()).containsExactly(each.medians().millis());
    }
    assertThat(work.resolve("RETORT-0/bench/retort/Revisions.class").toFile().isFile()).isTrue();
    assertThat(work.resolve("WRITES_RETORTS_OUTPUT-0/bench/retort/Revisions.class").toFile()
        .isFile()).isTrue();
    assertThat(work.resolve("READS_THEN_WRITES_RETORTS_OUTPUT-0/bench/retort/Revisions.class")
        .toFile().isFile()).isTrue();
    assertThat(work.resolve("NO_PROCESSOR-0/bench/retort/Revisions.class").toFile().exists())
        .isFalse();
    IllegalStateException failed = assertThrows(IllegalStateException.class,
        () -> ForkedCompilation.measure(ForkedCompilation.Variant.RETORT, work.resolve("missing"),
            work.resolve("nowhere"), work.resolve("nowhere")));
    assertThat(failed).hasMessageThat().contains("in its own JVM failed");
  }

  @Test
  void theRunByRunRatio_isTheMedianOfEachRoundsRatio_notTheRatioOfTheMedians() {
    long[] retort = {1_200, 2_000, 1_500};
    long[] doesNothing = {1_000, 2_000, 1_000};

    // The medians give 1,500 ÷ 1,000 = 1.50; the rounds give 1.20, 1.00 and 1.50.
    assertThat(RegistryBenchmark.runByRun(retort, doesNothing)).isEqualTo(1.2);
    assertThat(RegistryBenchmark.runByRun(new long[] {300, 100}, new long[] {100, 100}))
        .isEqualTo(3.0);
  }

  @Test
  void theColdTable_givesEachKindItsMedianRatio_andItsRatioRunByRun_underTheSteal() {
    List<RegistryBenchmark.ColdFigures> figures = new ArrayList<>();
    for (ForkedCompilation.Variant variant : ForkedCompilation.Variant.values()) {
      figures.add(new RegistryBenchmark.ColdFigures(new ForkedCompilation.Figures(variant,
          1_000 + 100L * variant.ordinal(), 2_048 * 100, 1_024 * 50), 1.0 + variant.ordinal(),
          List.of(900L, 1_000 + 100L * variant.ordinal())));
    }

    String table = RegistryBenchmark.coldTable(1_000, 7, figures, "0.3 % stolen");

    assertThat(table).startsWith("1,000 revisions: each kind of compilation 7 times,");
    assertThat(table).contains("medians; 0.3 % stolen\n");
    // Its median is 1,500 ms against 1,100 ms, its median round 6.00.
    assertThat(table)
        .contains("| Retort's processor | 1,500 ms | 1.36× | 6.00× | 200 MB | 50 MB"
            + " | 900, 1500 |");
  }

  @Test
  void theReplayingProcessor_writesWhatRetortsWrote_soTheSameClassesAndServiceFileResult()
      throws Exception {
    List<Path> files = new Workload(30).writeRetortSources(work.resolve("src"));
    Javac.compile(files, work.resolve("retort"), true);
    List<ReplayingProcessor.Output> outputs =
        ReplayingProcessor.writtenInto(work.resolve("retort"));

    Javac.compile(files, work.resolve("replayed"), new ReplayingProcessor(outputs));

    assertThat(filesUnder(work.resolve("replayed"))).isEqualTo(filesUnder(work.resolve("retort")));
    assertThat(outputs.stream().filter(ReplayingProcessor.Output::source)
        .map(ReplayingProcessor.Output::name).toList()).contains("bench.retort.Revisions");
    assertThat(outputs.stream().filter(output -> !output.source())
        .map(ReplayingProcessor.Output::name).toList())
        .contains("META-INF/services/dev.retort.runtime.RevisionRegistry");
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> ReplayingProcessor.writtenInto(work.resolve("src")));
    assertThat(none).hasMessageThat().contains("compile there with Retort's processor first");
  }

  @Test
  void theReadingFloor_readsWhatRetortsRegistryRecords_thenWritesWhatRetortWrote()
      throws Exception {
    List<Path> files = new ArrayList<>(new Workload(30).writeRetortSources(work.resolve("src")));
    Path last = work.resolve("src/bench/retort/Last.java");
    Files.writeString(last, """
        package bench.retort;

        import dev.retort.annotations.Irreversible;
        import dev.retort.annotations.Revision;
        import dev.retort.runtime.Migration;
        import org.jooq.DSLContext;

        /** Not transactional, labelled, irreversible: every value the floor reads. */
        @Irreversible("the rows are gone")
        @Revision(id = "last", revises = "%s", dependsOn = "%s", branchLabels = {"main", "x"},
            transactional = false, message = "Drop t1")
        public final class Last implements Migration {
          @Override
          public void upgrade(DSLContext db) {
            db.dropTable("t1").execute();
          }
        }
        """.formatted(Workload.id(30), Workload.id(2)));
    files.add(last);
    Path qualified = work.resolve("src/bench/retort/Qualified.java");
    Files.writeString(qualified, """
        package bench.retort;

        import dev.retort.runtime.Migration;
        import org.jooq.DSLContext;

        // Its annotation named in full, its message left out.
        @dev.retort.annotations.Revision(id = "qualified", revises = "last")
        public final class Qualified implements Migration {
          @Override
          public void upgrade(DSLContext db) {}

          @Override
          public void downgrade(DSLContext db) {}
        }
        """);
    files.add(qualified);
    Javac.compile(files, work.resolve("retort"), true);
    ReadingProcessor reading =
        new ReadingProcessor(ReplayingProcessor.writtenInto(work.resolve("retort")));

    Javac.compile(files, work.resolve("read"), reading);

    assertThat(filesUnder(work.resolve("read"))).isEqualTo(filesUnder(work.resolve("retort")));
    Map<String, ReadingProcessor.Read> reads = new HashMap<>();
    reading.reads().forEach(read -> reads.put(read.id(), read));
    try (RegistryBenchmark.RecordingLoader loader =
        new RegistryBenchmark.RecordingLoader(work.resolve("retort"))) {
      RevisionRegistry registry = (RevisionRegistry) loader
          .loadClass(Workload.RETORT_PACKAGE + ".Revisions").getField("REGISTRY").get(null);
      assertThat(reading.reads().stream().map(ReadingProcessor.Read::id).toList())
          .containsExactlyElementsIn(
              registry.revisions().stream().map(RevisionInfo::id).toList());
      for (RevisionInfo revision : registry.revisions()) {
        ReadingProcessor.Read read = reads.get(revision.id());
        assertThat(read.checksum()).isEqualTo(revision.checksum());
        assertThat(read.revises()).containsExactlyElementsIn(revision.revises()).inOrder();
        assertThat(read.dependsOn()).containsExactlyElementsIn(revision.dependsOn()).inOrder();
        assertThat(read.branchLabels())
            .containsExactlyElementsIn(revision.branchLabels()).inOrder();
        assertThat(read.message()).isEqualTo(revision.message());
        assertThat(read.className()).isEqualTo(revision.className());
        assertThat(read.transactional()).isEqualTo(revision.transactional());
        assertThat(Optional.ofNullable(read.irreversible()))
            .isEqualTo(revision.irreversibleReason());
      }
      assertThat(reads.get("last").transactional()).isFalse();
      assertThat(reads.get("last").irreversible()).isEqualTo("the rows are gone");
      assertThat(reads.get("qualified").message()).isEmpty();
    }
  }

  /** Every file's path under a directory, with its size: the same compilation, the same files. */
  private static List<String> filesUnder(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .map(file -> root.relativize(file) + " " + file.toFile().length()).sorted().toList();
    }
  }

  private static Path locationOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}

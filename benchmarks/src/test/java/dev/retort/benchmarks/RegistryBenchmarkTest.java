package dev.retort.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import com.palantir.javapoet.ClassName;
import dev.retort.annotations.Revision;
import dev.retort.processor.RevisionProcessor;
import java.nio.file.Path;
import java.util.List;
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
  void theCompileProfile_attributesSamplesToThePhases() throws Exception {
    String profile = RegistryBenchmark.profileCompilation(200, work);

    for (ProfileSummary.Category category : RegistryBenchmark.COMPILE_CATEGORIES) {
      assertThat(profile).contains("| " + category.name() + " |");
    }
    assertThat(profile).doesNotContainMatch("all samples of thread \\S+ \\| 0 \\|");
  }

  @Test
  void theRegressionCheck_compilesWithABaselineProcessorLoadedApart() throws Exception {
    BaselineProcessor baseline = BaselineProcessor.of(List.of(
        locationOf(RevisionProcessor.class), locationOf(Revision.class),
        locationOf(ClassName.class)));

    RegistryBenchmark.CompileTimes times =
        RegistryBenchmark.compileTimes(20, 1, work, baseline);

    assertThat(baseline.newProcessor().getClass().getClassLoader())
        .isNotSameInstanceAs(RevisionProcessor.class.getClassLoader());
    assertThat(times.baselineMillis()).isAtLeast(0);
    assertThat(work.resolve("baseline-0/bench/retort/Revisions.java").toFile().isFile()).isTrue();
    assertThat(times.generatingProcessorMillis()).isAtLeast(0);
    assertThat(work.resolve("generating-0/bench/retort/GeneratedByBenchmark.class").toFile()
        .isFile()).isTrue();
  }

  private static Path locationOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}

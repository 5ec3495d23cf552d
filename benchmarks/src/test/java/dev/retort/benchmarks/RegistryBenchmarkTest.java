package dev.retort.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
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
}

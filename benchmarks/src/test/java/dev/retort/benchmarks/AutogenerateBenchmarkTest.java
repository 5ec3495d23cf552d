package dev.retort.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The autogenerate benchmark works, on a history small enough for the suite; no time asserted. */
class AutogenerateBenchmarkTest {

  @TempDir Path work;

  @Test
  void theBenchmarkFindsTheOneColumnTheSchemaFileAdds() throws Exception {
    AutogenerateBenchmark.Result result = AutogenerateBenchmark.run(30, 2, work);

    assertThat(result.detected()).containsExactly("Detected added column 't1.phone'");
    assertThat(result.asMarkdown()).contains("| revisions | 30 |");
  }
}

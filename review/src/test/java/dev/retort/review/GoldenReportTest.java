package dev.retort.review;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.review.corpus.Revisions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/**
 * The review of a branch of two revisions (the corpus's {@code coupons} branch) against golden
 * files: what a reviewer pastes into a pull request, and what a terminal shows. To accept a
 * deliberate change, run with {@code -Dretort.golden.write=true} and review the diff of the files.
 */
class GoldenReportTest {

  private static final ReviewReport BRANCH = Review.of(Revisions.REGISTRY, SQLDialect.POSTGRES)
      .revisions(List.of(Revisions.GOLDEN_BRANCH_ADD_COUPON_CODES,
          Revisions.GOLDEN_BRANCH_DROP_ORDER_NOTES));

  @Test
  void aBranchOfTwoRevisions_inMarkdown_isTheGoldenFile() throws IOException {
    assertGolden("golden/review.md", BRANCH.render(ReportFormat.MARKDOWN));
  }

  @Test
  void aBranchOfTwoRevisions_asText_isTheGoldenFile() throws IOException {
    assertGolden("golden/review.txt", BRANCH.render(ReportFormat.TEXT));
  }

  private static void assertGolden(String resource, String actual) throws IOException {
    if (Boolean.getBoolean("retort.golden.write")) {
      Files.writeString(Path.of("src/test/resources").resolve(resource), actual);
    }
    try (InputStream golden = GoldenReportTest.class.getClassLoader()
        .getResourceAsStream(resource)) {
      assertThat(golden).isNotNull();
      assertThat(actual).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}

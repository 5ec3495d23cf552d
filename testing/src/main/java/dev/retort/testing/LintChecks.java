package dev.retort.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.review.ReportFormat;
import dev.retort.review.Review;
import dev.retort.review.ReviewReport;
import dev.retort.review.RevisionReview;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionRegistry;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The linter as one test per revision: failed with the findings (each with why and the fix),
 * passed, or skipped with what could not be checked.
 */
final class LintChecks {

  private LintChecks() {}

  static Stream<DynamicTest> lint(RevisionRegistry registry, SQLDialect dialect,
      RetortSettings settings, Optional<String> since) {
    Review review = Review.of(registry, dialect).withSettings(settings);
    if (since.isPresent()) {
      review = review.since(since.get());
    }
    ReviewReport report = review.all();
    if (report.revisions().isEmpty()) {
      return Stream.of(DynamicTest.dynamicTest("no revision after lint_since", () ->
          Assumptions.abort("every revision is at or before lint_since " + since.orElse(""))));
    }
    return report.revisions().stream().map(revision -> DynamicTest.dynamicTest(
        Names.of(revision.revision()) + " on " + dialect.name(), () -> check(dialect, revision)));
  }

  private static void check(SQLDialect dialect, RevisionReview revision) {
    if (!revision.findings().isEmpty()) {
      fail("\n" + new ReviewReport(dialect, List.of(revision)).render(ReportFormat.LINT));
    }
    if (!revision.notes().isEmpty()) {
      Assumptions.abort("not fully checked: " + String.join(" ", revision.notes()));
    }
  }

  /** {@code lint_since} from the command line's configuration file, when it sets it. */
  static Optional<String> lintSinceIn(Path configuration) {
    if (!Files.isRegularFile(configuration)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(configuration)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + configuration + ": " + e.getMessage(), e);
    }
    return Optional.ofNullable(properties.getProperty("lint_since")).map(String::trim)
        .filter(value -> !value.isEmpty());
  }
}

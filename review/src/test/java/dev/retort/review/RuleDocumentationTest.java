package dev.retort.review;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.annotations.LintRule;
import dev.retort.review.lint.Dialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The operations guide lists every rule, with a section of its own and a row in the table of
 * where it applies, and that row says what {@link Dialects} says.
 */
class RuleDocumentationTest {

  private static final Path GUIDE = Path.of("../docs/operations/migration-review.md");

  @Test
  void everyRule_hasASectionAndARowThatMatchesWhereItApplies() throws IOException {
    String guide = Files.readString(GUIDE);
    for (LintRule rule : LintRule.values()) {
      assertWithMessage("the guide's section for %s", rule.ruleName())
          .that(guide).contains("\n### `" + rule.ruleName() + "`\n");
      String row = "| `" + rule.ruleName() + "` | "
          + mark(Dialects.POSTGRES, rule) + " | " + mark(Dialects.MYSQL, rule) + " | "
          + mark(Dialects.OTHER, rule) + " |";
      assertWithMessage("the guide's row for %s", rule.ruleName()).that(guide).contains(row);
    }
  }

  private static String mark(Dialects dialect, LintRule rule) {
    return dialect.rules().contains(rule) ? "yes" : "";
  }
}

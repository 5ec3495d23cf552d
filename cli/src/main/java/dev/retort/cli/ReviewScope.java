package dev.retort.cli;

import dev.retort.review.Review;
import dev.retort.review.ReviewReport;
import dev.retort.review.messages.Messages;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.SQLDialect;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * What {@code review} and {@code lint} look at: the revisions of a RANGE, as {@code sql} reads one
 * ({@code [from:]to}, what an upgrade from {@code from} to {@code to} applies), or those the
 * configured database has not applied; in the dialect given, or the database's; after {@code
 * lint_since}.
 */
final class ReviewScope {

  private ReviewScope() {}

  /**
   * The report.
   *
   * @param range {@code [from:]to}, or null for what the database has not applied
   * @param dialect the dialect, or null for the configured database's
   */
  static ReviewReport report(String command, DatabaseOptions database, String range,
      SQLDialect dialect) {
    Config config = database.config();
    boolean hasDatabase = config.url() != null && !config.url().isBlank();
    SQLDialect target = dialect != null ? dialect
        : hasDatabase ? JDBCUtils.dialect(config.url()) : SQLDialect.DEFAULT;
    if (target == SQLDialect.DEFAULT) {
      throw new IllegalArgumentException(Messages.dialectNeeded(command));
    }
    if (range == null && !hasDatabase) {
      throw new IllegalArgumentException(Messages.rangeNeededWithoutDatabase(command));
    }
    // Without a database, the registry is all a RANGE needs; history(":x") never connects.
    Retort retort = hasDatabase ? database.retort() : database.retort("jdbc:offline:");
    Review review = Review.of(retort.registry(), target).withSettings(retort.settings());
    if (config.lintSince() != null) {
      try {
        review = review.since(config.lintSince());
      } catch (IllegalArgumentException unknown) {
        throw new IllegalArgumentException(Messages.invalidLintSince(unknown.getMessage(),
            config.file().toString()), unknown);
      }
    }
    return review.revisions(range == null ? retort.check().pending() : inRange(retort, range));
  }

  /** What an upgrade from {@code from} to {@code to} applies: the ancestors of one, not the other. */
  private static List<RevisionInfo> inRange(Retort retort, String range) {
    int colon = range.indexOf(':');
    String from = colon < 0 ? "" : range.substring(0, colon);
    String to = colon < 0 ? range : range.substring(colon + 1);
    Set<String> applied = from.isEmpty() || from.equals("base") ? Set.of()
        : retort.history(":" + from).stream().map(RevisionInfo::id).collect(Collectors.toSet());
    return retort.history(":" + (to.isEmpty() ? "heads" : to)).stream()
        .filter(revision -> !applied.contains(revision.id())).toList();
  }
}

package dev.retort.review;

import java.util.List;
import org.jooq.SQLDialect;

/**
 * The review of some revisions in one dialect, oldest first: what {@code retort review} prints
 * and {@code retort lint} judges.
 */
public record ReviewReport(SQLDialect dialect, List<RevisionReview> revisions) {

  public ReviewReport {
    revisions = List.copyOf(revisions);
  }

  /** Every finding that is not excused, revision by revision. */
  public List<Finding> findings() {
    return revisions.stream().flatMap(review -> review.findings().stream()).toList();
  }

  /** Every excused finding. */
  public List<Excused> excused() {
    return revisions.stream().flatMap(review -> review.excused().stream()).toList();
  }

  /** Every note: what could not be checked, and excuses that excuse nothing. */
  public List<String> notes() {
    return revisions.stream().flatMap(review -> review.notes().stream()).toList();
  }

  /** Whether no rule is broken without an excuse. */
  public boolean passes() {
    return findings().isEmpty();
  }

  /** The report as a terminal shows it, or as Markdown for a pull request. */
  public String render(ReportFormat format) {
    return format.render(this);
  }
}

package dev.retort.review;

import dev.retort.review.messages.Messages;

/**
 * A {@link ReviewReport} as a linter prints it: each finding on a line of its own (rule, revision,
 * statement, what), then its SQL, reason and fix; each note; and a summary line. The SQL and
 * schema changes of clean revisions are left to {@code review}.
 */
final class LintReport {

  private final StringBuilder out = new StringBuilder();

  LintReport(ReviewReport report) {
    for (RevisionReview review : report.revisions()) {
      String where = review.revision().id() + " (" + Headers.simpleName(review.revision()) + ")";
      for (Finding finding : review.findings()) {
        // One line, for grep: the rule, where, and what.
        out.append(finding.ruleName()).append(": ").append(where).append(", statement ")
            .append(finding.statement()).append(": ").append(finding.detail()).append('\n');
        out.append("  ").append(finding.sql()).append('\n');
        Prose.wrap(out, "  ", "    ", Messages.WHY + ": " + finding.reason());
        Prose.wrap(out, "  ", "    ", Messages.FIX + ": " + finding.fix());
        out.append('\n');
      }
      for (String note : review.notes()) {
        Prose.wrap(out, "", "    ", Messages.NOTE + ": " + where + ": " + note);
        out.append('\n');
      }
    }
    out.append(Messages.lintSummary(report.revisions().size(), report.dialect().name(),
        report.findings().size(), report.excused().size(), report.notes().size())).append('\n');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}

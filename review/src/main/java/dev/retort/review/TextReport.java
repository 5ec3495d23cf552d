package dev.retort.review;

import dev.retort.review.messages.Messages;
import java.util.function.UnaryOperator;

/** A {@link ReviewReport} for a terminal. */
final class TextReport {

  private final StringBuilder out = new StringBuilder();

  TextReport(ReviewReport report) {
    out.append(Messages.reportTitle(report.revisions().size(), report.dialect().name()))
        .append('\n');
    if (report.revisions().isEmpty()) {
      out.append(Messages.nothingToReview()).append('\n');
      return;
    }
    out.append(Messages.summary(report.findings().size(), report.excused().size(),
        report.notes().size())).append('\n');
    for (RevisionReview review : report.revisions()) {
      revision(review);
    }
  }

  private void revision(RevisionReview review) {
    out.append('\n').append(review.revision().id())
        .append(review.revision().message().isEmpty() ? "" : "  " + review.revision().message())
        .append('\n');
    out.append("  ").append(String.join(" · ", Headers.facts(review.revision(),
        UnaryOperator.identity()))).append('\n');
    out.append("  ").append(Messages.SQL).append(":\n");
    if (review.sql().isEmpty()) {
      out.append("    ").append(Messages.NO_STATEMENTS).append('\n');
    }
    review.sql().forEach(sql -> out.append("    ").append(sql).append(";\n"));
    out.append("  ").append(Messages.SCHEMA_CHANGE).append(":\n");
    if (review.schemaChange().isEmpty()) {
      out.append("    ").append(Messages.NO_SCHEMA_CHANGE).append('\n');
    }
    review.schemaChange().forEach(line -> out.append("    ").append(line).append('\n'));
    out.append("  ").append(Messages.FINDINGS).append(":");
    if (review.findings().isEmpty()) {
      out.append(' ').append(Messages.NO_FINDINGS);
    }
    out.append('\n');
    for (Finding finding : review.findings()) {
      finding(finding);
    }
    if (!review.excused().isEmpty()) {
      out.append("  ").append(Messages.EXCUSED).append(":\n");
      for (Excused excused : review.excused()) {
        wrap("    ", "      ", excused.finding().ruleName() + " (statement "
            + excused.finding().statement() + "): " + excused.finding().detail() + "; "
            + Messages.excusedBecause(excused.reason()));
      }
    }
    if (!review.notes().isEmpty()) {
      out.append("  ").append(Messages.NOTES).append(":\n");
      review.notes().forEach(note -> wrap("    ", "      ", note));
    }
  }

  private void finding(Finding finding) {
    wrap("    ", "      ", finding.ruleName() + " (statement " + finding.statement() + "): "
        + finding.detail());
    wrap("      ", "        ", Messages.WHY + ": " + finding.reason());
    wrap("      ", "        ", Messages.FIX + ": " + finding.fix());
  }

  private void wrap(String first, String rest, String text) {
    Prose.wrap(out, first, rest, text);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}

package dev.retort.review;

/** How a {@link ReviewReport} is written out. */
public enum ReportFormat {

  /** Plain text for a terminal: indented sections, prose wrapped at 100 columns. */
  TEXT {
    @Override
    String render(ReviewReport report) {
      return new TextReport(report).toString();
    }
  },

  /**
   * GitHub-flavoured Markdown, ready to paste into a pull request: a section per revision, with
   * its SQL in a collapsible block, its schema change as a diff, and its findings.
   */
  MARKDOWN {
    @Override
    String render(ReviewReport report) {
      return new MarkdownReport(report).toString();
    }
  };

  abstract String render(ReviewReport report);
}

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
   * What a linter prints: each finding (rule, revision, statement, SQL, why, fix) and each note,
   * then a summary; the form {@code retort lint} prints and a build can log.
   */
  LINT {
    @Override
    String render(ReviewReport report) {
      return new LintReport(report).toString();
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

package dev.retort.review;

import dev.retort.review.messages.Messages;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ReviewReport} in GitHub-flavoured Markdown. Whatever comes from a migration (SQL,
 * names, messages, reasons) is escaped or fenced, so that it reads as written and cannot turn
 * into markup.
 */
final class MarkdownReport {

  private static final Pattern BACKTICKS = Pattern.compile("`+");

  private final StringBuilder out = new StringBuilder();

  MarkdownReport(ReviewReport report) {
    out.append("## ").append(text(Messages.reportTitle(report.revisions().size(),
        report.dialect().name()))).append("\n\n");
    if (report.revisions().isEmpty()) {
      out.append(text(Messages.nothingToReview())).append('\n');
      return;
    }
    out.append(text(Messages.summary(report.findings().size(), report.excused().size(),
        report.notes().size()))).append("\n\n");
    for (RevisionReview review : report.revisions()) {
      revision(review);
    }
  }

  private void revision(RevisionReview review) {
    out.append("### ").append(code(review.revision().id()))
        .append(review.revision().message().isEmpty() ? ""
            : " " + text(review.revision().message()))
        .append("\n\n");
    out.append(String.join(" · ", Headers.facts(review.revision(), MarkdownReport::code)))
        .append("\n\n");
    if (review.sql().isEmpty()) {
      out.append("**").append(Messages.SQL).append("**: ").append(Messages.NO_STATEMENTS)
          .append("\n\n");
    } else {
      out.append("<details>\n<summary>").append(Messages.SQL).append(": ")
          .append(review.sql().size()).append(" statement")
          .append(review.sql().size() == 1 ? "" : "s").append("</summary>\n\n");
      fenced("sql", review.sql().stream().map(sql -> sql + ";").toList());
      out.append("</details>\n\n");
    }
    out.append("**").append(Messages.SCHEMA_CHANGE).append("**");
    if (review.schemaChange().isEmpty()) {
      out.append(": ").append(Messages.NO_SCHEMA_CHANGE).append("\n\n");
    } else {
      out.append("\n\n");
      fenced("diff", review.schemaChange());
    }
    out.append("**").append(Messages.FINDINGS).append("**");
    if (review.findings().isEmpty()) {
      out.append(": ").append(Messages.NO_FINDINGS).append("\n\n");
    } else {
      out.append("\n\n");
      for (Finding finding : review.findings()) {
        out.append("- ").append(code(finding.ruleName())).append(" (statement ")
            .append(finding.statement()).append("): ").append(text(finding.detail()))
            .append("  \n  ").append(Messages.WHY).append(": ").append(text(finding.reason()))
            .append("  \n  ").append(Messages.FIX).append(": ").append(text(finding.fix()))
            .append('\n');
      }
      out.append('\n');
    }
    if (!review.excused().isEmpty()) {
      out.append("**").append(Messages.EXCUSED).append("**\n\n");
      for (Excused excused : review.excused()) {
        out.append("- ").append(code(excused.finding().ruleName())).append(" (statement ")
            .append(excused.finding().statement()).append("): ")
            .append(text(excused.finding().detail())).append("; ")
            .append(text(Messages.excusedBecause(excused.reason()))).append('\n');
      }
      out.append('\n');
    }
    if (!review.notes().isEmpty()) {
      out.append("**").append(Messages.NOTES).append("**\n\n");
      review.notes().forEach(note -> out.append("- ").append(text(note)).append('\n'));
      out.append('\n');
    }
  }

  /** Lines in a code block whose fence is longer than any run of backticks inside it. */
  private void fenced(String language, List<String> lines) {
    int longest = 2;
    for (String line : lines) {
      Matcher run = BACKTICKS.matcher(line);
      while (run.find()) {
        longest = Math.max(longest, run.group().length());
      }
    }
    String fence = "`".repeat(longest + 1);
    out.append(fence).append(language).append('\n');
    lines.forEach(line -> out.append(line).append('\n'));
    out.append(fence).append("\n\n");
  }

  /** Inline code, delimited so that backticks inside it stay literal. */
  static String code(String value) {
    int longest = 0;
    Matcher run = BACKTICKS.matcher(value);
    while (run.find()) {
      longest = Math.max(longest, run.group().length());
    }
    String delimiter = "`".repeat(longest + 1);
    String pad = value.startsWith("`") || value.endsWith("`") ? " " : "";
    return delimiter + pad + value.replace('\n', ' ') + pad + delimiter;
  }

  /**
   * Prose with Markdown's and HTML's special characters escaped, on one line; an underscore is
   * escaped only where it could start or end emphasis, so {@code user_id} stays readable.
   */
  static String text(String value) {
    StringBuilder escaped = new StringBuilder();
    String line = value.replaceAll("\\s*\\R\\s*", " ");
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '\\', '`', '*', '[', ']', '|', '#', '~' -> escaped.append('\\').append(c);
        case '_' -> {
          boolean inWord = i > 0 && Character.isLetterOrDigit(line.charAt(i - 1))
              && i + 1 < line.length() && Character.isLetterOrDigit(line.charAt(i + 1));
          escaped.append(inWord ? "_" : "\\_");
        }
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  @Override
  public String toString() {
    return out.toString().stripTrailing() + "\n";
  }
}

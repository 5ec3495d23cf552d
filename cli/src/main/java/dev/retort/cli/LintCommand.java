package dev.retort.cli;

import dev.retort.review.ReportFormat;
import dev.retort.review.ReviewReport;
import java.util.concurrent.Callable;
import org.jooq.SQLDialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {
        "Check revisions for schema changes that lock busy tables, lose data or break code.",
        "The code is what still runs during a deploy; each revision is judged in the dialect",
        "against the schema before it. Exits 1 when a rule is broken without an @Allow excusing",
        "it."})
final class LintCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Parameters(index = "0", arity = "0..1", paramLabel = "RANGE",
      description = {"[from:]to, as sql takes it, e.g. abc123:heads. Default: what the",
          "configured database has not applied."})
  String range;

  @Option(names = "--dialect", paramLabel = "DIALECT",
      description = "jOOQ dialect, e.g. POSTGRES, MARIADB, H2 (default: from the URL).")
  SQLDialect dialect;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ReviewReport report = ReviewScope.report("lint", database, range, dialect);
    spec.commandLine().getOut().print(report.render(ReportFormat.LINT));
    return report.passes() ? 0 : 1;
  }
}

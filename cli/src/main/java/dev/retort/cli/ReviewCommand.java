package dev.retort.cli;

import dev.retort.review.ReportFormat;
import org.jooq.SQLDialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "review", mixinStandardHelpOptions = true,
    description = {"Show what each revision will do, for the reviewer of a pull request.",
        "Its SQL in the dialect, the schema change it makes, and what the linter finds. Needs no",
        "database when given a RANGE. Exits 0 whatever it finds; lint is the check."})
final class ReviewCommand implements Runnable {

  /** The formats, as typed on the command line. */
  enum Format { text, markdown }

  @Mixin DatabaseOptions database;

  @Parameters(index = "0", arity = "0..1", paramLabel = "RANGE",
      description = {"[from:]to, as sql takes it: what an upgrade from 'from' (default base) to",
          "'to' applies, e.g. abc123:heads. Default: what the configured database has not",
          "applied."})
  String range;

  @Option(names = "--dialect", paramLabel = "DIALECT",
      description = "jOOQ dialect, e.g. POSTGRES, MARIADB, H2 (default: from the URL).")
  SQLDialect dialect;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (for a terminal) or markdown (for a pull request).")
  Format format;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().getOut().print(ReviewScope.report("review", database, range, dialect)
        .render(format == Format.markdown ? ReportFormat.MARKDOWN : ReportFormat.TEXT));
  }
}

package dev.retort.cli;

import org.jooq.SQLDialect;
import org.jooq.tools.jdbc.JDBCUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Print the SQL an upgrade or downgrade would run, without connecting.",
        "For review: RANGE is [from:]to, from defaulting to base; a from above to is a",
        "downgrade."})
final class SqlCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Parameters(index = "0", paramLabel = "RANGE", defaultValue = "head")
  String range;

  @Option(names = "--dialect", paramLabel = "DIALECT",
      description = "jOOQ dialect, e.g. POSTGRES, H2, MARIADB, SQLITE (default: from the URL).")
  SQLDialect dialect;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    int colon = range.indexOf(':');
    String from = colon < 0 ? "base" : range.substring(0, colon);
    String to = colon < 0 ? range : range.substring(colon + 1);
    SQLDialect target = dialect != null ? dialect
        : JDBCUtils.dialect(database.config().requireUrl());
    // Offline: the registry and the dialect are all it needs, never a connection.
    spec.commandLine().getOut().print(database.retort("jdbc:offline:").sql(from, to, target));
  }
}

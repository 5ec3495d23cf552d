package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.messages.Messages;
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

  @Option(names = "--tenant", paramLabel = "SCHEMA", description = "Render for this schema of"
      + " a fleet: its state tables and its tables in it, after switching to it (set"
      + " search_path on PostgreSQL).")
  String tenant;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    int colon = range.indexOf(':');
    String from = colon < 0 ? "base" : range.substring(0, colon);
    String to = colon < 0 ? range : range.substring(colon + 1);
    SQLDialect target = dialect != null ? dialect
        : JDBCUtils.dialect(database.config().requireUrl());
    // Offline: the registry and the dialect are all it needs, never a connection.
    Retort retort = database.retort("jdbc:offline:");
    if (tenant != null) {
      retort = retort.withSettings(tenantSettings(retort.settings(), tenant));
    }
    spec.commandLine().getOut().print(retort.sql(from, to, target));
  }

  private static RetortSettings tenantSettings(RetortSettings settings, String tenant) {
    try {
      return settings.withSchema(tenant).withMigrationSchema(tenant);
    } catch (IllegalArgumentException invalid) {
      throw new IllegalArgumentException(Messages.fleetMemberNotASchema(tenant), invalid);
    }
  }
}

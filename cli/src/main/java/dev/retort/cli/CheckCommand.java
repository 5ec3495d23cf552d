package dev.retort.cli;

import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.Status;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Exit 0 when the database is on every head, 3 when revisions are pending.",
        "For CI and deploy scripts; changes nothing. With --schema [FILE]: exit 1 when the",
        "migrations do not build the schema file, 0 when they do (no database needed)."})
final class CheckCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Mixin SchemaSources schema;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (schema.schemaRequested()) {
      return SchemaDrift.check(schema, database, spec.commandLine());
    }
    Status status = database.retort().check();
    String at = status.current().isEmpty() ? "<base>"
        : status.current().stream().map(RevisionInfo::id).collect(Collectors.joining(", "));
    if (status.upToDate()) {
      spec.commandLine().getOut().println("Up to date at " + at + ".");
      return 0;
    }
    spec.commandLine().getOut().println(status.pending().size() + " revision"
        + (status.pending().size() == 1 ? " is" : "s are") + " pending (the database is at " + at
        + "): " + status.pending().stream().map(RevisionInfo::id).collect(Collectors.joining(", "))
        + ". Run upgrade to apply them.");
    return RetortCli.PENDING;
  }
}

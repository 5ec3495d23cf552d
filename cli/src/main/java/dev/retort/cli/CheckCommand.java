package dev.retort.cli;

import dev.retort.runtime.ChecksumMismatchException;
import dev.retort.runtime.Fleet;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.Status;
import dev.retort.runtime.UnknownRevisionException;
import dev.retort.runtime.UnresolvedFailureException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Exit 0 when the database is on every head, 3 when revisions are pending.",
        "Exits 1, saying why, when the database is in a state every run refuses (an unresolved",
        "failure, an applied revision edited since, a revision this build does not know).",
        "For CI and deploy scripts; changes nothing. With --schema [FILE]: exit 1 when the",
        "migrations do not build the schema file, 0 when they do (no database needed).",
        "With --schemas, --schemas-from or --schemas-query: on each of those schemas; 3 when",
        "one is behind, 1 when one is refused."})
final class CheckCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Mixin SchemaSources schema;

  @Mixin FleetOptions fleet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (schema.schemaRequested()) {
      return SchemaDrift.check(schema, database, spec.commandLine());
    }
    if (fleet.requested()) {
      Fleet.Result result = FleetRuns.run(database, fleet, spec, Fleet::check);
      return !result.succeeded() ? 1 : result.notAtHead().isEmpty() ? 0 : RetortCli.PENDING;
    }
    Retort retort = database.retort();
    try {
      // What every changing command refuses, a deploy gate must refuse too.
      retort.validate();
    } catch (UnresolvedFailureException | ChecksumMismatchException
        | UnknownRevisionException refused) {
      throw new CheckRefusedException(CliMessages.checkRefused(refused.getMessage()), refused);
    }
    Status status = retort.check();
    String at = status.current().isEmpty() ? "<base>"
        : status.current().stream().map(RevisionInfo::id).collect(Collectors.joining(", "));
    if (status.upToDate()) {
      spec.commandLine().getOut().println(CliMessages.upToDate(at));
      return 0;
    }
    spec.commandLine().getOut().println(CliMessages.pending(status.pending().size(), at,
        status.pending().stream().map(RevisionInfo::id).collect(Collectors.joining(", "))));
    return RetortCli.PENDING;
  }

  /** A refused state found by {@code check}: exit 1, with the runtime's reason. */
  static final class CheckRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckRefusedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

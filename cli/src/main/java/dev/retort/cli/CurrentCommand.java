package dev.retort.cli;

import dev.retort.runtime.Fleet;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "current", mixinStandardHelpOptions = true,
    description = {"Show the revision(s) the database is at, with their branch labels.",
        "With --schemas, --schemas-from or --schemas-query: list the schemas not at head."})
final class CurrentCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Mixin FleetOptions fleet;

  @Option(names = {"-v", "--verbose"}, description = "Show every field of each revision.")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (fleet.requested()) {
      // The summary lists the schemas not at head, with where each is.
      return FleetRuns.status(FleetRuns.run(database, fleet, spec, Fleet::current));
    }
    Retort retort = database.retort();
    List<RevisionInfo> current = retort.current();
    Lines lines = new Lines(retort.registry());
    if (current.isEmpty()) {
      spec.commandLine().getOut().println("<base> (no revision applied)");
    }
    for (RevisionInfo revision : current) {
      spec.commandLine().getOut().println(verbose ? lines.verbose(revision) : lines.brief(revision));
    }
    return 0;
  }
}

package dev.retort.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "upgrade", mixinStandardHelpOptions = true,
    description = {"Apply the target and everything it needs that is not applied yet.",
        "Targets: head (default), heads, an id or unique prefix, label@head, +N, rev+N.",
        "With --schemas, --schemas-from or --schemas-query: on each of those schemas, in",
        "parallel; a schema that fails leaves the others going, and the exit status is 1."})
final class UpgradeCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Mixin FleetOptions fleet;

  @Parameters(index = "0", defaultValue = "head", paramLabel = "TARGET")
  String target;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (fleet.requested()) {
      return FleetRuns.status(FleetRuns.run(database, fleet, spec, f -> f.upgrade(target)));
    }
    database.retort().upgrade(target);
    return 0;
  }
}

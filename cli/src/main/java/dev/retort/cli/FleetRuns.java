package dev.retort.cli;

import dev.retort.runtime.Fleet;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a command on every schema a {@link FleetOptions} names, and reports as it goes. */
final class FleetRuns {

  private FleetRuns() {}

  /**
   * Runs the command on the fleet, printing progress and the summary.
   *
   * @return the fleet's result
   */
  static Fleet.Result run(DatabaseOptions database, FleetOptions options, CommandSpec spec,
      Function<Fleet, Fleet.Result> command) {
    List<String> schemas = options.members(database.dataSource());
    Fleet fleet = database.fleet(schemas).withFailFast(options.failFast);
    if (options.parallel != null) {
      fleet = fleet.withParallelism(options.parallel);
    }
    LogSink sink = database.sink();
    PrintWriter out = spec.commandLine().getOut();
    FleetReport report = new FleetReport(out, System.console() != null, spec.name(), sink);
    sink.fleet(true);
    Fleet.Result result;
    try {
      result = command.apply(fleet.withListener(report));
    } finally {
      sink.fleet(false);
    }
    report.summary(result, fleet.parallelism());
    return result;
  }

  /** Exit 1 when a schema failed or was skipped, else 0. */
  static int status(Fleet.Result result) {
    return result.succeeded() ? 0 : 1;
  }
}

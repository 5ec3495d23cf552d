package dev.retort.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stamp", mixinStandardHelpOptions = true,
    description = "Record that the database is at the targets, without running any migration.")
final class StampCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Parameters(arity = "1..*", paramLabel = "TARGET")
  List<String> targets;

  @Option(names = "--purge", description = "Empty the version table first.")
  boolean purge;

  @Override
  public void run() {
    database.retort().stamp(purge, targets.toArray(String[]::new));
  }
}

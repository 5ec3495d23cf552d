package dev.retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "downgrade", mixinStandardHelpOptions = true,
    description = {"Revert the target's applied descendants, newest first.",
        "Targets: -N, an id or unique prefix, label@base, base."})
final class DowngradeCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Parameters(index = "0", paramLabel = "TARGET")
  String target;

  @Override
  public void run() {
    database.retort().downgrade(target);
  }
}

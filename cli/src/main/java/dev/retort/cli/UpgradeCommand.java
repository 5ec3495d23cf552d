package dev.retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "upgrade", mixinStandardHelpOptions = true,
    description = {"Apply the target and everything it needs that is not applied yet.",
        "Targets: head (default), heads, an id or unique prefix, label@head, +N, rev+N."})
final class UpgradeCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Parameters(index = "0", defaultValue = "head", paramLabel = "TARGET")
  String target;

  @Override
  public void run() {
    database.retort().upgrade(target);
  }
}

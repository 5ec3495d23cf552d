package dev.retort.cli;

import dev.retort.runtime.Retort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "revert", mixinStandardHelpOptions = true,
    description = {
        "Take back one applied revision, and first every applied revision that needs it.",
        "Newest first; other branches stay. Where the database is at several heads, this steps",
        "one of them down, which -1 cannot say."})
final class RevertCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Parameters(index = "0", paramLabel = "REV",
      description = "The revision: an id or unique prefix, a label, label@head.")
  String revision;

  @Override
  public void run() {
    Retort retort = database.retort();
    retort.revert(retort.show(revision));
  }
}

package dev.retort.cli;

import dev.retort.runtime.Retort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show one revision: an id, a unique prefix, head or a label.")
final class ShowCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Parameters(index = "0", paramLabel = "REVISION")
  String revision;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    Retort retort = database.retort();
    spec.commandLine().getOut().print(new Lines(retort.registry()).verbose(retort.show(revision)));
  }
}

package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "heads", mixinStandardHelpOptions = true,
    description = "Show the revisions nothing revises yet, with their branch labels.")
final class HeadsCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Option(names = {"-v", "--verbose"}, description = "Show every field of each revision.")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    Retort retort = database.retort();
    Lines lines = new Lines(retort.registry());
    for (RevisionInfo head : retort.heads()) {
      spec.commandLine().getOut().println(verbose ? lines.verbose(head) : lines.line(head, Set.of()));
    }
  }
}

package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "current", mixinStandardHelpOptions = true,
    description = "Show the revision(s) the database is at, with their branch labels.")
final class CurrentCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Option(names = {"-v", "--verbose"}, description = "Show every field of each revision.")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    Retort retort = database.retort();
    List<RevisionInfo> current = retort.current();
    Lines lines = new Lines(retort.registry());
    if (current.isEmpty()) {
      spec.commandLine().getOut().println("<base> (no revision applied)");
    }
    for (RevisionInfo revision : current) {
      spec.commandLine().getOut().println(verbose ? lines.verbose(revision) : lines.brief(revision));
    }
  }
}

package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = "List revisions, newest first.")
final class HistoryCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Option(names = {"-r", "--rev-range"}, paramLabel = "START:END", defaultValue = ":",
      description = "Range, as start:end, start: or :end (e.g. -r-3:current).")
  String range;

  @Option(names = {"-v", "--verbose"}, description = "Show every field of each revision.")
  boolean verbose;

  @Option(names = {"-i", "--indicate-current"},
      description = "Mark the revisions the database is at (needs the database).")
  boolean indicateCurrent;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    Retort retort = database.retort();
    Set<String> current = indicateCurrent
        ? retort.current().stream().map(RevisionInfo::id).collect(Collectors.toSet())
        : Set.of();
    Lines lines = new Lines(retort.registry());
    for (RevisionInfo revision : retort.history(range)) {
      spec.commandLine().getOut().println(verbose
          ? lines.verbose(revision)
          : lines.line(revision, current));
    }
  }
}

package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "branches", mixinStandardHelpOptions = true,
    description = "Show the revisions where the history forks, and what grows from each.")
final class BranchesCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    Retort retort = database.retort();
    Lines lines = new Lines(retort.registry());
    for (RevisionInfo branchPoint : retort.branches()) {
      spec.commandLine().getOut().println(lines.line(branchPoint, Set.of()));
      for (RevisionInfo revision : retort.registry().revisions()) {
        if (revision.revises().contains(branchPoint.id())) {
          spec.commandLine().getOut().println("    -> " + lines.line(revision, Set.of()));
        }
      }
    }
  }
}

package dev.retort.cli;

import dev.retort.runtime.RevisionInfo;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "repair", mixinStandardHelpOptions = true,
    description = {"After checking the database by hand: record the checksums of edited",
        "revisions, and mark failures that were not rolled back as resolved."})
final class RepairCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    List<RevisionInfo> repaired = database.retort().repair();
    if (repaired.isEmpty()) {
      spec.commandLine().getOut().println("Nothing to repair.");
    }
  }
}

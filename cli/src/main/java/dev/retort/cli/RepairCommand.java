package dev.retort.cli;

import dev.retort.runtime.RevisionInfo;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "repair", mixinStandardHelpOptions = true,
    description = {"Accept edited revisions and unrolled failures, after a person checked them.",
        "Records the checksums of edited revisions, and marks failures that were not rolled",
        "back as resolved; run it only after checking the database by hand."})
final class RepairCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    List<RevisionInfo> repaired = database.retort().repair();
    if (repaired.isEmpty()) {
      spec.commandLine().getOut().println(CliMessages.nothingToRepair());
    }
  }
}

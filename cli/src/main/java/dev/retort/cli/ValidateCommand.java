package dev.retort.cli;

import dev.retort.runtime.Retort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check that applied revisions match this build: no edits since they ran, no"
        + " unknown revision, no unresolved failure.")
final class ValidateCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    Retort retort = database.retort();
    retort.validate();
    spec.commandLine().getOut().println(CliMessages.valid());
  }
}

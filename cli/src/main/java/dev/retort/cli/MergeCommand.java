package dev.retort.cli;

import dev.retort.cli.MigrationSources.Declared;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Write a merge revision that revises the given revisions (default: all heads).")
final class MergeCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Parameters(paramLabel = "REV", arity = "0..*",
      description = "Revisions to merge (ids, unique prefixes, label@head), or 'heads' (the"
          + " default).")
  List<String> revisions = List.of();

  @Option(names = {"-m", "--message"}, required = true, description = "One line: what it joins.")
  String message;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Config config = database.config();
    Path folder = config.requireMigrationsSource();
    List<Declared> declared = MigrationSources.read(folder);
    List<String> parents = revisions.isEmpty() || revisions.equals(List.of("heads"))
        ? MigrationSources.heads(declared).stream().map(Declared::id).toList()
        : revisions.stream()
            .map(revision -> MigrationSources.resolve(revision, declared, folder).id())
            .distinct().toList();
    if (parents.size() < 2) {
      throw new IllegalArgumentException(CliMessages.nothingToMerge(parents));
    }
    MigrationWriter writer = MigrationWriter.of(config);
    String nothing = "    // A merge changes no schema; it joins the branches' histories.";
    Path file = writer.write(new MigrationWriter.NewRevision(message, parents, List.of(),
        List.of(), nothing, nothing, "merge"), LocalDateTime.now());
    spec.commandLine().getOut().println(CliMessages.generated(file));
    return 0;
  }
}

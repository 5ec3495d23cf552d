package dev.retort.cli;

import dev.retort.cli.MigrationSources.Declared;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "create", mixinStandardHelpOptions = true,
    description = {"Write a new migration that revises the current head, from the template.",
        "Reads the heads from the migration sources, so no build is needed in between."})
final class CreateCommand implements Callable<Integer> {

  static final String UPGRADE_HINT =
      "    // Apply the change with the jOOQ DSL, e.g. db.alterTable(\"users\")"
          + ".addColumn(\"phone\", SQLDataType.VARCHAR(30))"
          + ".execute();";
  static final String DOWNGRADE_HINT =
      "    // Undo exactly what upgrade did, or remove this method and annotate the class"
          + " @Irreversible(\"why\").";

  @Mixin DatabaseOptions database;

  @Parameters(index = "0", paramLabel = "MESSAGE", description = "One line: what it changes.")
  String message;

  @Option(names = "--head", paramLabel = "REV",
      description = {"The revision to base it on: an id or unique prefix, label@head, or base",
          "for a new base (default: the single head)."})
  String head;

  @Option(names = "--branch-label", paramLabel = "LABEL", description = "Label a new branch.")
  List<String> branchLabels = List.of();

  @Option(names = "--depends-on", paramLabel = "REV",
      description = "Cross-branch dependency: an id or unique prefix, a label, or label@head.")
  List<String> dependsOn = List.of();

  @Option(names = "--splice", description = "Allow --head to name a revision that is not a head.")
  boolean splice;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Config config = database.config();
    Path folder = config.requireMigrationsSource();
    List<Declared> declared = MigrationSources.read(folder);
    List<Declared> heads = MigrationSources.heads(declared);
    List<String> revises;
    if (head == null || head.equals("head")) {
      if (heads.size() > 1) {
        throw new IllegalArgumentException(CliMessages.multipleHeadsForCreate(
            heads.stream().map(Declared::id).collect(Collectors.joining(", "))));
      }
      revises = heads.stream().map(Declared::id).toList();
    } else if (head.equals("base")) {
      revises = List.of();
    } else {
      Declared named = MigrationSources.resolve(head, declared, folder);
      if (!heads.contains(named) && !splice) {
        throw new IllegalArgumentException(CliMessages.notAHead(named.id()));
      }
      revises = List.of(named.id());
    }
    // Written as full ids, as revises is: the processor checks dependsOn against the ids.
    List<String> dependencies = dependsOn.stream()
        .map(reference -> MigrationSources.resolve(reference, declared, folder).id())
        .distinct().toList();
    MigrationWriter writer = MigrationWriter.of(config);
    Path file = writer.write(new MigrationWriter.NewRevision(message, revises, branchLabels,
        dependencies, UPGRADE_HINT, DOWNGRADE_HINT, "create"), LocalDateTime.now());
    spec.commandLine().getOut().println(CliMessages.generated(file));
    return 0;
  }
}

package dev.retort.cli;

import dev.retort.autogenerate.Autogenerate;
import dev.retort.autogenerate.Messages;
import dev.retort.autogenerate.RevisionBodies;
import dev.retort.autogenerate.SchemaDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One comparison for {@code create --autogenerate} and {@code check --schema}: it prints what it
 * detected, in Alembic's manner, and each review note as a warning.
 */
final class AutogenerateRun {

  private final SchemaSources sources;
  private final DatabaseOptions database;
  private final PrintWriter out;
  private final PrintWriter err;

  AutogenerateRun(SchemaSources sources, DatabaseOptions database, PrintWriter out,
      PrintWriter err) {
    this.sources = sources;
    this.database = database;
    this.out = out;
    this.err = err;
  }

  /** The difference from the revisions up to {@code revises} to the schema wanted, printed. */
  SchemaDiff compare(List<String> revises) {
    Config config = database.config();
    Autogenerate autogenerate = Autogenerate.of(sources.dialect(config))
        .ignoringTables(table -> table.equalsIgnoreCase(config.versionTable())
            || table.equalsIgnoreCase(config.historyTable()));
    var wanted = sources.wanted(config, autogenerate);
    var migrations = sources.migrations(database, config, autogenerate, revises, err);
    SchemaDiff diff = autogenerate.compare(migrations, wanted);
    if (diff.isEmpty()) {
      out.println(Messages.NO_CHANGES);
    }
    diff.detected().forEach(line -> out.println(CliMessages.detected(line)));
    diff.warnings().forEach(note -> err.println(CliMessages.reviewNote(note)));
    return diff;
  }

  /**
   * Adds to a written revision the imports its bodies need that the template does not have, after
   * the template's last import (or its package line).
   */
  static void addImports(Path file, RevisionBodies bodies) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    int after = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("import ") || (after < 0 && lines.get(i).startsWith("package "))) {
        after = i;
      }
    }
    List<String> missing = new ArrayList<>();
    for (String type : bodies.imports()) {
      if (!lines.contains("import " + type + ";")) {
        missing.add("import " + type + ";");
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    lines.addAll(after + 1, missing);
    Files.write(file, lines);
  }
}

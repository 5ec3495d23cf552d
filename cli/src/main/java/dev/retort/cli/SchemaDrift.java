package dev.retort.cli;

import dev.retort.runtime.PasswordMask;
import dev.retort.runtime.RevisionInfo;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code check --schema}: Alembic's {@code alembic check}, the CI gate that stops a schema edit
 * without its migration. Compares the schema the registry's heads build with the schema file.
 */
final class SchemaDrift {

  private SchemaDrift() {}

  /** 0 when the migrations build the schema file, 1 (after printing what differs) when not. */
  static int check(SchemaSources schema, DatabaseOptions database, CommandLine command) {
    List<String> heads = database.retort("jdbc:offline:").heads().stream()
        .map(RevisionInfo::id).toList();
    var diff = new AutogenerateRun(schema, database, command.getOut(), command.getErr())
        .compare(heads);
    if (diff.isEmpty()) {
      return 0;
    }
    PasswordMask url = schema.fromDatabase == null ? PasswordMask.none()
        : PasswordMask.of(null, schema.fromDatabase);
    command.getErr().println(CliMessages.ERROR_PREFIX
        + url.mask(CliMessages.schemaDrift(schema.fromDatabase)));
    return 1;
  }
}

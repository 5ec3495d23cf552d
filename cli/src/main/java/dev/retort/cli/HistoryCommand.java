package dev.retort.cli;

import dev.retort.runtime.AuditEntry;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = {"List revisions, newest first, or with --audit what ran.",
        "--audit prints the history table's rows, newest first: when, who, where, what, how",
        "long, and whether it succeeded, failed or was rolled back."})
final class HistoryCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Option(names = {"-r", "--rev-range"}, paramLabel = "START:END",
      description = "Range, as start:end, start: or :end (e.g. -r-3:current).")
  String range;

  @Option(names = {"-v", "--verbose"}, description = "Show every field of each revision (or"
      + " audit row).")
  boolean verbose;

  @Option(names = {"-i", "--indicate-current"},
      description = "Mark the revisions the database is at (needs the database).")
  boolean indicateCurrent;

  @Option(names = "--audit", description = "Show the audit trail (the history table) instead"
      + " of the revisions.")
  boolean audit;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "50",
      description = "With --audit, the newest N rows (default: ${DEFAULT-VALUE}).")
  int limit;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    if (audit && (range != null || indicateCurrent)) {
      throw new ParameterException(spec.commandLine(), CliMessages.auditWithRevisionOptions());
    }
    Retort retort = database.retort();
    PrintWriter out = spec.commandLine().getOut();
    if (audit) {
      List<AuditEntry> rows = retort.auditTrail(limit);
      if (rows.isEmpty()) {
        out.println(CliMessages.noAudit());
      }
      rows.forEach(row -> out.print(verbose ? AuditLines.verbose(row) : AuditLines.line(row)
          + "\n"));
      return;
    }
    Set<String> current = indicateCurrent
        ? retort.current().stream().map(RevisionInfo::id).collect(Collectors.toSet())
        : Set.of();
    Lines lines = new Lines(retort.registry());
    for (RevisionInfo revision : retort.history(range == null ? ":" : range)) {
      out.println(verbose ? lines.verbose(revision, current) : lines.line(revision, current));
    }
  }
}

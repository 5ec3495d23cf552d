package dev.retort.cli;

import dev.retort.runtime.Fleet;
import dev.retort.runtime.Fleet.Member;
import dev.retort.runtime.Fleet.Outcome;
import dev.retort.runtime.RevisionInfo;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a fleet run prints: on a terminal one progress line, redrawn in place ({@code \r}); else
 * one plain line per schema as it finishes; then a summary table, and the schemas that failed or
 * are not at head with why.
 */
final class FleetReport implements Fleet.Listener {

  private final PrintWriter out;
  private final boolean terminal;
  private final String command;
  private final LogSink sink;
  private int drawn;

  FleetReport(PrintWriter out, boolean terminal, String command, LogSink sink) {
    this.out = out;
    this.terminal = terminal;
    this.command = command;
    this.sink = sink;
  }

  @Override
  public void finished(Member member, Fleet.Progress progress) {
    if (terminal) {
      String line = CliMessages.fleetProgress(progress.atHead(), progress.total(),
          progress.failed(), clock(progress.elapsed()));
      // Redrawn over the last one; padded so that a shorter line leaves nothing behind.
      out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
      drawn = line.length();
    } else {
      out.println("[" + progress.finished() + "/" + progress.total() + "] " + member.name()
          + ": " + describe(member));
    }
    out.flush();
  }

  /** The summary table and the members that need attention. */
  void summary(Fleet.Result result, int parallel) {
    if (terminal && drawn > 0) {
      out.println();
    }
    List<Member> members = result.members();
    long atHead = members.stream().filter(Member::atHead).count();
    long behind = members.stream()
        .filter(m -> m.outcome() == Outcome.DONE && !m.atHead()).count();
    int applied = members.stream().mapToInt(m -> m.applied().size()).sum();
    Duration slowest = members.stream().map(Member::duration).max(Duration::compareTo)
        .orElse(Duration.ZERO);
    out.println(CliMessages.fleetSummaryHeading(command, members.size(),
        clock(result.elapsed()), parallel));
    row("at head", atHead);
    row("not at head", behind);
    row("failed", result.failed().size());
    row("skipped", result.skipped().size());
    row("revisions applied", applied);
    out.println(String.format(Locale.ROOT, "  %-18s %8s", "slowest schema", millis(slowest)));
    List<Member> attention = result.notAtHead();
    if (!attention.isEmpty()) {
      int width = Math.max(6, attention.stream().mapToInt(m -> m.name().length()).max()
          .orElse(6));
      out.println();
      out.println(String.format(Locale.ROOT, "  %-" + width + "s  %-11s  %s", "schema",
          "outcome", "detail"));
      for (Member member : attention) {
        out.println(String.format(Locale.ROOT, "  %-" + width + "s  %-11s  %s", member.name(),
            outcome(member), detail(member)));
      }
    }
    if (!result.failed().isEmpty()) {
      out.println();
      out.println(CliMessages.fleetFailedNote(result.failed().size()));
    }
    out.flush();
  }

  private void row(String label, long count) {
    out.println(String.format(Locale.ROOT, "  %-18s %8d", label, count));
  }

  private static String outcome(Member member) {
    return switch (member.outcome()) {
      case DONE -> member.atHead() ? "at head" : "not at head";
      case FAILED -> "FAILED";
      case SKIPPED -> "skipped";
    };
  }

  private String detail(Member member) {
    if (member.error() != null) {
      return sink.secrets().mask(LogSink.oneLine(member.error()));
    }
    return pending(member);
  }

  private String describe(Member member) {
    return switch (member.outcome()) {
      case DONE -> (member.applied().isEmpty() ? "" : "applied " + member.applied().size()
          + (member.applied().size() == 1 ? " revision, " : " revisions, "))
          + (member.atHead() ? "at head" : pending(member)) + " (" + millis(member.duration())
          + ")";
      case FAILED -> "FAILED: " + sink.secrets().mask(LogSink.oneLine(member.error()));
      case SKIPPED -> "skipped";
    };
  }

  private static String pending(Member member) {
    if (member.status() == null) {
      return "";
    }
    String at = member.status().current().isEmpty() ? "<base>"
        : member.status().current().stream().map(RevisionInfo::id)
            .collect(Collectors.joining(", "));
    return member.status().pending().size() + " pending, at " + at;
  }

  /** {@code 2:14}, or {@code 1:02:14} past an hour. */
  static String clock(Duration elapsed) {
    long seconds = elapsed.toSeconds();
    return seconds >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
            seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%,d ms", duration.toMillis());
  }
}

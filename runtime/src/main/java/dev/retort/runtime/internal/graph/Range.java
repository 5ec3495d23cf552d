package dev.retort.runtime.internal.graph;

import dev.retort.runtime.InvalidTargetException;
import dev.retort.runtime.messages.Messages;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A history range in Alembic's syntax: {@code start:end}, {@code start:}, {@code :end}, or a
 * target alone (the range from base to it), with any target on either side.
 *
 * @param start where the range starts; empty for base
 * @param end where it ends
 */
public record Range(Optional<Target> start, Target end) {

  /** Parses a range. */
  public static Range parse(String range) {
    int colon = range.indexOf(':');
    String start = colon < 0 ? "" : range.substring(0, colon);
    String end = colon < 0 ? range : range.substring(colon + 1);
    return new Range(start.isEmpty() ? Optional.empty() : Optional.of(Target.parse(start)),
        Target.parse(end.isEmpty() ? "heads" : end));
  }

  /** Whether resolving the range reads where the database is. */
  public boolean needsCurrent() {
    return end.needsCurrent() || start.map(Target::needsCurrent).orElse(false);
  }

  /**
   * The revisions in the range: those the end needs that are the start or need it. A start of
   * {@code BRANCH@base} keeps the ends on that branch, with everything they need.
   *
   * @throws InvalidTargetException if the start is not an ancestor of the end (an inverted or
   *     unrelated range), in Alembic's words
   */
  public BitSet members(TargetResolver resolver, List<Integer> current) {
    Graph graph = resolver.graph();
    List<Integer> ends = resolver.resolve(end, current);
    if (start.isPresent() && start.get() instanceof Target.Base base) {
      if (base.branch().isPresent()) {
        BitSet line = resolver.lineage(base.branch().get());
        ends = ends.stream().filter(line::get).toList();
      }
      return graph.closure(ends);
    }
    BitSet members = graph.closure(ends);
    List<Integer> starts = start.isEmpty() ? List.of() : resolver.resolve(start.get(), current);
    for (int first : starts) {
      if (!members.get(first)) {
        throw new InvalidTargetException(Messages.notAnAncestor(start.get().text(), end.text()));
      }
    }
    // A start that resolves to nothing (a walk that reaches base) filters nothing.
    if (!starts.isEmpty()) {
      members.and(graph.withDependents(starts));
    }
    return members;
  }
}

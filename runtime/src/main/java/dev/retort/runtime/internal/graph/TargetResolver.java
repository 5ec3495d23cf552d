package dev.retort.runtime.internal.graph;

import dev.retort.runtime.InvalidTargetException;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.internal.graph.Target.Relative;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves targets against the graph, with Alembic's meaning and wording: the one resolver of the
 * runtime, and of the command line's {@code create} and {@code merge}, which resolve against the
 * revisions read from the sources. What a downgrade to a target removes is {@link
 * DowngradeTargets}'s.
 */
public final class TargetResolver {

  private final Graph graph;

  public TargetResolver(Graph graph) {
    this.graph = graph;
  }

  public Graph graph() {
    return graph;
  }

  /**
   * The revisions a target names, for any command; empty for base (of a branch, or a walk that
   * reaches it).
   *
   * @param current the heads the database is at, for the targets relative to them
   * @throws InvalidTargetException if it names no revision, or is ambiguous where one is needed
   */
  public List<Integer> resolve(Target target, List<Integer> current) {
    if (target instanceof Target.Base base) {
      base.branch().ifPresent(this::branchAnchor);
      return List.of();
    }
    if (target instanceof Target.Current) {
      return List.copyOf(current);
    }
    if (target instanceof Target.Heads heads) {
      return headsOn(heads.branch());
    }
    if (target instanceof Target.Head head) {
      return List.of(singleHead(head.branch(), head.text()));
    }
    if (target instanceof Target.Revision revision) {
      return List.of(revision(revision.reference(), revision.branch()));
    }
    int reached = walk((Relative) target, current);
    return reached == Graph.BASE ? List.of() : List.of(reached);
  }

  /**
   * The revisions an upgrade to the target must reach.
   *
   * @throws InvalidTargetException for steps down from where the database is, which only a
   *     downgrade takes
   */
  public List<Integer> forUpgrade(Target target, List<Integer> current) {
    if (target instanceof Relative walk && walk.fromCurrent() && walk.steps() < 0) {
      throw new InvalidTargetException(Messages.relativeIsADowngrade(target.text()));
    }
    return resolve(target, current);
  }

  /** The heads, or the heads on a branch's lineage. */
  List<Integer> headsOn(Optional<String> branch) {
    List<Integer> heads = graph.heads();
    if (branch.isEmpty()) {
      return heads;
    }
    BitSet line = lineage(branch.get());
    return heads.stream().filter(line::get).toList();
  }

  /** The single head, or the single head on a branch's lineage. */
  int singleHead(Optional<String> branch, String argument) {
    List<Integer> heads = headsOn(branch);
    if (heads.size() > 1) {
      String fromHead = argument.substring(argument.indexOf('@') + 1);
      throw new InvalidTargetException(Messages.multipleHeads(argument, ids(heads),
          !fromHead.equals("head") ? null : branch.map(label -> label + "@heads").orElse("heads"),
          onOneBranch(heads, fromHead)));
    }
    if (heads.isEmpty()) {
      throw new InvalidTargetException(Messages.noRevisions());
    }
    return heads.get(0);
  }

  /**
   * The target {@code label@head} (or {@code label@head-N}) for each label whose lineage holds
   * exactly one of these heads, in the heads' order: what a caller that asked for the single head
   * can name instead.
   */
  private List<String> onOneBranch(List<Integer> heads, String fromHead) {
    Map<Integer, List<String>> byHead = new HashMap<>();
    for (int i = 0; i < graph.size(); i++) {
      for (String label : graph.revision(i).branchLabels()) {
        List<Integer> onLine = headsOn(Optional.of(label));
        if (onLine.size() == 1 && heads.contains(onLine.get(0))) {
          byHead.computeIfAbsent(onLine.get(0), head -> new ArrayList<>())
              .add(label + "@" + fromHead);
        }
      }
    }
    List<String> targets = new ArrayList<>();
    heads.forEach(head -> targets.addAll(byHead.getOrDefault(head, List.of())));
    return targets;
  }

  /**
   * The revision a branch before an {@code @} stands for: the one that declares the label, or
   * else the revision with that id or unique prefix (Alembic's {@code e@d}: the branch that holds
   * {@code e}).
   */
  int branchAnchor(String branch) {
    Integer declaring = graph.declaring(branch);
    if (declaring != null) {
      return declaring;
    }
    try {
      return revision(branch, Optional.empty());
    } catch (InvalidTargetException notARevision) {
      throw new InvalidTargetException(Messages.didYouMean(Messages.noSuchBranch(branch),
          new Suggestions(graph).forBranch(branch)));
    }
  }

  /** The revisions that share a lineage with the branch's revision. */
  BitSet lineage(String branch) {
    return graph.lineage(branchAnchor(branch));
  }

  /**
   * A full id, a branch label alone (the revision that declares it), or a prefix unique among the
   * revisions (among the branch's members, with a branch); with a branch, it must be a member.
   */
  int revision(String reference, Optional<String> branch) {
    BitSet line = branch.map(this::lineage).orElse(null);
    int found = lookUp(reference, line);
    if (line != null && !line.get(found)) {
      throw new InvalidTargetException(
          Messages.notOnBranch(graph.revision(found).id(), branch.get()));
    }
    return found;
  }

  private int lookUp(String reference, BitSet within) {
    Optional<RevisionInfo> exact = graph.registry().revision(reference);
    if (exact.isPresent()) {
      return exact.get().index();
    }
    Integer declaring = graph.declaring(reference);
    if (declaring != null) {
      return declaring;
    }
    List<Integer> matches = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      if (!reference.isEmpty() && graph.revision(i).id().startsWith(reference)
          && (within == null || within.get(i))) {
        matches.add(i);
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new InvalidTargetException(Messages.didYouMean(Messages.noSuchRevision(reference),
          new Suggestions(graph).forReference(reference)));
    }
    throw new InvalidTargetException(Messages.ambiguousPrefix(reference, ids(matches)));
  }

  /** The revision a relative target reaches, or {@link Graph#BASE}. */
  int walk(Relative target, List<Integer> current) {
    Optional<String> branch = target.branch();
    BitSet line = branch.map(this::lineage).orElse(null);
    int start = switch (target.anchor()) {
      case HEAD -> singleHead(branch, target.text());
      case BASE -> Graph.BASE;
      case REVISION -> revision(target.reference().orElseThrow(), branch);
      case CURRENT -> line != null ? currentOnLine(current, line, target)
          : current.isEmpty() ? Graph.BASE : singleCurrent(current, target);
    };
    return target.steps() >= 0
        ? walkUp(start, target.steps(), line, target)
        : walkDown(start, -target.steps(), target);
  }

  /**
   * Where the database stands on a branch's lineage, as Alembic finds it: a current head on the
   * lineage, else the newest applied revisions on it (the branch has not started yet, say, and its
   * fork point is applied), else base.
   */
  private int currentOnLine(List<Integer> current, BitSet line, Relative target) {
    List<Integer> onLine = current.stream().filter(line::get).toList();
    if (onLine.isEmpty()) {
      BitSet active = graph.closure(current);
      active.and(line);
      onLine = graph.headsOf(active);
    }
    if (onLine.isEmpty()) {
      return Graph.BASE;
    }
    if (onLine.size() > 1) {
      throw new InvalidTargetException(Messages.ambiguousWalkFromHeads(target.text(),
          ids(onLine), target.steps() < 0));
    }
    return onLine.get(0);
  }

  /** The single revision the database is at, for a walk from it. */
  int singleCurrent(List<Integer> current, Relative target) {
    if (current.isEmpty()) {
      throw new InvalidTargetException(
          Messages.walkTooShort(target.text(), Math.abs(target.steps())));
    }
    if (current.size() > 1) {
      throw new InvalidTargetException(Messages.ambiguousWalkFromHeads(target.text(),
          ids(current), target.steps() < 0));
    }
    return current.get(0);
  }

  private int walkUp(int start, int steps, BitSet line, Relative target) {
    int at = start;
    for (int step = 0; step < steps; step++) {
      List<Integer> next = new ArrayList<>(graph.next(at));
      if (line != null) {
        next.removeIf(candidate -> !line.get(candidate));
      }
      if (next.isEmpty()) {
        throw new InvalidTargetException(Messages.walkTooShort(target.text(), steps));
      }
      if (next.size() > 1) {
        throw new InvalidTargetException(Messages.ambiguousWalkAtFork(target.text(),
            at == Graph.BASE ? "base" : graph.revision(at).id(), ids(next)));
      }
      at = next.get(0);
    }
    return at;
  }

  /** The revision {@code steps} parents below {@code start}, or base. */
  int walkDown(int start, int steps, Relative target) {
    int at = start;
    for (int step = 0; step < steps; step++) {
      if (at == Graph.BASE) {
        throw new InvalidTargetException(Messages.walkTooShort(target.text(), steps));
      }
      int[] parents = graph.parents(at);
      if (parents.length > 1) {
        throw new InvalidTargetException(Messages.ambiguousWalkAtMerge(target.text(),
            graph.revision(at).id()));
      }
      at = parents.length == 0 ? Graph.BASE : parents[0];
    }
    return at;
  }

  /** The ids of revisions, by index. */
  public List<String> ids(List<Integer> indexes) {
    return indexes.stream().map(i -> graph.revision(i).id()).toList();
  }
}

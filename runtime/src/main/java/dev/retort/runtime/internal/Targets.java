package dev.retort.runtime.internal;

import dev.retort.runtime.InvalidTargetException;
import dev.retort.runtime.RevisionInfo;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves Alembic's target syntax against the graph: ids and unique id prefixes, {@code head},
 * {@code heads}, {@code base}, {@code current}, {@code label@head}, {@code label@base}, a label
 * alone, and the relative forms {@code +N}, {@code -N}, {@code rev+N}, {@code rev-N},
 * {@code label@+N}. Error wording follows Alembic's.
 */
public final class Targets {

  private static final Pattern RELATIVE =
      Pattern.compile("^(?:(?<label>[^@+\\-]+)@)?(?<from>[^@+\\-]*)(?<sign>[+-])(?<steps>\\d+)$");

  private final Graph graph;

  public Targets(Graph graph) {
    this.graph = graph;
  }

  /**
   * The revisions an upgrade to {@code target} must reach. Empty for {@code base}.
   *
   * @param current the heads the database is at
   */
  public List<Integer> forUpgrade(String target, List<Integer> current) {
    Matcher relative = RELATIVE.matcher(target);
    if (relative.matches() && relative.group("sign").equals("-") && relative.group("from").isEmpty()) {
      throw new InvalidTargetException("Relative revision " + target
          + " is a downgrade; use downgrade " + target);
    }
    return resolve(target, current);
  }

  /** The applied revisions a downgrade to {@code target} removes. */
  public BitSet removedByDowngrade(String target, BitSet applied, List<Integer> current) {
    Matcher relative = RELATIVE.matcher(target);
    if (relative.matches() && relative.group("sign").equals("+") && relative.group("from").isEmpty()) {
      throw new InvalidTargetException("Relative revision " + target
          + " is an upgrade; use upgrade " + target);
    }
    BitSet removed = new BitSet(graph.size());
    if (target.equals("base")) {
      removed.or(applied);
      return removed;
    }
    if (target.endsWith("@base")) {
      String label = target.substring(0, target.length() - "@base".length());
      BitSet branch = labelled(label);
      List<Integer> roots = new ArrayList<>();
      for (int i = branch.nextSetBit(0); i >= 0; i = branch.nextSetBit(i + 1)) {
        boolean root = true;
        for (int parent : graph.parents(i)) {
          root &= !branch.get(parent);
        }
        if (root) {
          roots.add(i);
          removed.set(i);
        }
      }
      removed.or(graph.dependentsClosure(roots));
      removed.and(applied);
      return removed;
    }
    if (relative.matches() && relative.group("from").isEmpty() && relative.group("label") == null) {
      // The last N steps below the single head; a merge may be the last one removed.
      int steps = Integer.parseInt(relative.group("steps"));
      int lowest = singleHead(current, target);
      for (int step = 1; step < steps; step++) {
        int[] parents = graph.parents(lowest);
        if (parents.length != 1) {
          throw parents.length == 0
              ? new InvalidTargetException("Relative revision " + target + " didn't produce "
                  + steps + " migrations")
              : new InvalidTargetException("Ambiguous walk: " + target + " reaches the merge "
                  + graph.revision(lowest).id() + "; name the revision to go to instead");
        }
        lowest = parents[0];
      }
      removed.or(graph.dependentsClosure(List.of(lowest)));
      removed.set(lowest);
      removed.and(applied);
      return removed;
    }
    List<Integer> destinations = resolve(target, current);
    if (destinations.size() != 1) {
      throw new InvalidTargetException("Downgrade needs one destination; " + target + " names "
          + describe(destinations) + ".");
    }
    int destination = destinations.get(0);
    if (!applied.get(destination)) {
      throw new InvalidTargetException("Destination " + graph.revision(destination).id()
          + " is not a valid downgrade target from current head(s): it is not applied.");
    }
    return removedAbove(destination, applied);
  }

  private BitSet removedAbove(int destination, BitSet applied) {
    BitSet removed = graph.dependentsClosure(List.of(destination));
    removed.and(applied);
    return removed;
  }

  /** The revisions a target names, for any command. Empty for {@code base}. */
  public List<Integer> resolve(String target, List<Integer> current) {
    switch (target) {
      case "base":
        return List.of();
      case "heads":
        return headsOf(graph.registry().heads());
      case "head":
        return List.of(singleHeadOfRegistry("head"));
      case "current":
        return List.copyOf(current);
      default:
        break;
    }
    Matcher relative = RELATIVE.matcher(target);
    if (relative.matches()) {
      return List.of(relative(relative, target, current));
    }
    int at = target.indexOf('@');
    if (at >= 0) {
      String label = target.substring(0, at);
      String rest = target.substring(at + 1);
      BitSet branch = labelled(label);
      if (rest.equals("head") || rest.equals("heads")) {
        List<Integer> heads = new ArrayList<>();
        for (int head : headsOf(graph.registry().heads())) {
          if (branch.get(head)) {
            heads.add(head);
          }
        }
        if (rest.equals("head") && heads.size() > 1) {
          throw multipleHeads(target, heads);
        }
        return heads;
      }
      if (rest.equals("base")) {
        throw new InvalidTargetException(target + " can only be a downgrade target");
      }
      int revision = lookUp(rest);
      if (!branch.get(revision)) {
        throw new InvalidTargetException("Revision " + graph.revision(revision).id()
            + " is not on branch '" + label + "'");
      }
      return List.of(revision);
    }
    return List.of(lookUp(target));
  }

  /** A full id, a unique prefix of one, or a branch label alone (meaning {@code label@head}). */
  public int lookUp(String reference) {
    Optional<RevisionInfo> exact = graph.registry().revision(reference);
    if (exact.isPresent()) {
      return exact.get().index();
    }
    if (graph.labels().containsKey(reference)) {
      List<Integer> heads = resolve(reference + "@head", List.of());
      if (heads.isEmpty()) {
        throw new InvalidTargetException("Branch '" + reference + "' has no head");
      }
      return heads.get(0);
    }
    List<Integer> matches = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      if (!reference.isEmpty() && graph.revision(i).id().startsWith(reference)) {
        matches.add(i);
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new InvalidTargetException("No such revision or branch '" + reference + "'. The"
          + " history command lists the revisions, and heads shows the branch labels.");
    }
    throw new InvalidTargetException("Multiple revisions start with '" + reference + "': "
        + describe(matches) + ". Give more of the id.");
  }

  private int relative(Matcher relative, String target, List<Integer> current) {
    String label = relative.group("label");
    String from = relative.group("from");
    int steps = Integer.parseInt(relative.group("steps"));
    boolean forward = relative.group("sign").equals("+");
    BitSet branch = label == null ? null : labelled(label);
    int start;
    if (!from.isEmpty()) {
      start = from.equals("head") ? singleHeadOfRegistry(target) : lookUp(from);
    } else if (branch != null) {
      List<Integer> onBranch = current.stream().filter(branch::get).toList();
      start = onBranch.isEmpty() ? -1 : singleHead(onBranch, target);
    } else {
      start = current.isEmpty() ? -1 : singleHead(current, target);
    }
    if (forward) {
      return walkForward(start, steps, branch, target);
    }
    int destination = start < 0 ? -1 : walkBack(start, steps, target);
    if (destination < 0) {
      throw new InvalidTargetException("Relative revision " + target + " didn't produce "
          + steps + " migrations");
    }
    return destination;
  }

  private int walkForward(int start, int steps, BitSet branch, String target) {
    int current = start;
    for (int step = 0; step < steps; step++) {
      List<Integer> next = new ArrayList<>();
      if (current < 0) {
        for (RevisionInfo base : graph.registry().bases()) {
          next.add(base.index());
        }
      } else {
        for (int child : graph.children(current)) {
          next.add(child);
        }
      }
      if (branch != null) {
        next.removeIf(candidate -> !branch.get(candidate));
      }
      if (next.isEmpty()) {
        throw new InvalidTargetException("Relative revision " + target + " didn't produce "
            + steps + " migrations");
      }
      if (next.size() > 1) {
        throw new InvalidTargetException("Ambiguous walk: " + target + " forks at "
            + (current < 0 ? "base" : graph.revision(current).id()) + " into " + describe(next)
            + "; name a branch (label@+N) or a revision");
      }
      current = next.get(0);
    }
    return current;
  }

  /** The revision {@code steps} parents below {@code start}, or -1 for base. */
  private int walkBack(int start, int steps, String target) {
    int current = start;
    for (int step = 0; step < steps; step++) {
      if (current < 0) {
        throw new InvalidTargetException("Relative revision " + target + " didn't produce "
            + steps + " migrations");
      }
      int[] parents = graph.parents(current);
      if (parents.length > 1) {
        throw new InvalidTargetException("Ambiguous walk: " + target + " reaches the merge "
            + graph.revision(current).id() + "; name the revision to go to instead");
      }
      current = parents.length == 0 ? -1 : parents[0];
    }
    return current;
  }

  private int singleHead(List<Integer> heads, String target) {
    if (heads.size() != 1) {
      if (heads.isEmpty()) {
        throw new InvalidTargetException("Relative revision " + target
            + " needs a current revision, but the database is at base");
      }
      throw new InvalidTargetException("Ambiguous walk: the database is at several heads ("
          + describe(heads) + "); use label@" + target + " or rev" + target);
    }
    return heads.get(0);
  }

  private int singleHeadOfRegistry(String argument) {
    List<Integer> heads = headsOf(graph.registry().heads());
    if (heads.size() > 1) {
      throw multipleHeads(argument, heads);
    }
    if (heads.isEmpty()) {
      throw new InvalidTargetException("There are no revisions");
    }
    return heads.get(0);
  }

  private InvalidTargetException multipleHeads(String argument, List<Integer> heads) {
    return new InvalidTargetException("Multiple heads are present for given argument '"
        + argument + "'; " + describe(heads));
  }

  private BitSet labelled(String label) {
    if (!graph.labels().containsKey(label)) {
      throw new InvalidTargetException("No such branch '" + label + "'");
    }
    return graph.labelled(label);
  }

  private static List<Integer> headsOf(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::index).toList();
  }

  private String describe(List<Integer> indexes) {
    return indexes.stream().map(i -> graph.revision(i).id()).collect(Collectors.joining(", "));
  }
}

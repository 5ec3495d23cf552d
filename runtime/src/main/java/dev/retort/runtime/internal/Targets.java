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
 * {@code label@+N}, {@code label@-N}, {@code label@head-N}. Error wording follows Alembic's.
 */
public final class Targets {

  private static final Pattern RELATIVE =
      Pattern.compile("^(?:(?<label>[^@+\\-]+)@)?(?<from>[^@+\\-]*)(?<sign>[+-])(?<steps>\\d+)$");

  private final Graph graph;

  public Targets(Graph graph) {
    this.graph = graph;
  }

  public Graph graph() {
    return graph;
  }

  /**
   * The revisions an upgrade to {@code target} must reach. Empty for {@code base}.
   *
   * @param current the heads the database is at
   */
  public List<Integer> forUpgrade(String target, List<Integer> current) {
    if (stepsFromCurrent(target, "-")) {
      throw new InvalidTargetException("Relative revision " + target
          + " is a downgrade; use downgrade " + target);
    }
    return resolve(target, current);
  }

  /** Whether the target is {@code [label@]<sign>N}: relative to where the database is. */
  private static boolean stepsFromCurrent(String target, String sign) {
    Matcher relative = RELATIVE.matcher(target);
    return relative.matches() && relative.group("sign").equals(sign)
        && relative.group("from").isEmpty();
  }

  /** Whether the target can only be a downgrade's: {@code base}, {@code label@base}, {@code -N}. */
  public static boolean isDowngradeOnly(String target) {
    return target.equals("base") || target.endsWith("@base") || stepsFromCurrent(target, "-");
  }

  /** The applied revisions a downgrade to {@code target} removes. */
  public BitSet removedByDowngrade(String target, BitSet applied, List<Integer> current) {
    if (stepsFromCurrent(target, "+")) {
      throw new InvalidTargetException("Relative revision " + target
          + " is an upgrade; use upgrade " + target);
    }
    Matcher relative = RELATIVE.matcher(target);
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
    if (destinations.size() > 1) {
      throw new InvalidTargetException("Downgrade needs one destination; " + target + " names "
          + describe(destinations) + ".");
    }
    int destination = destinations.isEmpty() ? -1 : destinations.get(0);
    if (destination >= 0 && !applied.get(destination)) {
      throw new InvalidTargetException("Destination " + graph.revision(destination).id()
          + " is not a valid downgrade target from current head(s): it is not applied.");
    }
    String label = relative.matches() ? relative.group("label") : labelOf(target);
    return removedAbove(destination, label, applied, target);
  }

  /**
   * What a downgrade to {@code destination} (-1 for base) removes, as Alembic does: the
   * destination's children and everything that needs them, through parents or dependencies.
   * What depends on the destination itself stays, since the destination stays. With a label, a
   * fork's children are narrowed to those on the label's line, so a sibling branch stays too.
   */
  private BitSet removedAbove(int destination, String label, BitSet applied, String target) {
    List<Integer> roots = new ArrayList<>();
    if (destination < 0) {
      graph.registry().bases().forEach(base -> roots.add(base.index()));
    } else {
      for (int child : graph.children(destination)) {
        roots.add(child);
      }
    }
    if (label != null && roots.size() > 1) {
      BitSet line = graph.ancestorsThroughParents(declaring(label));
      roots.removeIf(root -> !line.get(root));
      if (roots.isEmpty()) {
        throw new InvalidTargetException(target + " is not a valid downgrade target from the"
            + " current heads: nothing above it is on branch '" + label + "'.");
      }
    }
    BitSet removed = graph.dependentsClosure(roots);
    roots.forEach(removed::set);
    removed.and(applied);
    return removed;
  }

  private static String labelOf(String target) {
    int at = target.indexOf('@');
    return at < 0 ? null : target.substring(0, at);
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
      int revision = relative(relative, target, current);
      return revision < 0 ? List.of() : List.of(revision);
    }
    int at = target.indexOf('@');
    if (at >= 0) {
      String label = target.substring(0, at);
      String rest = target.substring(at + 1);
      BitSet line = lineage(label);
      if (rest.equals("head") || rest.equals("heads")) {
        List<Integer> heads = new ArrayList<>();
        for (int head : headsOf(graph.registry().heads())) {
          if (line.get(head)) {
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
      return List.of(onBranch(lookUp(rest), label, line));
    }
    return List.of(lookUp(target));
  }

  private int onBranch(int revision, String label, BitSet line) {
    if (!line.get(revision)) {
      throw new InvalidTargetException("Revision " + graph.revision(revision).id()
          + " is not a member of branch '" + label + "'");
    }
    return revision;
  }

  /**
   * A full id, a unique prefix of one, or a branch label alone, which names the revision that
   * declares the label (as in Alembic; {@code label@head} names the branch's head).
   */
  public int lookUp(String reference) {
    Optional<RevisionInfo> exact = graph.registry().revision(reference);
    if (exact.isPresent()) {
      return exact.get().index();
    }
    Integer declaring = graph.labels().get(reference);
    if (declaring != null) {
      return declaring;
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

  /** The revision a relative target reaches, or -1 for base. */
  private int relative(Matcher relative, String target, List<Integer> current) {
    String label = relative.group("label");
    String from = relative.group("from");
    int steps = Integer.parseInt(relative.group("steps"));
    boolean forward = relative.group("sign").equals("+");
    BitSet line = label == null ? null : lineage(label);
    int start;
    if (from.equals("head")) {
      start = label == null
          ? singleHeadOfRegistry(target)
          : singleOf(resolve(label + "@head", current), target);
    } else if (!from.isEmpty()) {
      start = line == null ? lookUp(from) : onBranch(lookUp(from), label, line);
    } else if (line != null) {
      start = currentOnLine(current, line, target);
    } else if (current.isEmpty()) {
      start = -1;
    } else {
      start = singleHead(current, target);
    }
    return forward ? walkForward(start, steps, line, target) : walkBack(start, steps, target);
  }

  /**
   * Where the database stands on a label's line, as Alembic finds it: a current head on the
   * line, else the newest applied revisions on it (the branch has not started yet, say, and its
   * fork point is applied), else base.
   */
  private int currentOnLine(List<Integer> current, BitSet line, String target) {
    List<Integer> onLine = current.stream().filter(line::get).toList();
    if (onLine.isEmpty()) {
      BitSet active = graph.closure(current);
      active.and(line);
      onLine = graph.headsOf(active);
    }
    if (onLine.isEmpty()) {
      return -1;
    }
    if (onLine.size() > 1) {
      throw new InvalidTargetException("Ambiguous walk: the database is at several revisions on"
          + " that branch (" + describe(onLine) + "); name the revision to start from (rev"
          + target.substring(target.indexOf('@') + 1) + ")");
    }
    return onLine.get(0);
  }

  private int singleOf(List<Integer> revisions, String target) {
    if (revisions.isEmpty()) {
      throw new InvalidTargetException("Relative revision " + target + " has no head to start"
          + " from");
    }
    return revisions.get(0);
  }

  private int walkForward(int start, int steps, BitSet line, String target) {
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
      if (line != null) {
        next.removeIf(candidate -> !line.get(candidate));
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

  /** The revisions a branch label applies to (see {@link Graph#labelled}): for label@base. */
  private BitSet labelled(String label) {
    declaring(label);
    return graph.labelled(label);
  }

  /**
   * Every revision that shares a lineage with the one declaring the label: its ancestors and its
   * descendants through {@code revises}. This is Alembic's test for "is on branch L", used by
   * label@head, label@rev and the relative forms.
   */
  private BitSet lineage(String label) {
    int declaring = declaring(label);
    BitSet line = graph.ancestorsThroughParents(declaring);
    line.or(graph.descendantsThroughParents(declaring));
    return line;
  }

  private int declaring(String label) {
    Integer declaring = graph.labels().get(label);
    if (declaring == null) {
      throw new InvalidTargetException("No such branch '" + label + "'");
    }
    return declaring;
  }

  private static List<Integer> headsOf(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::index).toList();
  }

  private String describe(List<Integer> indexes) {
    return indexes.stream().map(i -> graph.revision(i).id()).collect(Collectors.joining(", "));
  }
}

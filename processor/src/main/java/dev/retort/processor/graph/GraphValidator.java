package dev.retort.processor.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs every graph check, so that one build reports every problem at once. The checks of the
 * graph's shape (heads, bases) run only on a graph without broken edges (a duplicate id, an
 * unknown parent, a cycle): a mistyped parent also leaves a stray head behind, and reporting that
 * consequence would bury the cause. A problem that breaks no edge, such as a message on two
 * lines, does not hide them.
 */
public final class GraphValidator {

  private final List<GraphCheck> checks;
  private final Set<GraphCheck> edgeChecks;
  private final List<GraphCheck> shapeChecks;

  /**
   * @param permissive whether several heads and bases are allowed (then they are warnings), as
   *     in Alembic
   * @param command the command the fixes name, such as {@code retort} or {@code
   *     scripts/db_migrate}
   */
  public GraphValidator(boolean permissive, String command) {
    GraphCheck duplicateIds = new DuplicateIdCheck(command);
    GraphCheck references = new ReferenceCheck();
    GraphCheck cycles = new CycleCheck();
    this.checks = List.of(
        new IdSyntaxCheck(command),
        duplicateIds,
        references,
        cycles,
        new BranchLabelCheck(),
        new MessageCheck(),
        new IrreversibleReasonCheck());
    this.edgeChecks = Set.of(duplicateIds, references, cycles);
    this.shapeChecks = List.of(
        new HeadsCheck(permissive, command), new BasesCheck(permissive, command));
  }

  public List<Problem> validate(RevisionGraph graph) {
    List<Problem> problems = new ArrayList<>();
    boolean edgesBroken = false;
    for (GraphCheck check : checks) {
      List<Problem> found = check.check(graph);
      problems.addAll(found);
      edgesBroken |= !found.isEmpty() && edgeChecks.contains(check);
    }
    if (!edgesBroken) {
      for (GraphCheck check : shapeChecks) {
        problems.addAll(check.check(graph));
      }
    }
    return problems;
  }
}

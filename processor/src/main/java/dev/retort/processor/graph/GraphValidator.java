package dev.retort.processor.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every graph check, so that one build reports every problem at once. The checks of the
 * graph's shape (heads, bases) run only on a graph without broken edges: a mistyped parent also
 * leaves a stray head behind, and reporting that consequence would bury the cause.
 */
public final class GraphValidator {

  private final List<GraphCheck> checks;
  private final List<GraphCheck> shapeChecks;

  /**
   * @param permissive whether several heads and bases are allowed (then they are warnings), as
   *     in Alembic
   * @param command the command the fixes name, such as {@code retort} or {@code
   *     scripts/db_migrate}
   */
  public GraphValidator(boolean permissive, String command) {
    this.checks = List.of(
        new IdSyntaxCheck(command),
        new DuplicateIdCheck(command),
        new ReferenceCheck(),
        new CycleCheck(),
        new BranchLabelCheck(),
        new MessageCheck(),
        new IrreversibleReasonCheck());
    this.shapeChecks = List.of(
        new HeadsCheck(permissive, command), new BasesCheck(permissive, command));
  }

  public List<Problem> validate(RevisionGraph graph) {
    List<Problem> problems = new ArrayList<>();
    for (GraphCheck check : checks) {
      problems.addAll(check.check(graph));
    }
    if (problems.isEmpty()) {
      for (GraphCheck check : shapeChecks) {
        problems.addAll(check.check(graph));
      }
    }
    return problems;
  }
}

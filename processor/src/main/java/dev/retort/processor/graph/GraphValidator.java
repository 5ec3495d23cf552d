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
   */
  public GraphValidator(boolean permissive) {
    this.checks = List.of(
        new IdSyntaxCheck(),
        new DuplicateIdCheck(),
        new ReferenceCheck(),
        new CycleCheck(),
        new BranchLabelCheck());
    this.shapeChecks = List.of(new HeadsCheck(permissive), new BasesCheck(permissive));
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

package dev.retort.review.lint;

import dev.retort.review.Dialects;
import dev.retort.review.schema.Change;
import dev.retort.review.schema.Names;
import dev.retort.review.schema.Schema;
import dev.retort.review.schema.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.Table;

/** One revision's statements as the rules see them, in the database under review. */
final class RevisionContext {

  private final Dialects dialect;
  private final boolean transactional;
  private final List<Step> steps;

  RevisionContext(Dialects dialect, boolean transactional, List<Step> steps) {
    this.dialect = dialect;
    this.transactional = transactional;
    this.steps = List.copyOf(steps);
  }

  Dialects dialect() {
    return dialect;
  }

  /** Whether the revision runs in one transaction ({@code @Revision(transactional = true)}). */
  boolean transactional() {
    return transactional;
  }

  List<Step> steps() {
    return steps;
  }

  /** The changes of one kind that each step made, with the step. */
  <C extends Change> Stream<Changed<C>> changes(Class<C> kind) {
    return steps.stream().flatMap(step -> step.changes().stream().filter(kind::isInstance)
        .map(change -> new Changed<>(step, kind.cast(change))));
  }

  /** A change and the step that made it. */
  record Changed<C extends Change>(Step step, C change) {}

  /**
   * The earlier statement of this revision that added the named constraint {@code NOT VALID} to
   * the table, if one did.
   */
  Optional<Step> addedNotValid(String table, String constraint, Step before) {
    for (Step step : steps) {
      if (step == before) {
        break;
      }
      boolean adds = step.changes().stream().anyMatch(change ->
          change instanceof Change.ConstraintAdded added && added.table().equals(table)
              && added.constraint().name().equals(constraint));
      if (adds && step.statement().notValid()) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }

  /** Whether a statement of this revision before {@code before} validated the constraint. */
  boolean validatedBefore(String table, String constraint, Step before) {
    for (Step step : steps) {
      if (step == before) {
        return false;
      }
      if (step.statement().form() instanceof Statement.Form.ValidateConstraint validate
          && validate.table().equals(table) && validate.constraint().equals(constraint)) {
        return true;
      }
    }
    return false;
  }

  /** The kind of the named constraint on a table of a schema: a foreign key, a check, or none. */
  static Optional<Change.ConstraintKind> constraintKind(Schema schema, String table,
      String constraint) {
    Optional<Table<?>> found = schema.table(table);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (found.get().getReferences().stream()
        .anyMatch(reference -> Names.key(reference.getUnqualifiedName()).equals(constraint))) {
      return Optional.of(Change.ConstraintKind.FOREIGN_KEY);
    }
    if (found.get().getChecks().stream()
        .anyMatch(check -> Names.key(check.getUnqualifiedName()).equals(constraint))) {
      return Optional.of(Change.ConstraintKind.CHECK);
    }
    return Optional.empty();
  }
}

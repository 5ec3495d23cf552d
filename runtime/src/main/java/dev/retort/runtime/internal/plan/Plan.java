package dev.retort.runtime.internal.plan;

import dev.retort.runtime.MigrationStep;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.messages.Messages;
import java.util.List;
import java.util.Optional;

/**
 * What a command will do, computed by the {@link Planner} before anything runs: the direction,
 * the steps in order, and how the version table changes with each. An online run executes it
 * step by step; {@code sql()} renders the same value.
 *
 * @param kind what the steps do
 * @param start the heads the database is at before the first step
 * @param steps the steps, in the order they run
 * @param purge for a stamp, whether the version table is emptied first
 */
public record Plan(Kind kind, List<String> start, List<Step> steps, boolean purge) {

  public Plan {
    start = List.copyOf(start);
    steps = List.copyOf(steps);
  }

  /** What a plan's steps do. */
  public enum Kind {
    /** Each step runs a revision's upgrade. */
    UPGRADE,
    /** Each step runs a revision's downgrade, newest first. */
    DOWNGRADE,
    /** Nothing runs: the version table is set, and each step records a stamped revision. */
    STAMP;

    /** {@code upgrade} or {@code downgrade}, as log lines and errors say it. */
    public String verb() {
      return this == DOWNGRADE ? "downgrade" : "upgrade";
    }

    /** The direction of a step that runs a revision. */
    public MigrationStep.Direction direction() {
      return this == DOWNGRADE ? MigrationStep.Direction.DOWN : MigrationStep.Direction.UP;
    }
  }

  /**
   * One step and the version table's change with it: {@code removed} heads are replaced by
   * {@code added} ones, pairwise by updates, the rest by deletes and inserts (Alembic's rule).
   *
   * @param revision the revision it runs or stamps; empty for a stamp that clears the table
   * @param from the heads before, in Alembic's notation, as the log line names them
   * @param to the heads after, likewise
   * @param after every head after the step, by id
   */
  public record Step(Optional<RevisionInfo> revision, List<String> removed, List<String> added,
      String from, String to, List<String> after) {

    public Step {
      removed = List.copyOf(removed);
      added = List.copyOf(added);
      after = List.copyOf(after);
    }

    /** The revision it runs; every step of an upgrade or a downgrade has one. */
    public RevisionInfo runs() {
      return revision.orElseThrow();
    }

    /** Alembic's log line: {@code Running upgrade a1 -> b1, Add email}. */
    public String describe(Kind kind) {
      return Messages.running(kind.verb(), from, to,
          revision.map(RevisionInfo::message).orElse(""));
    }
  }

  /** Whether no step runs or records anything. */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** The heads after the last step. */
  public List<String> end() {
    return steps.isEmpty() ? start : steps.get(steps.size() - 1).after();
  }

  /** The revisions the steps run, in order. */
  public List<RevisionInfo> revisions() {
    return steps.stream().flatMap(step -> step.revision().stream()).toList();
  }
}

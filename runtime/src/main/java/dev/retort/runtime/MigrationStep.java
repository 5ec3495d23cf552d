package dev.retort.runtime;

import dev.retort.runtime.messages.Messages;

/**
 * One revision that ran (or, offline, would run): which, in which direction, from which heads to
 * which, and how long it took.
 *
 * @param revision the revision
 * @param direction whether its upgrade or its downgrade ran
 * @param from the version-table heads the step replaced, in Alembic's notation ({@code <base>},
 *     {@code a}, {@code (a, b)})
 * @param to the heads it left, likewise
 * @param durationMillis how long the step took, 0 when nothing ran
 */
public record MigrationStep(
    RevisionInfo revision, Direction direction, String from, String to, long durationMillis) {

  /** What a step did. */
  public enum Direction {
    /** The revision's upgrade ran. */
    UP("upgrade"),
    /** The revision's downgrade ran. */
    DOWN("downgrade");

    private final String verb;

    Direction(String verb) {
      this.verb = verb;
    }

    /** {@code upgrade} or {@code downgrade}, as the log line says it. */
    public String verb() {
      return verb;
    }
  }

  /** Alembic's log line: {@code Running upgrade 1975ea83b712 -> ae1027a6acf, Add a column}. */
  public String describe() {
    return Messages.running(direction.verb(), from, to, revision.message());
  }
}

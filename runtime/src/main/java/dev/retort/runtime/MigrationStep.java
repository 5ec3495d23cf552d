package dev.retort.runtime;

/**
 * One revision that ran (or, offline, would run): which, in which direction, from which heads to
 * which, and how long it took.
 *
 * @param from the version-table heads the step replaced, in Alembic's notation ({@code <base>},
 *     {@code a}, {@code (a, b)})
 * @param durationMillis how long the step took, 0 when nothing ran
 */
public record MigrationStep(
    RevisionInfo revision, Direction direction, String from, String to, long durationMillis) {

  /** What a step did. */
  public enum Direction {
    UP("upgrade"),
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
    String message = revision.message().isEmpty() ? "" : ", " + revision.message();
    return "Running " + direction.verb() + " " + from + " -> " + to + message;
  }
}

package dev.retort.runtime.internal.graph;

import dev.retort.runtime.InvalidTargetException;
import dev.retort.runtime.messages.Messages;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target in Alembic's grammar, parsed once: what {@code upgrade}, {@code downgrade}, {@code
 * stamp}, {@code show}, {@code history} and {@code sql} take. The branch before an {@code @} is a
 * branch label or a revision (an id or unique prefix), which stands for the branch that holds it.
 *
 * <pre>
 * base | heads | head | current                 symbols
 * BRANCH@base | BRANCH@head | BRANCH@heads       of one branch
 * REV | BRANCH@REV                                an id, a unique prefix, or a label alone
 * [BRANCH@][ANCHOR](+|-)N                         relative; ANCHOR: head, base, a revision,
 *                                                 or none for where the database is
 * </pre>
 */
public sealed interface Target {

  /** The target as written. */
  String text();

  /** The branch before the {@code @}, if any. */
  Optional<String> branch();

  /** {@code base}, or {@code BRANCH@base}: no revision, or none of that branch. */
  record Base(String text, Optional<String> branch) implements Target {}

  /** {@code head}, or {@code BRANCH@head}: the single head (of the branch). */
  record Head(String text, Optional<String> branch) implements Target {}

  /** {@code heads}, or {@code BRANCH@heads}: every head (of the branch). */
  record Heads(String text, Optional<String> branch) implements Target {}

  /** {@code current}: the revisions the database is at. */
  record Current(String text) implements Target {
    @Override
    public Optional<String> branch() {
      return Optional.empty();
    }
  }

  /**
   * A full id, a unique prefix of one, or a branch label alone (the revision that declares it);
   * with a branch, a member of that branch, a prefix unique among its members.
   */
  record Revision(String text, Optional<String> branch, String reference) implements Target {}

  /**
   * {@code steps} from an anchor: up for a positive number, down for a negative one.
   *
   * @param reference the revision the walk starts from, for {@link Anchor#REVISION}
   */
  record Relative(String text, Optional<String> branch, Anchor anchor, Optional<String> reference,
      int steps) implements Target {

    /** Whether it walks from where the database is. */
    public boolean fromCurrent() {
      return anchor == Anchor.CURRENT;
    }
  }

  /** Where a relative walk starts. */
  enum Anchor {
    /** Where the database is ({@code +1}, {@code label@-2}). */
    CURRENT,
    /** The head ({@code head-1}, {@code label@head-1}). */
    HEAD,
    /** Base ({@code base+1}, {@code label@base+2}). */
    BASE,
    /** A revision ({@code ae10+2}, {@code label@ae10-1}). */
    REVISION
  }

  /** {@code [BRANCH@][ANCHOR](+|-)N}, Alembic's relative destination. */
  Pattern RELATIVE =
      Pattern.compile("(?:(?<branch>[^@]+)@)?(?<anchor>[^@+\\-]*)(?<sign>[+-])(?<steps>\\d+)");

  /**
   * Parses a target.
   *
   * @throws InvalidTargetException if a relative step count does not fit an int
   */
  static Target parse(String text) {
    switch (text) {
      case "base":
        return new Base(text, Optional.empty());
      case "head":
        return new Head(text, Optional.empty());
      case "heads":
        return new Heads(text, Optional.empty());
      case "current":
        return new Current(text);
      default:
        break;
    }
    Matcher relative = RELATIVE.matcher(text);
    if (relative.matches()) {
      Optional<String> branch = Optional.ofNullable(relative.group("branch"));
      String anchor = relative.group("anchor");
      int steps;
      try {
        steps = Integer.parseInt(relative.group("steps"));
      } catch (NumberFormatException tooLarge) {
        throw new InvalidTargetException(Messages.tooManySteps(text));
      }
      if (relative.group("sign").equals("-")) {
        steps = -steps;
      }
      return switch (anchor) {
        case "" -> new Relative(text, branch, Anchor.CURRENT, Optional.empty(), steps);
        case "head" -> new Relative(text, branch, Anchor.HEAD, Optional.empty(), steps);
        case "base" -> new Relative(text, branch, Anchor.BASE, Optional.empty(), steps);
        default -> new Relative(text, branch, Anchor.REVISION, Optional.of(anchor), steps);
      };
    }
    int at = text.indexOf('@');
    if (at < 0) {
      return new Revision(text, Optional.empty(), text);
    }
    Optional<String> branch = Optional.of(text.substring(0, at));
    String rest = text.substring(at + 1);
    return switch (rest) {
      case "base" -> new Base(text, branch);
      case "head" -> new Head(text, branch);
      case "heads" -> new Heads(text, branch);
      default -> new Revision(text, branch, rest);
    };
  }

  /**
   * Whether a target can only be a downgrade's: {@code base}, {@code BRANCH@base}, or steps down
   * from where the database is.
   */
  default boolean downgradeOnly() {
    return this instanceof Base
        || this instanceof Relative walk && walk.fromCurrent() && walk.steps() < 0;
  }

  /** Whether resolving the target reads where the database is. */
  default boolean needsCurrent() {
    return this instanceof Current || this instanceof Relative walk && walk.fromCurrent();
  }
}

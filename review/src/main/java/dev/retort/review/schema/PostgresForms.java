package dev.retort.review.schema;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL syntax that makes a schema change safe, and that jOOQ 3.19's parser cannot read:
 * {@code CREATE | DROP INDEX CONCURRENTLY}, {@code ADD CONSTRAINT ... NOT VALID}, {@code VALIDATE
 * CONSTRAINT}, {@code ADD CONSTRAINT ... USING INDEX} and {@code ALTER COLUMN ... TYPE ... USING}.
 * These are exactly the forms the linter's fixes name, so it must read them: an option is taken
 * off (and remembered) so that jOOQ can parse the rest, and the two statements jOOQ has no model
 * for are read here whole. Only a statement's start and end are matched, never its middle, so a
 * string literal cannot fool it.
 */
final class PostgresForms {

  private static final String IDENTIFIER = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
  private static final String NAME = IDENTIFIER + "(?:\\s*\\.\\s*" + IDENTIFIER + ")*";
  private static final String TABLE_START =
      "^\\s*alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?(" + NAME + ")\\s+";

  private static final Pattern CONCURRENT_INDEX = Pattern.compile(
      "^(\\s*(?:create\\s+(?:unique\\s+)?|drop\\s+)index\\s+)concurrently\\s+",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_VALID = Pattern.compile(
      "^(\\s*alter\\s+table\\s.*\\sadd\\s.*?)\\s+not\\s+valid\\s*;?\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern VALIDATE = Pattern.compile(
      TABLE_START + "validate\\s+constraint\\s+(" + IDENTIFIER + ")\\s*;?\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern USING_INDEX = Pattern.compile(
      TABLE_START + "add\\s+(?:constraint\\s+(" + IDENTIFIER + ")\\s+)?(unique|primary\\s+key)"
          + "\\s+using\\s+index\\s+(" + IDENTIFIER + ")"
          + "(?:\\s+(?:deferrable|not\\s+deferrable|initially\\s+deferred|initially\\s+immediate))*"
          + "\\s*;?\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern INDEX_HEADER = Pattern.compile(
      "^\\s*create\\s+(unique\\s+)?index\\s+(concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?(?:("
          + IDENTIFIER + ")\\s+)?on\\s+(?:only\\s+)?(" + NAME + ")[\\s(]",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TYPE_USING = Pattern.compile(
      "^(\\s*alter\\s+table\\s.*\\salter\\s+(?:column\\s+)?" + IDENTIFIER
          + "\\s+(?:set\\s+data\\s+)?type\\s+.+?)\\s+using\\s+.+$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private PostgresForms() {}

  /** The SQL with its PostgreSQL options taken off, and which ones it had. */
  record Stripped(String sql, boolean concurrently, boolean notValid, boolean usingExpression) {}

  static Stripped strip(String sql) {
    String rest = sql;
    boolean concurrently = false;
    boolean notValid = false;
    boolean using = false;
    Matcher concurrent = CONCURRENT_INDEX.matcher(rest);
    if (concurrent.find()) {
      rest = concurrent.group(1) + rest.substring(concurrent.end());
      concurrently = true;
    }
    Matcher invalid = NOT_VALID.matcher(rest);
    if (invalid.matches()) {
      rest = invalid.group(1);
      notValid = true;
    }
    Matcher typeUsing = TYPE_USING.matcher(rest);
    if (typeUsing.matches()) {
      rest = typeUsing.group(1);
      using = true;
    }
    return new Stripped(rest, concurrently, notValid, using);
  }

  /** {@code ALTER TABLE t VALIDATE CONSTRAINT c}, or null. */
  static Statement.Form.ValidateConstraint validate(String sql) {
    Matcher matcher = VALIDATE.matcher(sql);
    return matcher.matches()
        ? new Statement.Form.ValidateConstraint(name(matcher.group(1)), name(matcher.group(2)))
        : null;
  }

  /** {@code ALTER TABLE t ADD CONSTRAINT c UNIQUE | PRIMARY KEY USING INDEX i}, or null. */
  static Statement.Form.ConstraintUsingIndex usingIndex(String sql) {
    Matcher matcher = USING_INDEX.matcher(sql);
    if (!matcher.matches()) {
      return null;
    }
    String index = name(matcher.group(4));
    // Without a constraint name, PostgreSQL names the constraint after the index.
    String constraint = matcher.group(2) == null ? index : name(matcher.group(2));
    return new Statement.Form.ConstraintUsingIndex(name(matcher.group(1)), constraint,
        matcher.group(3).toLowerCase(Locale.ROOT).startsWith("primary"), index);
  }

  /**
   * The start of a {@code CREATE INDEX} whose rest jOOQ cannot parse (an access method such as
   * {@code USING gin}, an operator class), or null: enough to judge how it locks the table.
   */
  static Statement.Form.UnparsedIndex indexHeader(String sql) {
    Matcher matcher = INDEX_HEADER.matcher(sql);
    if (!matcher.find()) {
      return null;
    }
    return new Statement.Form.UnparsedIndex(name(matcher.group(4)),
        matcher.group(3) == null ? "" : name(matcher.group(3)), matcher.group(1) != null);
  }

  /** A written name as {@link Names} keys it: each part unquoted, the parts joined by dots. */
  static String name(String written) {
    StringBuilder key = new StringBuilder();
    // Split at the dots outside quotes.
    for (String part : written.split("\\s*\\.\\s*(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
      if (key.length() > 0) {
        key.append('.');
      }
      key.append(part.startsWith("\"")
          ? part.substring(1, part.length() - 1).replace("\"\"", "\"")
          : part);
    }
    return Names.fold(key.toString());
  }
}

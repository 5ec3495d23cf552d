package dev.retort.review.schema;

import java.util.Optional;
import org.jooq.Query;

/**
 * One statement of a revision's upgrade, as the linter reads it: the SQL it runs, what kind of
 * statement it is, the jOOQ query model where there is one, and the PostgreSQL options that
 * jOOQ's model has no place for ({@code CONCURRENTLY}, {@code NOT VALID}, {@code USING}).
 *
 * @param number the statement's position in the upgrade, from 1
 * @param sql the statement as the revision runs it in the dialect under review
 * @param kind what the statement does
 * @param query the statement in jOOQ's query object model; null when it could not be read, and
 *     for the forms jOOQ does not model ({@link Form.ValidateConstraint}, {@link
 *     Form.ConstraintUsingIndex})
 * @param form how to read the statement beyond its query
 * @param concurrently whether a {@code CREATE} or {@code DROP INDEX} says {@code CONCURRENTLY}
 * @param notValid whether an added constraint says {@code NOT VALID}
 * @param convertsWithUsing whether a type change says {@code USING expression}, which rewrites
 *     the column's values whatever the types
 */
public record Statement(
    int number,
    String sql,
    Kind kind,
    Query query,
    Form form,
    boolean concurrently,
    boolean notValid,
    boolean convertsWithUsing) {

  /** What a statement does, as far as the linter is concerned. */
  public enum Kind {
    /** Changes the schema: {@code CREATE}, {@code ALTER}, {@code DROP}, {@code COMMENT}. */
    DDL,
    /** Changes rows: {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}. */
    DATA,
    /** Anything else the parser read: {@code SET lock_timeout}, a session setting. */
    OTHER,
    /** A statement neither jOOQ's parser nor the linter could read. */
    UNREADABLE
  }

  /** The PostgreSQL forms that jOOQ 3.19 cannot parse, and that the linter reads itself. */
  public sealed interface Form {

    /** A statement read by jOOQ, with any of the options above taken off first. */
    record Plain() implements Form {}

    /** {@code ALTER TABLE table VALIDATE CONSTRAINT name}. */
    record ValidateConstraint(String table, String constraint) implements Form {}

    /**
     * {@code ALTER TABLE table ADD CONSTRAINT name UNIQUE | PRIMARY KEY USING INDEX index}: the
     * constraint takes over an index built before, so nothing is built under the lock.
     */
    record ConstraintUsingIndex(String table, String constraint, boolean primaryKey,
        String index) implements Form {}

    /**
     * A {@code CREATE INDEX} on {@code table} whose rest jOOQ cannot parse ({@code USING gin}):
     * the rules that judge how it locks the table still see it; the schema does not.
     */
    record UnparsedIndex(String table, String index, boolean unique) implements Form {}

    /** A statement that could not be read, and why. */
    record Unreadable(String reason) implements Form {}
  }

  /** The query, when the statement has one. */
  public Optional<Query> queryModel() {
    return Optional.ofNullable(query);
  }

  /** The SQL on one line, without a trailing semicolon, for messages. */
  public String oneLine() {
    String line = sql.strip().replaceAll("\\s+", " ");
    return line.endsWith(";") ? line.substring(0, line.length() - 1) : line;
  }
}

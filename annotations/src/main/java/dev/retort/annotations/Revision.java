package dev.retort.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a class as one revision of the database schema: a node in the revision graph that
 * Retort's annotation processor validates at compile time and lists in the generated registry.
 *
 * <p>The annotated class must be a public, concrete, top-level (or static nested) class with a
 * public no-argument constructor that implements {@code dev.retort.runtime.Migration}. It is the
 * Java form of one Alembic script in {@code versions/}:
 *
 * <pre>{@code
 * @Revision(id = "abc123def456", revises = "9f2d1c0b7a61",
 *           message = "Add email_verified column to users")
 * public final class AddEmailVerifiedColumnToUsers implements Migration {
 *   public void upgrade(DSLContext db) {
 *     db.alterTable("users").addColumn("email_verified", SQLDataType.BOOLEAN).execute();
 *   }
 *   public void downgrade(DSLContext db) {
 *     db.alterTable("users").dropColumn("email_verified").execute();
 *   }
 * }
 * }</pre>
 *
 * <p>The registry records a checksum of each migration, so that a run can tell when an applied
 * migration was edited since. It covers the class's source file (comments, formatting and line
 * endings ignored) without this annotation, plus {@link #transactional()}: running an applied
 * migration outside a transaction changes what it does. {@link #message()} and
 * {@link #branchLabels()} are not part of it, since they only describe and name the revision, and
 * neither are {@link #id()}, {@link #revises()} and {@link #dependsOn()}, since they place it in
 * the graph that every build checks.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Revision {

  /**
   * The revision's identifier, the string recorded in the database once the revision is applied.
   * Alembic's {@code revision}.
   *
   * <p>At most 32 characters, without whitespace and without {@code @ - + :} (they are target
   * syntax, as in {@code label@head} or {@code abc123+2}); not one of the words {@code head},
   * {@code heads}, {@code base} or {@code current}. {@code retort create} generates twelve
   * hexadecimal digits.
   */
  String id();

  /**
   * The ids of the revisions this one follows. Empty for a base of the graph (the first revision
   * of a history or of an independent branch); two or more for a merge revision, which joins
   * branches back into one head. Alembic's {@code down_revision}.
   */
  String[] revises() default {};

  /**
   * A one-line description shown by {@code history}, {@code show} and in the audit trail.
   * Alembic's message (the docstring's first line and the {@code -m} of {@code revision}).
   * Not part of the checksum: correcting it is not editing the migration.
   *
   * <p>At most 512 characters (the history table's column), without line breaks or control
   * characters: the processor rejects anything else ({@code [Retort/InvalidMessage]}).
   */
  String message() default "";

  /**
   * Names for the branch that starts at (or passes through) this revision, usable in targets
   * such as {@code billing@head}. A label must be unique and must differ from every revision id.
   * Several heads, or several bases, are allowed when all but one of them (the trunk, which may
   * stay unlabelled) start distinct labelled branches. Alembic's {@code branch_labels}.
   */
  String[] branchLabels() default {};

  /**
   * Ids of revisions on other branches that must be applied before this one, without becoming
   * its parents: upgrading to this revision applies them too, and downgrading one of them first
   * removes this revision. Alembic's {@code depends_on}.
   */
  String[] dependsOn() default {};

  /**
   * Whether the revision and the record of it run in one database transaction (the default).
   * Set to {@code false} for statements a database refuses inside a transaction, such as
   * PostgreSQL's {@code CREATE INDEX CONCURRENTLY}. Alembic's {@code transaction_per_migration}
   * and {@code autocommit_block()}, made a property of the revision.
   *
   * <p>Part of the checksum: setting it to {@code false} on an applied revision counts as editing
   * it.
   */
  boolean transactional() default true;
}

/**
 * The linter's corpus: a project's migrations, compiled by javac with Retort's processor into the
 * registry {@code Revisions}. {@link dev.retort.review.corpus.Shop} creates two tables that exist
 * in production; every other revision starts a labelled branch from it, so each is judged against
 * the same schema: one that breaks a rule, and near misses that must not (the same change on a
 * table created in the same revision, and the safe form the rule's fix names). {@link
 * dev.retort.review.corpus.Expect} on each says what the linter must find.
 */
package dev.retort.review.corpus;

/**
 * The linter: one class per rule, each judging what a revision's statements change in the schema
 * before it, and the dialect facts they share. Used by {@link dev.retort.review.Review}; the
 * classes here are public for the review module's own packages, not an API of their own.
 */
package dev.retort.review.lint;

/**
 * Code review of migrations: {@link dev.retort.review.Review} renders each revision's SQL in a
 * dialect, computes the schema change it makes, and lints it, without a database; {@link
 * dev.retort.review.ReviewReport} holds the result and renders it for a terminal, a build log
 * or a pull request.
 */
package dev.retort.review;

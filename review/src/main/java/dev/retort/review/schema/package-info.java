/**
 * The schema model the linter judges against: statements read from SQL or jOOQ queries
 * (PostgreSQL's safe forms included), applied with jOOQ's DDL interpreter, and the changes between
 * two schemas. Public for the review module's own packages, not an API of their own.
 */
package dev.retort.review.schema;

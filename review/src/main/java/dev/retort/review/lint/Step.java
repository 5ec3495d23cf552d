package dev.retort.review.lint;

import dev.retort.review.schema.Change;
import dev.retort.review.schema.Schema;
import dev.retort.review.schema.Statement;
import java.util.List;
import java.util.Set;

/**
 * One statement of a revision, with what it did to the schema.
 *
 * @param before the schema before the statement
 * @param changes what the statement changed; empty for data changes, and for a statement the
 *     interpreter could not model
 * @param existingTables the tables, as named before the statement, that existed before the
 *     revision began (renames within the revision followed)
 * @param existingColumns the columns ({@code table.column}) of those tables that existed before
 *     the revision began
 */
record Step(Statement statement, Schema before, List<Change> changes, Set<String> existingTables,
    Set<String> existingColumns) {

  boolean existing(String table) {
    return existingTables.contains(table);
  }

  boolean existing(String table, String column) {
    return existingColumns.contains(table + "." + column);
  }
}

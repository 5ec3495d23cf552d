package dev.retort.review;

import dev.retort.runtime.RevisionInfo;
import java.util.List;

/**
 * What one revision will do, for its reviewer.
 *
 * @param revision the revision: id, message, parents, class
 * @param sql the statements its upgrade runs in the dialect under review, in order, each on one
 *     line; for a migration that reads data, those before the read
 * @param schemaChange what it changes in the schema, one line per table, column, key and index
 *     added ({@code +}), removed ({@code -}) or changed ({@code ~}), as jOOQ's DDL interpreter
 *     computes it without a database
 * @param findings what breaks a lint rule and is not excused
 * @param excused what breaks a lint rule and an {@code @Allow} on the revision excuses
 * @param notes what the linter could not check, and excuses that excuse nothing; never a pass in
 *     disguise
 */
public record RevisionReview(RevisionInfo revision, List<String> sql, List<String> schemaChange,
    List<Finding> findings, List<Excused> excused, List<String> notes) {

  public RevisionReview {
    sql = List.copyOf(sql);
    schemaChange = List.copyOf(schemaChange);
    findings = List.copyOf(findings);
    excused = List.copyOf(excused);
    notes = List.copyOf(notes);
  }
}

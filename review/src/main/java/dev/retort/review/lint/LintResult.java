package dev.retort.review.lint;

import dev.retort.review.Excused;
import dev.retort.review.Finding;
import dev.retort.review.schema.Change;
import dev.retort.review.schema.Schema;
import java.util.List;

/**
 * What the linter made of one revision.
 *
 * @param findings what breaks a rule and is not excused
 * @param excused what breaks a rule and is excused, with the reason
 * @param notes what could not be checked, and excuses that excuse nothing
 * @param schemaChange the revision's change to the schema, as the DDL interpreter models it
 * @param after the schema after the revision
 */
public record LintResult(List<Finding> findings, List<Excused> excused, List<String> notes,
    List<Change> schemaChange, Schema after) {}

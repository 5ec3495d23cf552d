package dev.retort.runtime.internal.proofs;

import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionProofs.Failed;
import dev.retort.runtime.RevisionProofs.Passed;
import dev.retort.runtime.RevisionProofs.Proof;
import dev.retort.runtime.SchemaSnapshot;
import java.util.List;
import org.jooq.Meta;

/** The end of every proof: two schemas compared, passed when they agree. */
final class Comparison {

  private Comparison() {}

  /**
   * Passed when the schema is the expected one; else failed with the explanation and the
   * difference, a line per table, column, key or index.
   */
  static Proof compare(String name, RevisionInfo revision, SchemaSnapshot expected, Meta actual,
      String explanation) {
    SchemaSnapshot snapshot;
    try {
      snapshot = SchemaSnapshot.of(actual);
    } catch (RuntimeException failed) {
      return new Failed(name, revision, failed.getMessage());
    }
    List<String> difference = expected.differenceTo(snapshot);
    return difference.isEmpty()
        ? new Passed(name, revision)
        : new Failed(name, revision, explanation + "\n" + String.join("\n", difference));
  }
}

package dev.retort.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionProofs;
import dev.retort.runtime.RevisionProofs.Proof;
import dev.retort.runtime.RevisionRegistry;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/** The proofs of {@link RevisionProofs} as one test each: failed, passed or skipped with why. */
final class DatabaseFreeChecks {

  private DatabaseFreeChecks() {}

  static Stream<DynamicTest> downgradeUndoesUpgrade(RevisionRegistry registry,
      SQLDialect dialect, RetortSettings settings) {
    return tests(RevisionProofs.of(registry, dialect, settings).downgradeUndoesUpgrade());
  }

  static Stream<DynamicTest> mergesCommute(RevisionRegistry registry, SQLDialect dialect,
      RetortSettings settings) {
    List<Proof> proofs = RevisionProofs.of(registry, dialect, settings).mergesCommute();
    if (proofs.isEmpty()) {
      return Stream.of(DynamicTest.dynamicTest("no merge revisions", () ->
          Assumptions.abort("the history has no merge, so there is nothing to prove")));
    }
    return tests(proofs);
  }

  private static Stream<DynamicTest> tests(List<Proof> proofs) {
    return proofs.stream().map(proof -> DynamicTest.dynamicTest(Names.of(proof.revision()), () -> {
      switch (proof.outcome()) {
        case FAILED -> fail(Names.of(proof.revision()) + ": " + proof.detail());
        case SKIPPED -> Assumptions.abort("not proven: " + proof.detail());
        default -> { }
      }
    }));
  }
}

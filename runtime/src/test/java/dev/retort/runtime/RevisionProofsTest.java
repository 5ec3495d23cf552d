package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.runtime.RevisionProofs.Outcome;
import dev.retort.runtime.RevisionProofs.Proof;
import java.util.List;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/** What the DDL interpreter proves without a database, and what it reports as skipped. */
class RevisionProofsTest {

  private static Proof proof(List<Proof> proofs, String id) {
    return proofs.stream().filter(p -> p.revision().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void downgradesThatUndoTheirUpgrade_pass() {
    TestRegistry registry = TestRegistry.chain(3).build();

    List<Proof> proofs = RevisionProofs.of(registry, SQLDialect.H2).downgradeUndoesUpgrade();

    assertThat(proofs.stream().map(Proof::outcome).toList())
        .containsExactly(Outcome.PASSED, Outcome.PASSED, Outcome.PASSED);
  }

  @Test
  void aDowngradeThatLeavesATableBehind_failsWithTheSchemaDifference() {
    TestRegistry.Builder chain = TestRegistry.chain(3);
    chain.edit("r0002").downgrade(db -> { });

    Proof proof = proof(RevisionProofs.of(chain.build(), SQLDialect.H2).downgradeUndoesUpgrade(),
        "r0002");

    assertThat(proof.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(proof.detail()).contains("+ table t_r0002");
    assertThat(proof.detail()).contains("+ column t_r0002.id");
  }

  @Test
  void aDataMigration_isSkippedWithTheReason_notPassed_andTheRevisionsAfterItAreStillProven() {
    TestRegistry.Builder chain = TestRegistry.chain(2);
    chain.revision("r0003", "r0002").upgrade(db -> db.execute("insert into t_r0001 values (1)"))
        .downgrade(db -> db.execute("delete from t_r0001"));
    chain.revision("r0004", "r0003");

    List<Proof> proofs = RevisionProofs.of(chain.build(), SQLDialect.H2).downgradeUndoesUpgrade();

    assertThat(proof(proofs, "r0003").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof(proofs, "r0003").detail()).contains("it changes data");
    // Data leaves the schema as it is, so the revisions after it are still proven.
    assertThat(proof(proofs, "r0004").outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void branchesThatChangeTheSameColumnDifferently_failTheMergeProof() {
    TestRegistry registry = TestRegistry.builder()
        .revision("a1")
        .revision("b1", "a1").upgrade(db -> db.execute("alter table t_a1 alter column id set"
            + " data type bigint")).downgrade(db -> { })
        .revision("c1", "a1").upgrade(db -> db.execute("alter table t_a1 alter column id set"
            + " data type smallint")).downgrade(db -> { })
        .revision("m1", "b1", "c1").upgrade(db -> { }).downgrade(db -> { })
        .build();

    Proof merge = proof(RevisionProofs.of(registry, SQLDialect.H2).mergesCommute(), "m1");

    assertThat(merge.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(merge.detail()).contains("column t_a1.id bigint");
    assertThat(merge.detail()).contains("column t_a1.id smallint");
  }

  @Test
  void branchesThatTouchDifferentTables_passTheMergeProof() {
    TestRegistry registry = TestRegistry.builder()
        .revision("a1").revision("b1", "a1").revision("c1", "a1")
        .revision("m1", "b1", "c1").upgrade(db -> { }).downgrade(db -> { })
        .build();

    Proof merge = proof(RevisionProofs.of(registry, SQLDialect.H2).mergesCommute(), "m1");

    assertThat(merge.outcome()).isEqualTo(Outcome.PASSED);
  }
}

package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.runtime.RevisionProofs.Outcome;
import dev.retort.runtime.RevisionProofs.Proof;
import dev.retort.runtime.messages.Messages;
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
    assertThat(proof(proofs, "r0003").detail()).isEqualTo(Messages.changesDataProof());
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

  /** A PostgreSQL enum and a table using it; the downgrade drops both. */
  private static TestRegistry.Builder withAnEnumType(String downgrade) {
    TestRegistry.Builder chain = TestRegistry.chain(1);
    chain.revision("r0002", "r0001").upgrade(db -> {
      db.execute("create type mood as enum ('sad', 'ok', 'happy')");
      db.execute("create table person (id int primary key, current_mood mood)");
    }).downgrade(db -> {
      for (String statement : downgrade.split(";")) {
        db.execute(statement.strip());
      }
    });
    chain.revision("r0003", "r0002");
    return chain;
  }

  @Test
  void anEnumType_isSkippedNamingTheStatement_andTheRevisionsAfterItAreStillProven() {
    TestRegistry registry = withAnEnumType("drop table person; drop type mood").build();

    List<Proof> proofs = RevisionProofs.of(registry, SQLDialect.POSTGRES)
        .downgradeUndoesUpgrade();

    Proof enumType = proof(proofs, "r0002");
    assertThat(enumType.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(enumType.detail()).contains("'create type mood as enum ('sad', 'ok', 'happy')'");
    assertThat(enumType.detail()).contains("'drop type mood'");
    assertThat(enumType.detail()).isEqualTo(Messages.partlyProven(List.of(
        "create type mood as enum ('sad', 'ok', 'happy')", "drop type mood")));
    assertThat(proof(proofs, "r0001").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(proof(proofs, "r0003").outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void anEnumTypeRevisionWhoseDowngradeLeavesItsTableBehind_stillFails() {
    TestRegistry registry = withAnEnumType("drop type mood").build();

    Proof proof = proof(RevisionProofs.of(registry, SQLDialect.POSTGRES)
        .downgradeUndoesUpgrade(), "r0002");

    assertThat(proof.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(proof.detail()).contains("+ table person");
  }

  @Test
  void functionsTriggersRolesAndGrants_areLeftOutOfTheModel_andTheRevisionIsSkipped() {
    TestRegistry.Builder chain = TestRegistry.chain(1);
    chain.revision("r0002", "r0001").upgrade(db -> {
      db.execute("create role reporting");
      db.execute("create or replace function touch() returns trigger language plpgsql as"
          + " $$ begin return new; end $$");
      db.execute("create trigger touch_t before update on t_r0001 for each row execute"
          + " function touch()");
      db.execute("grant select on t_r0001 to reporting");
    }).downgrade(db -> {
      db.execute("revoke select on t_r0001 from reporting");
      db.execute("drop trigger touch_t on t_r0001");
      db.execute("drop function touch()");
      db.execute("drop role reporting");
    });
    chain.revision("r0003", "r0002");

    List<Proof> proofs = RevisionProofs.of(chain.build(), SQLDialect.POSTGRES)
        .downgradeUndoesUpgrade();

    assertThat(proof(proofs, "r0002").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof(proofs, "r0002").detail()).contains("'grant select on t_r0001 to"
        + " reporting'");
    assertThat(proof(proofs, "r0002").detail()).contains("'drop function touch()'");
    assertThat(proof(proofs, "r0002").detail()).contains("'create role reporting'");
    assertThat(proof(proofs, "r0003").outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void aStatementTheInterpreterCannotApplyToATable_skipsTheRevisionsThatDescendFromIt_only() {
    TestRegistry registry = TestRegistry.builder()
        .revision("a1")
        .revision("b1", "a1").upgrade(db -> {
          db.execute("create index t_a1_id on t_a1 (id)");
          db.execute("alter table t_a1 rename index t_a1_id to t_a1_by_id");
        }).downgrade(db -> db.execute("drop index t_a1_by_id"))
        .revision("b2", "b1")
        .revision("c1", "a1")
        .build();

    List<Proof> proofs = RevisionProofs.of(registry, SQLDialect.H2).downgradeUndoesUpgrade();

    assertThat(proof(proofs, "b1").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof(proofs, "b1").detail()).startsWith(Messages.runsUnmodelled("its upgrade",
        "alter table t_a1 rename index t_a1_id to t_a1_by_id", "").split(" \\(")[0]);
    assertThat(proof(proofs, "b2").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof(proofs, "b2").detail())
        .isEqualTo(Messages.unknownBefore(Messages.notModelledSince("b1")));
    // c1 is on another branch: b1's schema is not its starting point.
    assertThat(proof(proofs, "c1").outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void aMigrationThatReadsData_isSkipped_andSoAreTheRevisionsAfterIt() {
    TestRegistry.Builder chain = TestRegistry.chain(1);
    chain.revision("r0002", "r0001").upgrade(db -> db.fetch("select id from t_r0001"));
    chain.revision("r0003", "r0002");

    List<Proof> proofs = RevisionProofs.of(chain.build(), SQLDialect.H2).downgradeUndoesUpgrade();

    assertThat(proof(proofs, "r0002").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof(proofs, "r0002").detail())
        .isEqualTo(Messages.readsDataProof());
    assertThat(proof(proofs, "r0003").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof(proofs, "r0003").detail())
        .isEqualTo(Messages.unknownBefore(Messages.notModelledSince("r0002")));
  }

  @Test
  void aStatementTheParserCannotRead_isSkippedQuotingIt() {
    TestRegistry.Builder chain = TestRegistry.chain(1);
    chain.revision("r0002", "r0001").upgrade(db -> db.execute("create table events (id int)"
        + " partition by range (id)"));

    Proof proof = proof(RevisionProofs.of(chain.build(), SQLDialect.POSTGRES)
        .downgradeUndoesUpgrade(), "r0002");

    assertThat(proof.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof.detail()).startsWith(Messages.unreadableProof(
        "create table events (id int) partition by range (id)", ""));
  }

  @Test
  void aStatementThatIsNotDdl_isSkippedNamingItsVerb() {
    TestRegistry.Builder chain = TestRegistry.chain(1);
    chain.revision("r0002", "r0001").upgrade(db -> db.execute("call refresh_totals()"));

    Proof proof = proof(RevisionProofs.of(chain.build(), SQLDialect.POSTGRES)
        .downgradeUndoesUpgrade(), "r0002");

    assertThat(proof.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof.detail())
        .isEqualTo(Messages.notDdlProof("CALL"));
  }

  @Test
  void anIrreversibleRevision_isSkippedWithItsReason_andTheRevisionsAfterItAreStillProven() {
    TestRegistry.Builder chain = TestRegistry.chain(3);
    chain.edit("r0002").irreversible("the old column's values are gone");

    List<Proof> proofs = RevisionProofs.of(chain.build(), SQLDialect.H2).downgradeUndoesUpgrade();

    assertThat(proof(proofs, "r0002").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof(proofs, "r0002").detail())
        .isEqualTo(Messages.irreversibleProof("the old column's values are gone"));
    assertThat(proof(proofs, "r0003").outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void aMergeWhoseBranchesCreateEnumTypes_isSkippedNamingThem_notFailed() {
    TestRegistry registry = TestRegistry.builder()
        .revision("a1")
        .revision("b1", "a1").upgrade(db -> db.execute("create type mood as enum ('ok')"))
        .downgrade(db -> db.execute("drop type mood"))
        .revision("c1", "a1")
        .revision("m1", "b1", "c1").upgrade(db -> { }).downgrade(db -> { })
        .build();

    Proof merge = proof(RevisionProofs.of(registry, SQLDialect.POSTGRES).mergesCommute(), "m1");

    assertThat(merge.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(merge.detail()).contains("'create type mood as enum ('ok')'");
  }

  @Test
  void aMergeWhoseBranchesConflictBesideAnEnumType_stillFails() {
    TestRegistry registry = TestRegistry.builder()
        .revision("a1")
        .revision("b1", "a1").upgrade(db -> {
          db.execute("create type mood as enum ('ok')");
          db.execute("alter table t_a1 alter column id set data type bigint");
        }).downgrade(db -> { })
        .revision("c1", "a1").upgrade(db -> db.execute("alter table t_a1 alter column id set"
            + " data type smallint")).downgrade(db -> { })
        .revision("m1", "b1", "c1").upgrade(db -> { }).downgrade(db -> { })
        .build();

    Proof merge = proof(RevisionProofs.of(registry, SQLDialect.POSTGRES).mergesCommute(), "m1");

    assertThat(merge.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(merge.detail()).contains("column t_a1.id bigint");
  }

  @Test
  void aMergeWithABranchTheInterpreterCannotApply_isSkippedNamingTheRevision() {
    TestRegistry registry = TestRegistry.builder()
        .revision("a1")
        .revision("b1", "a1").upgrade(db -> {
          db.execute("create index t_a1_id on t_a1 (id)");
          db.execute("alter table t_a1 rename index t_a1_id to t_a1_by_id");
        })
        .revision("c1", "a1")
        .revision("m1", "b1", "c1").upgrade(db -> { }).downgrade(db -> { })
        .build();

    Proof merge = proof(RevisionProofs.of(registry, SQLDialect.H2).mergesCommute(), "m1");

    assertThat(merge.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(merge.detail()).startsWith(Messages.runsUnmodelled(
        Messages.branchRevision("b1", "on a branch"),
        "alter table t_a1 rename index t_a1_id to t_a1_by_id", "").split(" \\(")[0]);
  }

  /**
   * A migration that throws while its statements are recorded is a failure, not a skip: verify
   * must not pass on it, and what descends from it is unknown.
   */
  @Test
  void aMigrationThatThrows_failsItsProof_andTheRevisionsAfterItAreSkipped() {
    TestRegistry.Builder chain = TestRegistry.chain(1);
    chain.revision("r0002", "r0001").upgrade(db -> {
      throw new NullPointerException("no pool");
    });
    chain.revision("r0003", "r0002");

    List<Proof> proofs = RevisionProofs.of(chain.build(), SQLDialect.H2).all();

    Proof threw = proof(proofs, "r0002");
    assertThat(threw).isInstanceOf(RevisionProofs.Failed.class);
    assertThat(threw.detail())
        .isEqualTo(Messages.threwProof("upgrade", new NullPointerException("no pool")));
    assertThat(proof(proofs, "r0003").detail())
        .isEqualTo(Messages.unknownBefore(Messages.failedSince("r0002")));
    assertThat(proof(proofs, "r0001").outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test
  void aDowngradeThatThrows_failsItsProof() {
    TestRegistry.Builder chain = TestRegistry.chain(2);
    chain.edit("r0002").downgrade(db -> {
      throw new IllegalStateException("forgot the table's name");
    });

    Proof proof = proof(RevisionProofs.of(chain.build(), SQLDialect.H2).downgradeUndoesUpgrade(),
        "r0002");

    assertThat(proof.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(proof.detail()).isEqualTo(Messages.threwProof("downgrade",
        new IllegalStateException("forgot the table's name")));
  }

  @Test
  void aMergeWhoseBranchThrows_failsTheMergeProof() {
    TestRegistry registry = TestRegistry.builder()
        .revision("a1")
        .revision("b1", "a1").upgrade(db -> {
          throw new NullPointerException("no pool");
        })
        .revision("c1", "a1")
        .revision("m1", "b1", "c1").upgrade(db -> { }).downgrade(db -> { })
        .build();

    Proof merge = proof(RevisionProofs.of(registry, SQLDialect.H2).mergesCommute(), "m1");

    assertThat(merge.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(merge.detail()).isEqualTo(Messages.branchRevision("b1", "on a branch") + ": "
        + Messages.threwProof("upgrade", new NullPointerException("no pool")));
  }

  @Test
  void aProofDescribesItself_onOneLineWithItsDetailIndentedBelow() {
    Proof proof = proof(RevisionProofs.of(TestRegistry.chain(1).edit("r0001")
        .irreversible("drops data").build(), SQLDialect.H2).downgradeUndoesUpgrade(), "r0001");

    assertThat(proof.describe()).isEqualTo("SKIPPED downgrade undoes upgrade: r0001 (Rev_r0001)\n"
        + "        " + Messages.irreversibleProof("drops data"));
  }
}

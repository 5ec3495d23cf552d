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
    assertThat(enumType.detail()).contains("which the DDL interpreter does not model");
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
    assertThat(proof(proofs, "b1").detail()).contains("its upgrade runs 'alter table t_a1 rename"
        + " index t_a1_id to t_a1_by_id', which the DDL interpreter does not model");
    assertThat(proof(proofs, "b2").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof(proofs, "b2").detail())
        .isEqualTo("the schema before it is unknown: revision b1 could not be modelled");
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
        .isEqualTo("it reads data, which the DDL interpreter does not model");
    assertThat(proof(proofs, "r0003").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof(proofs, "r0003").detail()).contains("revision r0002 could not be modelled");
  }

  @Test
  void aStatementTheParserCannotRead_isSkippedQuotingIt() {
    TestRegistry.Builder chain = TestRegistry.chain(1);
    chain.revision("r0002", "r0001").upgrade(db -> db.execute("create table events (id int)"
        + " partition by range (id)"));

    Proof proof = proof(RevisionProofs.of(chain.build(), SQLDialect.POSTGRES)
        .downgradeUndoesUpgrade(), "r0002");

    assertThat(proof.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof.detail()).startsWith("the interpreter cannot read 'create table events (id"
        + " int) partition by range (id)'");
  }

  @Test
  void aStatementThatIsNotDdl_isSkippedNamingItsVerb() {
    TestRegistry.Builder chain = TestRegistry.chain(1);
    chain.revision("r0002", "r0001").upgrade(db -> db.execute("call refresh_totals()"));

    Proof proof = proof(RevisionProofs.of(chain.build(), SQLDialect.POSTGRES)
        .downgradeUndoesUpgrade(), "r0002");

    assertThat(proof.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof.detail())
        .isEqualTo("it runs CALL statements, which the DDL interpreter does not model");
  }

  @Test
  void anIrreversibleRevision_isSkippedWithItsReason_andTheRevisionsAfterItAreStillProven() {
    TestRegistry.Builder chain = TestRegistry.chain(3);
    chain.edit("r0002").irreversible("the old column's values are gone");

    List<Proof> proofs = RevisionProofs.of(chain.build(), SQLDialect.H2).downgradeUndoesUpgrade();

    assertThat(proof(proofs, "r0002").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(proof(proofs, "r0002").detail())
        .isEqualTo("it is @Irreversible: the old column's values are gone");
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
    assertThat(merge.detail()).startsWith("revision b1 on a branch runs 'alter table t_a1 rename"
        + " index");
  }
}

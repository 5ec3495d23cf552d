package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Revision 3 of 5 creates its table and then an index on a column that does not exist. Where DDL
 * is transactional the database ends exactly at revision 2; where it commits (H2, MariaDB) the
 * failure is recorded as not rolled back and every run refuses until a person repairs it. Either
 * way the error names the revision and the statement, and once the revision is fixed the next
 * upgrade completes.
 */
class FailingRevisionTest {

  private static final String BROKEN_INDEX = "create index ix_r0003 on t_r0003 (no_such_column)";

  private static TestRegistry broken() {
    TestRegistry.Builder chain = TestRegistry.chain(5);
    chain.edit("r0003").upgrade(db -> {
      db.execute("create table t_r0003 (id integer)");
      db.execute(BROKEN_INDEX);
    });
    return chain.build();
  }

  private static TestRegistry fixed() {
    TestRegistry.Builder chain = TestRegistry.chain(5);
    chain.edit("r0003").upgrade(db -> {
      db.execute("create table t_r0003 (id integer)");
      db.execute("create index ix_r0003 on t_r0003 (id)");
    });
    return chain.build();
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"POSTGRES", "SQLITE"})
  void whereDdlIsTransactional_theDatabaseIsExactlyAtThePreviousRevision(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.create();

    MigrationFailedException failed = assertThrows(MigrationFailedException.class,
        () -> Retort.using(dataSource, broken()).upgrade());

    assertThat(failed.revision().id()).isEqualTo("r0003");
    assertThat(failed.rolledBack()).isTrue();
    RevisionInfo r0003 = failed.revision();
    assertThat(failed).hasMessageThat()
        .startsWith(Messages.failed(r0003, "upgrade", "r0002", "r0003", "", "").strip());
    assertThat(failed).hasMessageThat().contains(BROKEN_INDEX);
    assertThat(failed).hasMessageThat().endsWith(Messages.rolledBackTo("r0002"));
    assertThat(TestDatabase.tables(dataSource)).containsNoneOf("t_r0003", "t_r0004");
    assertThat(TestDatabase.tables(dataSource)).containsAtLeast("t_r0001", "t_r0002");
    assertThat(StateRows.versions(dataSource)).containsExactly("r0002");
    assertThat(StateRows.history(dataSource)).containsExactly(
        "r0001 up true null", "r0002 up true null", "r0003 up false true").inOrder();

    assertThat(Retort.using(dataSource, fixed()).upgrade()).hasSize(3);
    assertThat(StateRows.versions(dataSource)).containsExactly("r0005");
    assertThat(StateRows.upgrades(dataSource))
        .containsExactly("r0001", "r0002", "r0003", "r0004", "r0005").inOrder();
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
  void whereDdlCommits_theFailureIsRecordedAsPartlyApplied_andRefusedUntilRepaired(
      TestDatabase database) throws Exception {
    DataSource dataSource = database.create();

    MigrationFailedException failed = assertThrows(MigrationFailedException.class,
        () -> Retort.using(dataSource, broken()).upgrade());

    assertThat(failed.revision().id()).isEqualTo("r0003");
    assertThat(failed.rolledBack()).isFalse();
    assertThat(failed).hasMessageThat().contains(BROKEN_INDEX);
    assertThat(failed).hasMessageThat().endsWith(Messages.notRolledBack(
        Messages.cannotRollBackDdl(database.productName()), "upgrade", List.of("r0003")));
    assertThat(TestDatabase.tables(dataSource)).contains("t_r0003");
    assertThat(StateRows.versions(dataSource)).containsExactly("r0002");
    assertThat(StateRows.history(dataSource)).containsExactly(
        "r0001 up true null", "r0002 up true null", "r0003 up false false").inOrder();

    Retort fixedRetort = Retort.using(dataSource, fixed());
    UnresolvedFailureException refused =
        assertThrows(UnresolvedFailureException.class, fixedRetort::upgrade);
    String[] latest = StateRows.latest(dataSource, "r0003");
    assertThat(refused).hasMessageThat().isEqualTo(Messages.unresolvedFailure(
        Messages.describe(failed.revision()), false, latest[0], latest[1], List.of("r0003")));
    assertThat(StateRows.versions(dataSource)).containsExactly("r0002");

    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("drop table t_r0003");
    }
    fixedRetort.repair();
    assertThat(fixedRetort.upgrade()).hasSize(3);
    assertThat(StateRows.versions(dataSource)).containsExactly("r0005");
  }

  /**
   * A downgrade that fails halfway where DDL commits: after finishing it by hand, the stamp the
   * error advises must leave the sibling branch's head, which a plain stamp of the parent would
   * drop.
   */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2"})
  void aHalfAppliedDowngrade_advisesTheStampThatKeepsTheOtherBranch(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.create();
    TestRegistry fork = TestRegistry.builder()
        .revision("r1")
        .revision("a1", "r1").downgrade(db -> {
          db.execute("drop table t_a1");
          db.execute("drop table no_such_table");
        })
        .revision("b1", "r1")
        .build();
    Retort retort = Retort.using(dataSource, fork);
    retort.upgrade();

    MigrationFailedException failed = assertThrows(MigrationFailedException.class,
        () -> retort.revert(fork.revision("a1").orElseThrow()));

    assertThat(failed).hasMessageThat().contains(Messages.repairAdvice(List.of("b1")));
    retort.repair();
    retort.stamp(true, "b1");
    assertThat(retort.check().pending().stream().map(RevisionInfo::id)).containsExactly("a1");
    assertThat(retort.upgrade()).hasSize(1);
  }
}

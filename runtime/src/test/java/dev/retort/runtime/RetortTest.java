package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.retort.runtime.TestDatabase.tables;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.messages.Messages;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Alembic's semantics on every supported database. */
class RetortTest {

  private static List<String> ids(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::id).toList();
  }

  private static List<String> tablesOf(DataSource dataSource) throws Exception {
    return tables(dataSource).stream().filter(t -> t.startsWith("t_")).toList();
  }

  /** A jOOQ context on the data source, in the dialect of its database. */
  private static DSLContext dsl(DataSource dataSource) throws java.sql.SQLException {
    try (java.sql.Connection connection = dataSource.getConnection()) {
      return DSL.using(dataSource, org.jooq.tools.jdbc.JDBCUtils.dialect(connection));
    }
  }

  private static List<String> t(String... ids) {
    return List.of(ids).stream().map(TestRegistry::tableOf).sorted().toList();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEmptyDatabase_isAtBase_andReadingItCreatesNothing(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());

    assertThat(retort.current()).isEmpty();
    assertThat(retort.check().pending()).hasSize(7);
    retort.validate();
    assertThat(tables(dataSource)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void upgradeHeads_appliesEveryRevisionOnce_parentsFirst(TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());

    List<MigrationStep> steps = retort.upgrade();

    assertThat(steps.stream().map(s -> s.revision().id()).toList())
        .containsExactly("a1", "b1", "c1", "m1", "n1", "x1", "y1").inOrder();
    assertThat(steps.get(3).describe()).isEqualTo("Running upgrade (b1, c1) -> m1, Create t_m1");
    assertThat(ids(retort.current())).containsExactly("n1", "y1");
    assertThat(tablesOf(dataSource)).containsExactlyElementsIn(
        t("a1", "b1", "c1", "m1", "n1", "x1", "y1"));
    assertThat(retort.upgrade()).isEmpty();
    assertThat(retort.check().upToDate()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void upgradeToARevision_appliesItsAncestorsAndDependencies_andNoSibling(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());

    retort.upgrade("y1");

    assertThat(tablesOf(dataSource)).containsExactlyElementsIn(t("a1", "b1", "x1", "y1"));
    // y1 depends on b1, so it implies b1: one row, as Alembic records it.
    assertThat(ids(retort.current())).containsExactly("y1");
    assertThat(ids(retort.check().pending())).containsExactly("c1", "m1", "n1");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theVersionTable_followsAlembic_throughBranchesAndAMerge(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());

    retort.upgrade("b1");
    assertThat(ids(retort.current())).containsExactly("b1");
    retort.upgrade("c1");
    assertThat(ids(retort.current())).containsExactly("b1", "c1");
    retort.upgrade("m1");
    assertThat(ids(retort.current())).containsExactly("m1");
    retort.downgrade("-1");
    assertThat(ids(retort.current())).containsExactly("b1", "c1");
    assertThat(tablesOf(dataSource)).containsExactlyElementsIn(t("a1", "b1", "c1"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void downgrade_removesDescendantsAndDependents_andLeavesOtherBranches(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());
    retort.upgrade("heads");

    List<MigrationStep> steps = retort.downgrade("b1");

    // y1 depends on b1, which stays: as in Alembic, only what needs a removed revision goes.
    assertThat(steps.stream().map(s -> s.revision().id()).toList())
        .containsExactly("n1", "m1").inOrder();
    assertThat(ids(retort.current())).containsExactly("c1", "y1");
    retort.downgrade("a1");
    assertThat(tablesOf(dataSource)).containsExactlyElementsIn(t("a1", "x1"));
    assertThat(ids(retort.current())).containsExactly("a1", "x1");
    retort.upgrade("heads");
    retort.downgrade("billing@base");
    assertThat(tablesOf(dataSource)).containsExactlyElementsIn(t("a1", "b1", "c1", "m1", "n1"));
    retort.downgrade("base");
    assertThat(tablesOf(dataSource)).isEmpty();
    assertThat(retort.current()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theVersionTable_countsDependencies_asAlembicDoes(TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());

    retort.upgrade("x1");
    retort.upgrade("b1");
    assertThat(ids(retort.current())).containsExactly("b1", "x1");
    retort.upgrade("y1");
    assertThat(ids(retort.current())).containsExactly("y1");
    // Going down, the dependency y1 implied is a head again.
    retort.downgrade("-1");
    assertThat(ids(retort.current())).containsExactly("b1", "x1");
    assertThat(tablesOf(dataSource)).containsExactlyElementsIn(t("a1", "b1", "x1"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStampedDependency_isStillAppliedAfterADowngrade(TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());

    retort.upgrade("y1");
    // As a database stamped by hand records it: the one row of y1, which implies b1.
    retort.stamp(true, "y1");
    retort.downgrade("-1");

    assertThat(ids(retort.current())).containsExactly("b1", "x1");
    assertThat(ids(retort.check().pending())).containsExactly("c1", "m1", "n1", "y1");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void stamp_recordsAStateWithoutRunningAnything(TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());

    retort.stamp("m1");
    assertThat(ids(retort.current())).containsExactly("m1");
    retort.stamp("x1");
    assertThat(ids(retort.current())).containsExactly("m1", "x1");
    retort.stamp("b1");
    assertThat(ids(retort.current())).containsExactly("b1", "x1");
    retort.stamp(true, "n1");
    assertThat(ids(retort.current())).containsExactly("n1");
    assertThat(tablesOf(dataSource)).isEmpty();
    retort.stamp("base");
    assertThat(retort.current()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aFailingRevision_isRolledBackWhereDdlIsTransactional_andReportedOtherwise(
      TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    TestRegistry broken = TestRegistry.builder()
        .revision("a1")
        .revision("b1", "a1").upgrade(db -> {
          db.createTable(DSL.unquotedName("t_b1"))
              .column(DSL.field(DSL.unquotedName("id"), org.jooq.impl.SQLDataType.INTEGER))
              .execute();
          db.execute("insert into no_such_table values (1)");
        })
        .revision("c1", "b1")
        .build();
    Retort retort = Retort.using(dataSource, broken);

    MigrationFailedException failed =
        assertThrows(MigrationFailedException.class, retort::upgrade);

    assertThat(failed.revision().id()).isEqualTo("b1");
    RevisionInfo b1 = broken.revision("b1").orElseThrow();
    assertThat(failed).hasMessageThat()
        .startsWith(Messages.failed(b1, "upgrade", "a1", "b1", "", "").strip());
    assertThat(failed).hasMessageThat().contains("no_such_table");
    assertThat(failed.completed().stream().map(s -> s.revision().id()).toList())
        .containsExactly("a1");
    if (!database.transactionalDdl()) {
      assertThat(failed.rolledBack()).isFalse();
      assertThat(failed).hasMessageThat().endsWith(Messages.notRolledBack(
          Messages.cannotRollBackDdl(database.productName()), "upgrade", List.of("b1")));
      UnresolvedFailureException refused =
          assertThrows(UnresolvedFailureException.class, retort::upgrade);
      String[] latest = StateRows.latest(dataSource, "b1");
      assertThat(refused).hasMessageThat().isEqualTo(Messages.unresolvedFailure(
          Messages.describe(b1), false, latest[0], latest[1], List.of("b1")));
      try (java.sql.Connection connection = dataSource.getConnection()) {
        DSL.using(connection).execute("drop table t_b1");
      }
      assertThat(ids(retort.repair())).containsExactly("b1");
    } else {
      assertThat(failed.rolledBack()).isTrue();
      assertThat(failed).hasMessageThat().endsWith(Messages.rolledBackTo("a1"));
      assertThat(tablesOf(dataSource)).containsExactlyElementsIn(t("a1"));
    }
    assertThat(ids(retort.current())).containsExactly("a1");

    Retort fixed = Retort.using(dataSource, TestRegistry.builder()
        .revision("a1").revision("b1", "a1").revision("c1", "b1").build());
    assertThat(fixed.upgrade()).hasSize(2);
    assertThat(tablesOf(dataSource)).containsExactlyElementsIn(t("a1", "b1", "c1"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEditedAppliedRevision_isRefused_untilRepaired(TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    Retort.using(dataSource, TestRegistry.builder().revision("a1").checksum("v1").build())
        .upgrade();
    Retort edited = Retort.using(dataSource, TestRegistry.builder()
        .revision("a1").checksum("v2").revision("b1", "a1").build());

    ChecksumMismatchException refused =
        assertThrows(ChecksumMismatchException.class, edited::upgrade);

    assertThat(refused).hasMessageThat().isEqualTo(Messages.edited(
        List.of(edited.registry().revision("a1").orElseThrow())));
    assertThrows(ChecksumMismatchException.class, edited::validate);
    assertThat(tablesOf(dataSource)).containsExactlyElementsIn(t("a1"));
    assertThat(ids(edited.repair())).containsExactly("a1");
    edited.validate();
    assertThat(edited.upgrade()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDatabaseAheadOfTheCode_isRefused(TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    Retort.using(dataSource, TestRegistry.builder().revision("a1").revision("b1", "a1").build())
        .upgrade();
    Retort older = Retort.using(dataSource, TestRegistry.builder().revision("a1").build());

    UnknownRevisionException refused =
        assertThrows(UnknownRevisionException.class, older::upgrade);

    assertThat(refused).hasMessageThat().isEqualTo(Messages.unknownRevisions(List.of("b1")));
    assertThat(refused.unknownIds()).containsExactly("b1");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aDowngradeThroughAnIrreversibleRevision_isRefusedBeforeAnythingRuns(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TestRegistry.builder()
        .revision("a1")
        .revision("b1", "a1").irreversible("drops the legacy rows")
        .revision("c1", "b1")
        .build());
    retort.upgrade();

    IrreversibleMigrationException refused =
        assertThrows(IrreversibleMigrationException.class, () -> retort.downgrade("base"));

    assertThat(refused).hasMessageThat().isEqualTo(Messages.irreversibleOnTheWay("base",
        List.of(retort.registry().revision("b1").orElseThrow())));
    assertThat(ids(retort.current())).containsExactly("c1");
    assertThat(tablesOf(dataSource)).containsExactlyElementsIn(t("a1", "b1", "c1"));
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
  void inSingleTransactionMode_aFailureRollsBackTheWholeRun(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TestRegistry.builder()
        .revision("a1")
        .revision("b1", "a1")
        .revision("c1", "b1").upgrade(db -> db.execute("insert into no_such_table values (1)"))
        .build())
        .withSettings(RetortSettings.defaults()
            .withTransactionMode(RetortSettings.TransactionMode.SINGLE));

    MigrationFailedException failed =
        assertThrows(MigrationFailedException.class, retort::upgrade);

    assertThat(failed).hasMessageThat()
        .endsWith(Messages.wholeRunRolledBack(Messages.rolledBackTo("<base>")));
    assertThat(failed.rolledBack()).isTrue();
    assertThat(retort.current()).isEmpty();
    assertThat(tablesOf(dataSource)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
  void singleTransactionMode_isRefusedWhereDdlCommits(TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TestRegistry.builder().revision("a1").build())
        .withSettings(RetortSettings.defaults()
            .withTransactionMode(RetortSettings.TransactionMode.SINGLE));

    RetortException refused = assertThrows(RetortException.class, retort::upgrade);

    assertThat(refused).hasMessageThat()
        .isEqualTo(Messages.singleNeedsTransactionalDdl(database.productName()));
    assertThat(tablesOf(dataSource)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theHistoryTable_recordsEveryStep(TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());
    retort.upgrade("b1");
    retort.downgrade("a1");

    DSLContext db = dsl(dataSource);
    List<String> rows = db.fetch("select revision, direction, success, checksum from"
        + " retort_history order by id").map(r -> r.get(0) + " " + r.get(1) + " "
        + r.get(2, Boolean.class) + " " + r.get(3));

    assertThat(rows).containsExactly("a1 up true sum-a1", "b1 up true sum-b1",
        "b1 down true sum-b1").inOrder();
    assertThat(db.fetchValue("select retort_version from retort_history where revision = 'a1'"))
        .isNotNull();
  }
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void theHistoryTable_recordsWhoRanWhatWhereAndForHowLong(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());
    retort.upgrade("a1");

    DSLContext db = dsl(dataSource);
    org.jooq.Record row = db.fetchOne("select message, started_at, finished_at, duration_ms,"
        + " db_user, host, retort_version from retort_history where revision = 'a1'");
    java.time.LocalDateTime started = row.get(1, java.time.LocalDateTime.class);
    java.time.LocalDateTime finished = row.get(2, java.time.LocalDateTime.class);

    assertThat(row.get(0, String.class)).isEqualTo("Create t_a1");
    assertThat(finished).isAtLeast(started);
    assertThat(row.get(3, Long.class)).isAtLeast(0L);
    assertThat(row.get(3, Long.class))
        .isAtMost(java.time.Duration.between(started, finished).toMillis() + 1);
    // The user the connection logged in as; SQLite has none, H2's test databases an empty one.
    String user = switch (database) {
      case POSTGRES -> "postgres";
      case MARIADB -> "root";
      case H2 -> "";
      case SQLITE -> null;
    };
    assertThat(row.get(4, String.class)).isEqualTo(user);
    assertThat(row.get(5, String.class))
        .isEqualTo(java.net.InetAddress.getLocalHost().getHostName());
    assertThat(row.get(6, String.class)).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"H2", "SQLITE"})
  void stamping_isRecordedInTheHistory_includingBase(TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());

    retort.stamp("b1");
    retort.stamp("base");

    assertThat(StateRows.history(dataSource))
        .containsExactly("b1 stamp true null", "base stamp true null").inOrder();
    DSLContext db = dsl(dataSource);
    assertThat(db.fetchValue("select message from retort_history where revision = 'base'"))
        .isEqualTo("Stamped base; removed b1");
  }

  /** Each version-table statement must touch one row, Alembic's guard against a rogue writer. */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
  void aVersionTableChangedUnderTheRun_failsTheRevision_andRollsItBack(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TestRegistry.builder()
        .revision("a1")
        .revision("b1", "a1").upgrade(db -> db.execute("delete from retort_version"))
        .build());
    retort.upgrade("a1");

    MigrationFailedException failed =
        assertThrows(MigrationFailedException.class, () -> retort.upgrade("b1"));

    assertThat(failed).hasMessageThat()
        .contains(Messages.versionTableChanged("update a1 to b1", 0));
    assertThat(failed.rolledBack()).isTrue();
    assertThat(StateRows.versions(dataSource)).containsExactly("a1");
  }

  /**
   * A merge's statements (an update and a delete) are each checked, also where they go to the
   * server together with the history row: the second one touching nothing fails the merge.
   */
  @ParameterizedTest
  @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
  void aMergesHeadRemovedUnderTheRun_failsTheMerge_andRollsItBack(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TestRegistry.builder()
        .revision("a1")
        .revision("b1")
        .revision("m1", "a1", "b1")
            .upgrade(db -> db.execute("delete from retort_version where version_num = 'b1'"))
        .build());
    retort.upgrade("a1");
    retort.upgrade("b1");

    MigrationFailedException failed =
        assertThrows(MigrationFailedException.class, () -> retort.upgrade("m1"));

    assertThat(failed).hasMessageThat()
        .contains(Messages.versionTableChanged("delete b1", 0));
    assertThat(failed.rolledBack()).isTrue();
    assertThat(StateRows.versions(dataSource)).containsExactly("a1", "b1");
  }
}

package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.messages.Messages;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** heads, branches, show, history and check, and discovery of the registry. */
class ReadCommandsTest {

  private static List<String> ids(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::id).toList();
  }

  @Test
  void headsBranchesAndShow_answerFromTheRegistry() throws Exception {
    Retort retort = Retort.using(TestDatabase.H2.create(), TargetsTest.shop());

    assertThat(ids(retort.heads())).containsExactly("n1", "y1");
    assertThat(ids(retort.branches())).containsExactly("a1");
    assertThat(retort.show("m").id()).isEqualTo("m1");
    assertThat(retort.show("billing@head").id()).isEqualTo("y1");
  }

  @Test
  void history_listsARangeNewestFirst() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());
    retort.upgrade("m1");

    assertThat(ids(retort.history())).containsExactly("y1", "x1", "n1", "m1", "c1", "b1", "a1")
        .inOrder();
    assertThat(ids(retort.history("b1:n1"))).containsExactly("n1", "m1", "b1").inOrder();
    assertThat(ids(retort.history(":b1"))).containsExactly("b1", "a1").inOrder();
    assertThat(ids(retort.history("current:"))).containsExactly("n1", "m1").inOrder();
  }

  @Test
  void check_listsWhatIsPending_withoutChangingAnything() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());
    retort.upgrade("b1");

    Status status = retort.check();

    assertThat(status.upToDate()).isFalse();
    assertThat(ids(status.current())).containsExactly("b1");
    assertThat(ids(status.pending())).containsExactly("c1", "m1", "n1", "x1", "y1");
    assertThat(ids(retort.current())).containsExactly("b1");
  }

  @Test
  void auditTrail_listsEveryStepStampAndRepair_newestFirst_upToTheLimit() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    Retort retort = Retort.using(dataSource, TargetsTest.shop());
    assertThat(retort.auditTrail(10)).isEmpty();

    retort.upgrade("b1");
    retort.downgrade("-1");
    retort.stamp("base");
    List<AuditEntry> trail = retort.auditTrail(10);

    assertThat(trail.stream().map(e -> e.action() + " " + e.revision()).toList())
        .containsExactly("STAMP base", "DOWNGRADE b1", "UPGRADE b1", "UPGRADE a1").inOrder();
    AuditEntry upgrade = trail.get(3);
    assertThat(upgrade.success()).isTrue();
    assertThat(upgrade.rolledBack()).isNull();
    assertThat(upgrade.finishedAt()).isAtLeast(upgrade.startedAt());
    assertThat(upgrade.durationMillis()).isAtLeast(0L);
    assertThat(upgrade.host()).isNotEmpty();
    assertThat(upgrade.retortVersion()).isNotEmpty();
    assertThat(upgrade.checksum()).isEqualTo(TargetsTest.shop().revision("a1").get().checksum());
    assertThat(trail.get(0).id()).isGreaterThan(trail.get(1).id());
    assertThat(retort.auditTrail(2).stream().map(AuditEntry::revision).toList())
        .containsExactly("base", "b1").inOrder();
    assertThrows(IllegalArgumentException.class, () -> retort.auditTrail(0));
  }

  @Test
  void aTypedConstantOfAnotherRegistry_isRefused() throws Exception {
    Retort retort = Retort.using(TestDatabase.H2.create(), TargetsTest.shop());
    RevisionInfo foreign = TargetsTest.shop().revisions().get(0);

    assertThrows(IllegalArgumentException.class, () -> retort.upgrade(foreign));
  }

  @Test
  void amongSeveralRegistries_discoveryPicksTheOneThatContainsTheOthers() {
    TestRegistry library = TestRegistry.builder().revision("a1").revision("b1", "a1").build();
    TestRegistry application = TestRegistry.builder()
        .revision("a1").revision("b1", "a1").revision("c1", "b1").build();
    TestRegistry unrelated = TestRegistry.builder().revision("x1").build();

    assertThat(Registries.discover(List.of(library, application))).isSameInstanceAs(application);
    RegistryNotFoundException e = assertThrows(RegistryNotFoundException.class,
        () -> Registries.discover(List.of(application, unrelated)));
    assertThat(e).hasMessageThat().isEqualTo(Messages.severalRegistries(List.of(
        application.getClass().getName(), unrelated.getClass().getName())));
  }

  /** Every start-up discovers the registry: the usual single one is taken without reading it. */
  @Test
  void theOnlyRegistry_isTakenWithoutReadingItsRevisions() {
    RevisionRegistry untouchable = (RevisionRegistry) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {RevisionRegistry.class},
        (proxy, method, arguments) -> {
          throw new AssertionError("discovery called " + method.getName());
        });

    assertThat(Registries.discover(List.of(untouchable))).isSameInstanceAs(untouchable);
  }

  @Test
  void withoutAGeneratedRegistryOnTheClasspath_discoverySaysHowToFixIt() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();

    RegistryNotFoundException e =
        assertThrows(RegistryNotFoundException.class, () -> Retort.using(dataSource));

    assertThat(e).hasMessageThat().isEqualTo(Messages.noRegistry());
  }

  @Test
  void aRetortBuiltOnAJooqContext_upgradesThroughIt() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    org.jooq.DSLContext db = org.jooq.impl.DSL.using(dataSource, org.jooq.SQLDialect.H2);
    Retort retort = Retort.using(db, TargetsTest.shop());

    assertThat(retort.upgrade("b1").stream().map(step -> step.revision().id()))
        .containsExactly("a1", "b1").inOrder();
    assertThat(retort.current().stream().map(RevisionInfo::id)).containsExactly("b1");
    assertThat(TestDatabase.tables(dataSource)).containsAtLeast("t_a1", "t_b1");
  }

  @Test
  void aRangeOrStampThatWalksDownToBase_meansBase() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    Retort retort = Retort.using(dataSource, TestRegistry.chain(3).build());
    retort.upgrade();

    assertThat(ids(retort.history("-3:current"))).containsExactly("r0003", "r0002", "r0001")
        .inOrder();
    assertThat(ids(retort.history("r0001-1:r0002"))).containsExactly("r0002", "r0001").inOrder();
    retort.stamp("r0001-1");
    assertThat(retort.current()).isEmpty();
  }
}

package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.internal.graph.Graph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.plan.Plan;
import dev.retort.runtime.internal.plan.Plan.Kind;
import dev.retort.runtime.internal.plan.Plan.Step;
import dev.retort.runtime.internal.plan.Planner;
import dev.retort.runtime.messages.Messages;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command is planned before it runs, by pure code: the plan names the direction, the steps
 * and each step's change to the version table, and needs no database to compute.
 */
class PlannerTest {

  private final TestRegistry shop = TargetsTest.shop();
  private final Planner planner = new Planner(new Graph(shop));

  private List<Integer> at(String... heads) {
    return Arrays.stream(heads).map(id -> shop.revision(id).orElseThrow().index()).toList();
  }

  private static List<String> describe(Plan plan) {
    return plan.steps().stream().map(step -> step.describe(plan.kind()) + " | -"
        + step.removed() + " +" + step.added()).toList();
  }

  @Test
  void anUpgradeThroughAMerge_replacesHeadsAsAlembicDoes() {
    Plan plan = planner.upgrade(Target.parse("m1"), at());

    assertThat(plan.kind()).isEqualTo(Kind.UPGRADE);
    assertThat(plan.start()).isEmpty();
    assertThat(describe(plan)).containsExactly(
        "Running upgrade <base> -> a1, Create t_a1 | -[] +[a1]",
        "Running upgrade a1 -> b1, Create t_b1 | -[a1] +[b1]",
        "Running upgrade a1 -> c1, Create t_c1 | -[] +[c1]",
        "Running upgrade (b1, c1) -> m1, Create t_m1 | -[b1, c1] +[m1]").inOrder();
    assertThat(plan.end()).containsExactly("m1");
  }

  @Test
  void anUpgradeToADependentRevision_replacesTheDependencyItImplies() {
    Plan plan = planner.upgrade(Target.parse("y1"), at("b1", "x1"));

    assertThat(describe(plan)).containsExactly(
        "Running upgrade x1 -> y1, Create t_y1 | -[x1, b1] +[y1]");
    assertThat(plan.end()).containsExactly("y1");
  }

  @Test
  void aDowngradeBelowADependency_putsTheDependencyBackAsAHead() {
    Plan plan = planner.downgrade(Target.parse("-1"), at("y1"));

    assertThat(plan.kind()).isEqualTo(Kind.DOWNGRADE);
    assertThat(describe(plan)).containsExactly(
        "Running downgrade y1 -> x1, Create t_y1 | -[y1] +[x1, b1]");
    assertThat(plan.end()).containsExactly("b1", "x1");
  }

  @Test
  void aDowngradeRunsNewestFirst_andEachStepSaysWhereItLeavesTheDatabase() {
    Plan plan = planner.downgrade(Target.parse("a1"), at("n1", "y1"));

    assertThat(plan.revisions().stream().map(RevisionInfo::id).toList())
        .containsExactly("y1", "n1", "m1", "c1", "b1").inOrder();
    assertThat(plan.steps().stream().map(Step::after).toList()).containsExactly(
        List.of("n1", "x1"), List.of("m1", "x1"), List.of("b1", "c1", "x1"),
        List.of("b1", "x1"), List.of("a1", "x1")).inOrder();
  }

  @Test
  void revert_takesOneRevisionAndWhatNeedsIt() {
    Plan plan = planner.revert(shop.revision("b1").orElseThrow(), at("n1", "y1"));

    assertThat(plan.revisions().stream().map(RevisionInfo::id).toList())
        .containsExactly("y1", "n1", "m1", "b1").inOrder();
    assertThat(plan.end()).containsExactly("c1", "x1");
  }

  @Test
  void anIrreversibleRevisionOnTheWayDown_isRefusedWhilePlanning() {
    TestRegistry registry = TestRegistry.chain(3).edit("r0002").irreversible("drops data")
        .build();
    Planner chain = new Planner(new Graph(registry));
    List<Integer> atTop = List.of(2);

    IrreversibleMigrationException refused = assertThrows(IrreversibleMigrationException.class,
        () -> chain.downgrade(Target.parse("base"), atTop));

    assertThat(refused).hasMessageThat().isEqualTo(Messages.irreversibleOnTheWay("base",
        List.of(registry.revision("r0002").orElseThrow())));
  }

  @Test
  void aStamp_runsNothing_andRecordsEachNewHead() {
    Plan plan = planner.stamp(List.of(Target.parse("b1"), Target.parse("x1")), at("m1"), false);

    assertThat(plan.kind()).isEqualTo(Kind.STAMP);
    assertThat(plan.steps().stream().map(step -> step.runs().id()).toList())
        .containsExactly("b1", "x1").inOrder();
    assertThat(plan.steps().get(0).removed()).containsExactly("m1");
    assertThat(plan.end()).containsExactly("b1", "x1");
  }

  @Test
  void aStampOfBase_clearsTheTable_withOneStepThatNamesNoRevision() {
    Plan plan = planner.stamp(List.of(Target.parse("base")), at("n1", "y1"), false);

    assertThat(plan.steps()).hasSize(1);
    assertThat(plan.steps().get(0).revision()).isEmpty();
    assertThat(plan.steps().get(0).removed()).containsExactly("n1", "y1");
    assertThat(plan.end()).isEmpty();
  }

  @Test
  void aStampWithPurge_startsFromAnEmptyTable() {
    Plan plan = planner.stamp(List.of(Target.parse("n1")), at("b1", "y1"), true);

    assertThat(plan.purge()).isTrue();
    assertThat(plan.start()).isEmpty();
    assertThat(plan.steps().get(0).removed()).isEmpty();
    assertThat(plan.end()).containsExactly("n1");
  }

  /** {@code sql()} renders the plan an online command makes from the same heads. */
  @Test
  void theOfflinePlan_isTheOnlinePlanFromTheSameHeads() {
    Plan offlineDown = planner.offline(Target.parse("n1"), Target.parse("-2"));
    Plan onlineDown = planner.downgrade(Target.parse("-2"), at("n1"));
    Plan offlineUp = planner.offline(Target.parse("b1"), Target.parse("heads"));
    Plan onlineUp = planner.upgrade(Target.parse("heads"), at("b1"));

    assertThat(offlineDown).isEqualTo(onlineDown);
    assertThat(offlineUp).isEqualTo(onlineUp);
  }

  @Test
  void anUpgradeToWhereTheDatabaseIs_isAnEmptyPlan() {
    Plan plan = planner.upgrade(Target.parse("heads"), at("n1", "y1"));

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.end()).containsExactly("n1", "y1");
  }
}

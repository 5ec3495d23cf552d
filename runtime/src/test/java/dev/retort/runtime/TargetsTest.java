package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.internal.Graph;
import dev.retort.runtime.internal.Targets;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alembic's target syntax, resolved against a graph with a fork, a merge, labels and a dependency. */
class TargetsTest {

  /**
   * <pre>
   * core:    a1 -> b1 -> m1 (merge of b1, c1) -> n1
   *           \-> c1 -/
   * billing: x1 -> y1 (depends on b1)
   * </pre>
   */
  static TestRegistry shop() {
    return TestRegistry.builder()
        .revision("a1").labels("core")
        .revision("b1", "a1")
        .revision("c1", "a1")
        .revision("m1", "b1", "c1")
        .revision("n1", "m1")
        .revision("x1").labels("billing")
        .revision("y1", "x1").dependsOn("b1")
        .build();
  }

  private final TestRegistry registry = shop();
  private final Graph graph = new Graph(registry);
  private final Targets targets = new Targets(graph);

  private List<String> resolve(String target, String... current) {
    return ids(targets.resolve(target, indexes(current)));
  }

  private List<Integer> indexes(String... ids) {
    return List.of(ids).stream().map(id -> registry.revision(id).orElseThrow().index()).toList();
  }

  private List<String> ids(List<Integer> indexes) {
    return indexes.stream().map(i -> graph.revision(i).id()).toList();
  }

  @Test
  void idsAndUniquePrefixes_resolve() {
    assertThat(resolve("m1")).containsExactly("m1");
    assertThat(resolve("n")).containsExactly("n1");
  }

  @Test
  void anAmbiguousPrefix_listsTheCandidates() {
    TestRegistry similar = TestRegistry.builder()
        .revision("abc1").revision("abc2", "abc1").build();

    InvalidTargetException e = assertThrows(InvalidTargetException.class,
        () -> new Targets(new Graph(similar)).resolve("abc", List.of()));
    assertThat(e).hasMessageThat().isEqualTo("Multiple revisions start with 'abc': abc1, abc2. Give more of the id.");
  }

  @Test
  void anUnknownName_failsAsAlembicDoes() {
    InvalidTargetException e =
        assertThrows(InvalidTargetException.class, () -> resolve("zz9"));
    assertThat(e).hasMessageThat().isEqualTo("No such revision or branch 'zz9'. The history"
        + " command lists the revisions, and heads shows the branch labels.");
  }

  @Test
  void head_withSeveralHeads_namesThem() {
    InvalidTargetException e = assertThrows(InvalidTargetException.class, () -> resolve("head"));
    assertThat(e).hasMessageThat()
        .isEqualTo("Multiple heads are present for given argument 'head'; n1, y1");
  }

  @Test
  void heads_base_andLabels_resolve() {
    assertThat(resolve("heads")).containsExactly("n1", "y1");
    assertThat(resolve("base")).isEmpty();
    assertThat(resolve("billing@head")).containsExactly("y1");
    assertThat(resolve("core@head")).containsExactly("n1");
    assertThat(resolve("billing")).containsExactly("y1");
  }

  @Test
  void relativeSteps_walkFromTheCurrentRevision() {
    assertThat(resolve("+1", "m1")).containsExactly("n1");
    assertThat(resolve("-1", "n1")).containsExactly("m1");
    assertThrows(InvalidTargetException.class, () -> resolve("-2", "n1"));
    assertThat(resolve("b1+2")).containsExactly("n1");
    assertThat(resolve("billing@+1", "n1", "x1")).containsExactly("y1");
  }

  @Test
  void aWalkThroughAFork_isAmbiguous() {
    InvalidTargetException e =
        assertThrows(InvalidTargetException.class, () -> resolve("+1", "a1"));
    assertThat(e).hasMessageThat().startsWith("Ambiguous walk");
  }

  @Test
  void aWalkPastTheEnd_saysItProducedTooFew() {
    InvalidTargetException e = assertThrows(InvalidTargetException.class, () -> resolve("n1+2"));
    assertThat(e).hasMessageThat().isEqualTo("Relative revision n1+2 didn't produce 2 migrations");
  }

  @Test
  void upgradeMinusN_andDowngradePlusN_areRefused() {
    assertThrows(InvalidTargetException.class, () -> targets.forUpgrade("-1", indexes("n1")));
    assertThrows(InvalidTargetException.class,
        () -> targets.removedByDowngrade("+1", new BitSet(), indexes("a1")));
  }

  @Test
  void aDowngradeRemovesDescendantsAndDependents_andLeavesSiblingBranches() {
    BitSet applied = graph.closure(indexes("n1", "y1"));

    assertThat(ids(targets.removedByDowngrade("b1", applied, indexes("n1", "y1")).stream()
        .boxed().toList())).containsExactly("m1", "n1", "y1");
    assertThat(ids(targets.removedByDowngrade("billing@base", applied, indexes("n1", "y1"))
        .stream().boxed().toList())).containsExactly("x1", "y1");
  }
}

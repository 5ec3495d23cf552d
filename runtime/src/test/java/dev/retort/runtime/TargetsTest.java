package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.internal.graph.DowngradeTargets;
import dev.retort.runtime.internal.graph.Graph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.graph.TargetResolver;
import dev.retort.runtime.messages.Messages;
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
  private final TargetResolver targets = new TargetResolver(graph);

  private List<String> resolve(String target, String... current) {
    return ids(targets.resolve(Target.parse(target), indexes(current)));
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
        () -> new TargetResolver(new Graph(similar)).resolve(Target.parse("abc"), List.of()));
    assertThat(e).hasMessageThat()
        .isEqualTo(Messages.ambiguousPrefix("abc", List.of("abc1", "abc2")));
  }

  @Test
  void anUnknownName_failsAsAlembicDoes() {
    InvalidTargetException e =
        assertThrows(InvalidTargetException.class, () -> resolve("zz9"));
    assertThat(e).hasMessageThat().isEqualTo(Messages.noSuchRevision("zz9"));
  }

  @Test
  void head_withLabelledBranches_namesHeads_andEachBranchsLabelAtHead() {
    InvalidTargetException e = assertThrows(InvalidTargetException.class,
        () -> Targets.of(registry).resolve("head"));

    assertThat(e).hasMessageThat().isEqualTo(Messages.multipleHeads("head", List.of("n1", "y1"),
        "heads", List.of("core@head", "billing@head")));
    assertThat(e).hasMessageThat().contains("'heads'");
    assertThat(e).hasMessageThat().contains("(core@head, billing@head)");
  }

  @Test
  void aBranchHeadWithSeveralHeads_namesLabelAtHeads() {
    TestRegistry forked = TestRegistry.builder()
        .revision("a1").labels("core")
        .revision("b1", "a1")
        .revision("c1", "a1")
        .build();

    InvalidTargetException e = assertThrows(InvalidTargetException.class,
        () -> Targets.of(forked).resolve("core@head"));

    assertThat(e).hasMessageThat().isEqualTo(Messages.multipleHeads("core@head",
        List.of("b1", "c1"), "core@heads", List.of()));
    assertThat(e).hasMessageThat().contains("by its id");
  }

  @Test
  void aMistypedSymbol_suggestsTheNearOnes() {
    InvalidTargetException hed = assertThrows(InvalidTargetException.class,
        () -> resolve("hed"));
    InvalidTargetException capitals = assertThrows(InvalidTargetException.class,
        () -> resolve("HEADS"));

    assertThat(hed).hasMessageThat().isEqualTo(Messages.didYouMean(
        Messages.noSuchRevision("hed"), List.of("head", "heads")));
    assertThat(hed).hasMessageThat().endsWith(" Did you mean head or heads?");
    assertThat(capitals).hasMessageThat().endsWith(" Did you mean heads or head?");
  }

  @Test
  void aMistypedLabel_orId_suggestsTheNearOnes() {
    TestRegistry ids = TestRegistry.builder()
        .revision("ae1027a6acf0").labels("billing")
        .revision("3c2f9b1d7e44", "ae1027a6acf0")
        .build();
    Targets targets = Targets.of(ids);

    InvalidTargetException label = assertThrows(InvalidTargetException.class,
        () -> targets.resolve("biling@head"));
    InvalidTargetException labelAlone = assertThrows(InvalidTargetException.class,
        () -> targets.resolve("bliling"));
    InvalidTargetException id = assertThrows(InvalidTargetException.class,
        () -> targets.resolve("ae1072a6acf0"));

    assertThat(label).hasMessageThat().isEqualTo(Messages.didYouMean(
        Messages.noSuchBranch("biling"), List.of("billing")));
    assertThat(labelAlone).hasMessageThat().endsWith(" Did you mean billing?");
    assertThat(id).hasMessageThat().endsWith(" Did you mean ae1027a6acf0?");
  }

  @Test
  void aTargetNearNothing_getsNoSuggestion() {
    for (String far : List.of("zz9", "bee", "q")) {
      InvalidTargetException e = assertThrows(InvalidTargetException.class, () -> resolve(far));

      assertThat(e).hasMessageThat().isEqualTo(Messages.noSuchRevision(far));
    }
  }

  @Test
  void heads_base_andLabels_resolve() {
    assertThat(resolve("heads")).containsExactly("n1", "y1");
    assertThat(resolve("base")).isEmpty();
    assertThat(resolve("billing@head")).containsExactly("y1");
    assertThat(resolve("core@head")).containsExactly("n1");
    assertThat(resolve("billing")).containsExactly("x1");
    assertThat(resolve("core")).containsExactly("a1");
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
    assertThat(e).hasMessageThat()
        .isEqualTo(Messages.ambiguousWalkAtFork("+1", "a1", List.of("b1", "c1")));
  }

  @Test
  void aWalkPastTheEnd_saysItProducedTooFew() {
    InvalidTargetException e = assertThrows(InvalidTargetException.class, () -> resolve("n1+2"));
    assertThat(e).hasMessageThat().isEqualTo(Messages.walkTooShort("n1+2", 2));
  }

  @Test
  void upgradeMinusN_andDowngradePlusN_areRefused() {
    assertThrows(InvalidTargetException.class,
        () -> targets.forUpgrade(Target.parse("-1"), indexes("n1")));
    assertThrows(InvalidTargetException.class, () -> new DowngradeTargets(targets)
        .removed(Target.parse("+1"), new BitSet(), indexes("a1")));
  }

  @Test
  void aDowngradeRemovesDescendantsAndDependents_andLeavesSiblingBranches() {
    BitSet applied = graph.closure(indexes("n1", "y1"));

    assertThat(removed(targets, "b1", applied, "n1", "y1")).containsExactly("m1", "n1");
    assertThat(removed(targets, "billing@base", applied, "n1", "y1"))
        .containsExactly("x1", "y1");
  }

  @Test
  void aDowngradeRemovesWhatDependsOnTheRevisionsItRemoves() {
    BitSet applied = graph.closure(indexes("n1", "y1"));

    assertThat(removed(targets, "a1", applied, "n1", "y1"))
        .containsExactly("b1", "c1", "m1", "n1", "y1");
  }

  /**
   * Branches that fork off a shared trunk, each labelled on its first revision:
   *
   * <pre>
   * r0 -> r1 -> a1 (A) -> a2
   *          \-> b1 (B) -> b2
   * </pre>
   */
  static TestRegistry fork() {
    return TestRegistry.builder()
        .revision("r0")
        .revision("r1", "r0")
        .revision("a1", "r1").labels("A")
        .revision("a2", "a1")
        .revision("b1", "r1").labels("B")
        .revision("b2", "b1")
        .build();
  }

  @Test
  void labelPlusN_startsFromWhereTheDatabaseStandsOnThatLine() {
    TargetResolver fork = new TargetResolver(new Graph(fork()));

    assertThat(resolveIn(fork, "B@+1", "r1")).containsExactly("b1");
    assertThat(resolveIn(fork, "B@+2", "r1")).containsExactly("b2");
    assertThat(resolveIn(fork, "B@+1", "a2")).containsExactly("b1");
    assertThat(resolveIn(fork, "A@+1", "a1", "b2")).containsExactly("a2");
    assertThat(resolveIn(fork, "B@+2")).containsExactly("r1");
    assertThat(resolveIn(fork, "B@+3")).containsExactly("b1");
  }

  @Test
  void labelAtHeadMinusN_walksDownFromThatBranchsHead() {
    TargetResolver fork = new TargetResolver(new Graph(fork()));

    assertThat(resolveIn(fork, "B@head-1")).containsExactly("b1");
    assertThat(resolveIn(fork, "A@head-2")).containsExactly("r1");
    assertThat(resolveIn(fork, "B@b2-1")).containsExactly("b1");
    assertThat(resolveIn(fork, "a1-2")).containsExactly("r0");
    assertThat(resolveIn(fork, "r0-1")).isEmpty();
    InvalidTargetException e =
        assertThrows(InvalidTargetException.class, () -> resolveIn(fork, "head-1"));
    assertThat(e).hasMessageThat()
        .isEqualTo(Messages.multipleHeads("head-1", List.of("a2", "b2"), null,
            List.of("A@head-1", "B@head-1")));
  }

  @Test
  void aRevisionOffTheLabelsLine_isNotOnThatBranch() {
    TargetResolver fork = new TargetResolver(new Graph(fork()));

    assertThat(resolveIn(fork, "B@r0")).containsExactly("r0");
    InvalidTargetException e =
        assertThrows(InvalidTargetException.class, () -> resolveIn(fork, "B@a1"));
    assertThat(e).hasMessageThat().isEqualTo(Messages.notOnBranch("a1", "B"));
  }

  @Test
  void labelMinusN_downgradesThatBranchOnly() {
    TestRegistry registry = fork();
    Graph forkGraph = new Graph(registry);
    TargetResolver fork = new TargetResolver(forkGraph);
    BitSet applied = forkGraph.closure(indexesIn(registry, "a2", "b2"));

    assertThat(removed(fork, "B@-1", applied, registry, "a2", "b2")).containsExactly("b2");
    assertThat(removed(fork, "B@-2", applied, registry, "a2", "b2")).containsExactly("b1", "b2");
    assertThat(removed(fork, "A@r1", applied, registry, "a2", "b2")).containsExactly("a1", "a2");
    assertThat(removed(fork, "r1", applied, registry, "a2", "b2"))
        .containsExactly("a1", "a2", "b1", "b2");
    assertThat(removed(fork, "B@base", applied, registry, "a2", "b2")).containsExactly("b1", "b2");
  }

  /**
   * Alembic's criss-cross of dependencies (DependsOnBranchTestThree in its
   * test_version_traversal.py): downgrading to b1 removes b2 and keeps a3, which depends on b1
   * itself.
   *
   * <pre>
   * a1 -> a2 -> a3 (depends on b1)
   * b1 -> b2 (depends on a2) -> b3
   * </pre>
   */
  @Test
  void aDowngradeKeepsWhatDependsOnTheDestinationItself() {
    TestRegistry registry = TestRegistry.builder()
        .revision("a1")
        .revision("a2", "a1")
        .revision("b1")
        .revision("b2", "b1").dependsOn("a2")
        .revision("b3", "b2")
        .revision("a3", "a2").dependsOn("b1")
        .build();
    Graph crisscross = new Graph(registry);
    BitSet applied = crisscross.closure(indexesIn(registry, "a3", "b2"));

    assertThat(removed(new TargetResolver(crisscross), "b1", applied, registry, "a3", "b2"))
        .containsExactly("b2");
  }

  private List<String> removed(TargetResolver in, String target, BitSet applied,
      String... current) {
    return removed(in, target, applied, registry, current);
  }

  static List<String> removed(TargetResolver in, String target, BitSet applied,
      TestRegistry registry, String... current) {
    return new DowngradeTargets(in).removed(Target.parse(target), applied,
        indexesIn(registry, current)).stream()
        .mapToObj(i -> registry.revisions().get(i).id()).toList();
  }

  static List<String> resolveIn(TargetResolver in, String target, String... current) {
    return in.resolve(Target.parse(target), indexesIn(registryOf(in), current)).stream()
        .map(i -> registryOf(in).revisions().get(i).id()).toList();
  }

  private static TestRegistry registryOf(TargetResolver in) {
    return (TestRegistry) in.graph().registry();
  }

  static List<Integer> indexesIn(TestRegistry registry, String... ids) {
    return List.of(ids).stream().map(id -> registry.revision(id).orElseThrow().index()).toList();
  }
}

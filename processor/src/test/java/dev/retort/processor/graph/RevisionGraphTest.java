package dev.retort.processor.graph;

import static com.google.common.truth.Truth.assertThat;
import static dev.retort.processor.graph.Nodes.dependent;
import static dev.retort.processor.graph.Nodes.graph;
import static dev.retort.processor.graph.Nodes.ids;
import static dev.retort.processor.graph.Nodes.labelled;
import static dev.retort.processor.graph.Nodes.node;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

  @Test
  void aStraightChain_hasOneHeadOneBaseAndItsOwnOrder() {
    RevisionGraph graph = graph(node("c", "b"), node("a"), node("b", "a"));

    assertThat(ids(graph.heads())).containsExactly("c");
    assertThat(ids(graph.bases())).containsExactly("a");
    assertThat(ids(graph.topologicalOrder())).containsExactly("a", "b", "c").inOrder();
    assertThat(graph.cycles()).isEmpty();
  }

  @Test
  void aForkHasTwoHeads_andAMergeJoinsThemAgain() {
    RevisionGraph fork = graph(node("a"), node("b", "a"), node("c", "a"));
    RevisionGraph merged = graph(node("a"), node("b", "a"), node("c", "a"), node("m", "b", "c"));

    assertThat(ids(fork.heads())).containsExactly("b", "c").inOrder();
    assertThat(ids(merged.heads())).containsExactly("m");
    assertThat(ids(merged.children("a"))).containsExactly("b", "c");
  }

  @Test
  void topologicalOrder_putsParentsAndDependenciesFirst_andBreaksTiesById() {
    RevisionGraph graph = graph(
        node("a"),
        node("z", "a"),
        node("b", "a"),
        dependent("y", List.of("z"), "b"),
        node("m", "y", "z"));

    assertThat(ids(graph.topologicalOrder())).containsExactly("a", "b", "z", "y", "m").inOrder();
  }

  @Test
  void topologicalOrder_doesNotDependOnTheOrderRevisionsWereFound() {
    RevisionGraph one = graph(node("a"), node("c", "a"), node("b", "a"), node("d", "b", "c"));
    RevisionGraph other = graph(node("d", "b", "c"), node("b", "a"), node("c", "a"), node("a"));

    assertThat(ids(one.topologicalOrder())).isEqualTo(ids(other.topologicalOrder()));
  }

  @Test
  void aCycleIsReportedAsItsPathInUpgradeOrder_fromItsSmallestId() {
    RevisionGraph graph = graph(node("base"), node("b", "a"), node("c", "b"), node("a", "c"));

    assertThat(graph.cycles()).containsExactly(List.of("a", "b", "c", "a"));
    assertThat(ids(graph.topologicalOrder())).containsExactly("base");
  }

  @Test
  void aRevisionRevisingItself_isACycleOfOne() {
    assertThat(graph(node("a", "a")).cycles()).containsExactly(List.of("a", "a"));
  }

  @Test
  void aCycleThroughADependency_isACycleToo() {
    RevisionGraph graph = graph(node("a"), dependent("b", List.of("c"), "a"), node("c", "b"));

    assertThat(graph.cycles()).containsExactly(List.of("b", "c", "b"));
  }

  @Test
  void revisionsDownstreamOfACycle_doNotReportTheCycleTwice() {
    RevisionGraph graph = graph(node("a", "b"), node("b", "a"), node("c", "b"), node("d", "c"));

    assertThat(graph.cycles()).containsExactly(List.of("a", "b", "a"));
  }

  @Test
  void aLabelAppliesToItsRevisionAndEveryDescendant() {
    RevisionGraph graph = graph(
        labelled("a", List.of("core")),
        node("b", "a"),
        labelled("c", List.of("billing"), "a"),
        node("d", "c"));

    assertThat(graph.labelsOfHead(graph.node("b").orElseThrow())).containsExactly("core");
    assertThat(graph.labelsOfHead(graph.node("d").orElseThrow()))
        .containsExactly("core", "billing");
  }

  @Test
  void aLabelAppliesToAncestorsBackToTheBranchPoint_soABaseSeesLabelsAlongItsLine() {
    RevisionGraph graph = graph(
        node("a"), labelled("b", List.of("billing"), "a"), node("x"), node("y", "x"),
        node("z1", "y"), labelled("z2", List.of("late"), "y"));

    assertThat(graph.labelsOfBase(graph.node("a").orElseThrow())).containsExactly("billing");
    assertThat(graph.labelsOfBase(graph.node("x").orElseThrow())).isEmpty();
  }

  @Test
  void edgesToUnknownIds_areLeftOutOfTheGraph() {
    RevisionGraph graph = graph(node("a"), node("b", "a", "missing"));

    assertThat(ids(graph.topologicalOrder())).containsExactly("a", "b").inOrder();
    assertThat(ids(graph.heads())).containsExactly("b");
  }

  @Test
  void aTenThousandRevisionChain_ordersWithoutRecursion() {
    RevisionNode[] chain = new RevisionNode[10_000];
    chain[0] = node("r0");
    for (int i = 1; i < chain.length; i++) {
      chain[i] = node("r" + i, "r" + (i - 1));
    }
    RevisionGraph graph = graph(chain);

    assertThat(graph.topologicalOrder()).hasSize(10_000);
    assertThat(graph.topologicalOrder().get(9_999).id()).isEqualTo("r9999");
    assertThat(ids(graph.heads())).containsExactly("r9999");
  }
}

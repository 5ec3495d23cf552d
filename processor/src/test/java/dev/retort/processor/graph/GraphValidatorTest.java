package dev.retort.processor.graph;

import static com.google.common.truth.Truth.assertThat;
import static dev.retort.processor.graph.Nodes.dependent;
import static dev.retort.processor.graph.Nodes.graph;
import static dev.retort.processor.graph.Nodes.inClass;
import static dev.retort.processor.graph.Nodes.labelled;
import static dev.retort.processor.graph.Nodes.node;

import dev.retort.processor.messages.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphValidatorTest {

  private static List<Problem> strictly(RevisionGraph graph) {
    return new GraphValidator(false).validate(graph);
  }

  private static List<String> messages(List<Problem> problems) {
    return problems.stream().map(Problem::message).toList();
  }

  @Test
  void aWellFormedHistory_hasNoProblems() {
    assertThat(strictly(graph(node("a"), node("b", "a"), node("c", "a"), node("m", "b", "c"))))
        .isEmpty();
  }

  @Test
  void aDuplicateId_isReportedAtBothClasses_eachNamingTheOther() {
    List<Problem> problems = strictly(graph(
        inClass("com.example.CreateUsers", "a1"), inClass("com.example.CreateOrders", "a1")));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).subject().className()).isEqualTo("com.example.CreateOrders");
    assertThat(problems.get(0).message()).startsWith(Messages.DUPLICATE_ID);
    assertThat(problems.get(0).message()).contains("and by a1 (CreateUsers)");
    assertThat(problems.get(1).message()).contains("and by a1 (CreateOrders)");
  }

  @Test
  void anUnknownParent_suggestsTheClosestIds() {
    List<Problem> problems = strictly(graph(
        node("ae1027a6acf"), node("27c6a30d7c24", "ae1027a6acg"), node("ffffffff")));

    assertThat(problems).hasSize(1);
    Problem problem = problems.get(0);
    assertThat(problem.attribute()).isEqualTo(Problem.Attribute.REVISES);
    assertThat(problem.value()).isEqualTo("ae1027a6acg");
    assertThat(problem.message()).startsWith(Messages.UNKNOWN_PARENT);
    assertThat(problem.message()).contains("revises 'ae1027a6acg', but no revision has that id");
    assertThat(problem.message()).contains("Closest existing id: ae1027a6acf (Rev_ae1027a6acf).");
  }

  @Test
  void anUnknownDependency_isReportedOnDependsOn() {
    Problem problem = strictly(graph(node("a"), dependent("b", List.of("zz"), "a"))).get(0);

    assertThat(problem.attribute()).isEqualTo(Problem.Attribute.DEPENDS_ON);
    assertThat(problem.message()).startsWith(Messages.UNKNOWN_DEPENDENCY);
  }

  @Test
  void aParentListedTwice_isReportedAtItsRepeat() {
    Problem problem = strictly(graph(node("a"), node("b", "a", "a"))).get(0);

    assertThat(problem.message()).startsWith(Messages.DUPLICATE_PARENT);
    assertThat(problem.message()).contains("lists 'a' twice in revises");
    assertThat(problem.value()).isEqualTo("a");
    assertThat(problem.occurrence()).isEqualTo(1);
  }

  @Test
  void aCycle_isReportedAtEveryMember_asThePathFromThatMember() {
    List<Problem> problems = strictly(graph(
        node("r0"), node("a", "c"), node("b", "a"), node("c", "b")));

    assertThat(messages(problems)).containsExactly(
        Messages.cycle("a (Rev_a)", List.of("a", "b", "c", "a"),
            List.of("a (Rev_a)", "b (Rev_b)", "c (Rev_c)")),
        Messages.cycle("b (Rev_b)", List.of("b", "c", "a", "b"),
            List.of("a (Rev_a)", "b (Rev_b)", "c (Rev_c)")),
        Messages.cycle("c (Rev_c)", List.of("c", "a", "b", "c"),
            List.of("a (Rev_a)", "b (Rev_b)", "c (Rev_c)")));
    assertThat(problems.get(0).value()).isEqualTo("c");
  }

  @Test
  void aRevisionRevisingItself_isACycleError() {
    Problem problem = strictly(graph(node("a", "a"))).get(0);

    assertThat(problem.message()).isEqualTo(Messages.revisesItself("a (Rev_a)", "revises"));
  }

  @Test
  void twoUnmergedHeads_areBothReported_withTheMergeCommand() {
    List<Problem> problems = strictly(graph(node("a"), node("b", "a"), node("c", "a")));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).subject().id()).isEqualTo("b");
    assertThat(problems.get(0).message()).startsWith(Messages.MULTIPLE_HEADS);
    assertThat(problems.get(0).message()).contains("retort merge b c -m \"Merge heads\"");
    assertThat(problems.get(0).message()).contains("revises = {\"b\", \"c\"}");
  }

  @Test
  void headsOfDistinctLabelledBranches_areAllowed() {
    assertThat(strictly(graph(
        labelled("a", List.of("core")), node("b", "a"),
        labelled("x", List.of("billing")), node("y", "x"))))
        .isEmpty();
  }

  @Test
  void aForkInsideOneLabelledBranch_isStillTwoHeads() {
    List<Problem> problems = strictly(graph(
        labelled("a", List.of("core")), node("b", "a"), node("c", "a")));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).message()).startsWith(Messages.MULTIPLE_HEADS);
  }

  @Test
  void aLabelledBranchOffTheMainLine_isAnIndependentHead() {
    assertThat(strictly(graph(
        labelled("a", List.of("core")), node("b", "a"),
        labelled("n", List.of("networking"), "a"))))
        .isEmpty();
  }

  @Test
  void aMainLineWithoutLabels_andALabelledBranch_areStillTwoHeads() {
    List<Problem> problems = strictly(graph(
        node("a"), node("b", "a"), labelled("n", List.of("networking"), "a")));

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).subject().id()).isEqualTo("b");
  }

  @Test
  void aTruncatedId_isMatchedByFourSharedCharacters_notByThree() {
    List<Problem> problems = strictly(graph(
        node("ae1027a6acf0"), node("b", "ae10"), node("c", "ae1"), node("m", "b", "c")));

    assertThat(messages(problems)).containsExactly(
        Messages.unknownParent("b (Rev_b)", "ae10", List.of("ae1027a6acf0 (Rev_ae1027a6acf0)")),
        Messages.unknownParent("c (Rev_c)", "ae1", List.of()));
  }

  @Test
  void suggestions_areTheThreeNearest_nearestFirst() {
    List<Problem> problems = strictly(graph(
        node("abcdef01"), node("abcdef02", "abcdef01"), node("abcdef99", "abcdef02"),
        node("abcdeXYZ", "abcdef99"), node("abcdZZZZ", "abcdeXYZ"), node("z", "abcdef0")));

    assertThat(messages(problems)).containsExactly(Messages.unknownParent("z (Rev_z)", "abcdef0",
        List.of("abcdef01 (Rev_abcdef01)", "abcdef02 (Rev_abcdef02)",
            "abcdef99 (Rev_abcdef99)")));
  }

  @Test
  void anUnknownId_farFromEveryId_getsNoSuggestion() {
    Problem problem = strictly(graph(node("a1b2c3d4"), node("b", "zzzzzzzz"))).get(0);

    assertThat(problem.message()).contains("No existing id is close to it.");
  }

  @Test
  void aMistypedParent_isNotAlsoReportedAsTheStrayHeadItLeaves() {
    List<Problem> problems = strictly(graph(node("a"), node("b", "a"), node("c", "x")));

    assertThat(messages(problems)).hasSize(1);
    assertThat(problems.get(0).message()).startsWith(Messages.UNKNOWN_PARENT);
  }

  @Test
  void aSecondUnlabelledBase_isReported() {
    List<Problem> problems = strictly(graph(node("a"), node("b", "a"), node("x"), node("m", "b", "x")));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).message()).startsWith(Messages.MULTIPLE_BASES);
  }

  @Test
  void permissiveMode_turnsHeadsAndBasesIntoWarnings() {
    List<Problem> problems = new GraphValidator(true).validate(
        graph(node("a"), node("b"), node("c", "a")));

    assertThat(problems).isNotEmpty();
    assertThat(problems.stream().map(Problem::severity).distinct().toList())
        .containsExactly(Problem.Severity.WARNING);
  }

  @Test
  void invalidIds_areEachReportedWithTheirReason() {
    String overlong = "x".repeat(33);
    List<Problem> problems = strictly(graph(
        node("has space"), node("a@b"), node("a-b"), node("a+b"), node("a:b"), node("head"),
        node("heads"), node("base"), node("current"), node(overlong), node(" "), node("")));

    assertThat(messages(problems).stream().filter(m -> m.startsWith(Messages.INVALID_ID)))
        .containsExactly(
            Messages.invalidId("has space (Rev_has space)", "has space",
                Messages.containsWhitespace()),
            Messages.invalidId("a@b (Rev_a@b)", "a@b", Messages.containsTargetSyntax('@')),
            Messages.invalidId("a-b (Rev_a-b)", "a-b", Messages.containsTargetSyntax('-')),
            Messages.invalidId("a+b (Rev_a+b)", "a+b", Messages.containsTargetSyntax('+')),
            Messages.invalidId("a:b (Rev_a:b)", "a:b", Messages.containsTargetSyntax(':')),
            Messages.invalidId("head (Rev_head)", "head", Messages.reservedWord()),
            Messages.invalidId("heads (Rev_heads)", "heads", Messages.reservedWord()),
            Messages.invalidId("base (Rev_base)", "base", Messages.reservedWord()),
            Messages.invalidId("current (Rev_current)", "current", Messages.reservedWord()),
            Messages.invalidId(overlong + " (Rev_" + overlong + ")", overlong,
                Messages.tooLong(33)),
            Messages.invalidId("  (Rev_ )", " ", Messages.emptyValue()),
            Messages.invalidId(" (Rev_)", "", Messages.emptyValue()));
    assertThat(problems.stream().filter(p -> p.message().startsWith(Messages.INVALID_ID))
        .map(Problem::attribute).distinct().toList()).containsExactly(Problem.Attribute.ID);
  }

  @Test
  void aBranchLabelUsedTwice_orEqualToAnId_isReported() {
    List<String> messages = messages(strictly(graph(
        labelled("a", List.of("core")), labelled("b", List.of("core", "a"), "a"))));

    assertThat(messages).contains(Messages.duplicateBranchLabel(
        "a (Rev_a)", "core", List.of("b (Rev_b)")));
    assertThat(messages).contains(Messages.branchLabelIsRevisionId("b (Rev_b)", "a", "a (Rev_a)"));
  }

  @Test
  void everyProblemIsReportedInOneRun() {
    List<Problem> problems = strictly(graph(
        node("a"), node("a", "nope"), node("b", "b")));

    assertThat(problems.stream().map(p -> p.message().substring(0, p.message().indexOf(']') + 1))
        .distinct().toList())
        .containsAtLeast(Messages.DUPLICATE_ID, Messages.UNKNOWN_PARENT, Messages.CYCLE);
  }
}

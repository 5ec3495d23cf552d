package dev.retort.processor.graph;

import static com.google.common.truth.Truth.assertThat;
import static dev.retort.processor.graph.Nodes.dependent;
import static dev.retort.processor.graph.Nodes.graph;
import static dev.retort.processor.graph.Nodes.inClass;
import static dev.retort.processor.graph.Nodes.irreversible;
import static dev.retort.processor.graph.Nodes.labelled;
import static dev.retort.processor.graph.Nodes.node;
import static dev.retort.processor.graph.Nodes.withMessage;

import dev.retort.processor.messages.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphValidatorTest {

  private static List<Problem> strictly(RevisionGraph graph) {
    return new GraphValidator(false, Messages.DEFAULT_COMMAND).validate(graph);
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

  /** Only a broken edge makes heads and bases unreliable; a message on two lines does not. */
  @Test
  void aProblemThatBreaksNoEdge_doesNotHideTwoUnmergedHeads() {
    List<Problem> problems = strictly(graph(node("a"), withMessage("b", "one\ntwo", "a"),
        irreversible("c", " ", "a")));

    assertThat(problems.stream().map(problem -> problem.message().split(" ")[0]).toList())
        .containsExactly(Messages.INVALID_MESSAGE, Messages.INVALID_IRREVERSIBLE_REASON,
            Messages.MULTIPLE_HEADS, Messages.MULTIPLE_HEADS).inOrder();
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
  void anUnlabelledTrunk_besideALabelledBranch_isAllowed() {
    assertThat(strictly(graph(
        node("a"), node("b", "a"), labelled("n", List.of("networking"), "a"))))
        .isEmpty();
  }

  @Test
  void anUnlabelledTrunk_besideALabelledIndependentBranch_isAllowed() {
    // What `create "Create invoices" --head base --branch-label billing` makes.
    assertThat(strictly(graph(
        node("a"), node("b", "a"), labelled("x", List.of("billing")), node("y", "x"))))
        .isEmpty();
  }

  @Test
  void twoUnlabelledHeads_besideALabelledBranch_areReported_andTheLabelledOneIsNot() {
    List<Problem> problems = strictly(graph(node("a"), node("b", "a"), node("c", "a"),
        labelled("x", List.of("billing")), node("y", "x")));

    assertThat(problems.stream().map(p -> p.subject().id()).toList()).containsExactly("b", "c");
    assertThat(problems.get(0).message()).startsWith(Messages.MULTIPLE_HEADS
        + " The revision graph has 3 heads");
  }

  @Test
  void twoUnlabelledBases_besideALabelledOne_areReported_andTheLabelledOneIsNot() {
    List<Problem> problems = strictly(graph(node("a"), node("b"), node("m", "a", "b"),
        labelled("x", List.of("billing"))));

    assertThat(problems.stream().map(p -> p.subject().id()).toList()).containsExactly("a", "b");
    assertThat(problems.get(0).message()).startsWith(Messages.MULTIPLE_BASES
        + " The revision graph has 3 bases");
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
    List<Problem> problems = new GraphValidator(true, Messages.DEFAULT_COMMAND).validate(
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
            Messages.invalidId(Messages.DEFAULT_COMMAND, "has space (Rev_has space)", "has space",
                Messages.containsWhitespace()),
            Messages.invalidId(Messages.DEFAULT_COMMAND, "a@b (Rev_a@b)", "a@b", Messages.containsTargetSyntax('@')),
            Messages.invalidId(Messages.DEFAULT_COMMAND, "a-b (Rev_a-b)", "a-b", Messages.containsTargetSyntax('-')),
            Messages.invalidId(Messages.DEFAULT_COMMAND, "a+b (Rev_a+b)", "a+b", Messages.containsTargetSyntax('+')),
            Messages.invalidId(Messages.DEFAULT_COMMAND, "a:b (Rev_a:b)", "a:b", Messages.containsTargetSyntax(':')),
            Messages.invalidId(Messages.DEFAULT_COMMAND, "head (Rev_head)", "head", Messages.reservedWord()),
            Messages.invalidId(Messages.DEFAULT_COMMAND, "heads (Rev_heads)", "heads", Messages.reservedWord()),
            Messages.invalidId(Messages.DEFAULT_COMMAND, "base (Rev_base)", "base", Messages.reservedWord()),
            Messages.invalidId(Messages.DEFAULT_COMMAND, "current (Rev_current)", "current", Messages.reservedWord()),
            Messages.invalidId(Messages.DEFAULT_COMMAND, overlong + " (Rev_" + overlong + ")", overlong,
                Messages.tooLong(33)),
            Messages.invalidId(Messages.DEFAULT_COMMAND, "  (Rev_ )", " ", Messages.emptyValue()),
            Messages.invalidId(Messages.DEFAULT_COMMAND, " (Rev_)", "", Messages.emptyValue()));
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

  @Test
  void aMessageWithALineBreak_orAControlCharacter_isReportedOnTheMessage() {
    List<Problem> problems = strictly(graph(
        withMessage("a", "line one\nFAKE -> deadbeef (head), Drop users"),
        withMessage("b", "carriage\rreturn", "a"),
        withMessage("c", "tab\there", "b"),
        withMessage("d", "nul\u0000", "c"),
        withMessage("e", "next line\u0085", "d"),
        withMessage("f", "line separator\u2028", "e"),
        withMessage("g", "right-to-left override \u202Eevil", "f"),
        withMessage("h", "escape \u001B[31m red", "g")));

    assertThat(messages(problems)).containsExactly(
        Messages.invalidMessage("a (Rev_a)", Messages.containsLineBreak('\n')),
        Messages.invalidMessage("b (Rev_b)", Messages.containsLineBreak('\r')),
        Messages.invalidMessage("c (Rev_c)", Messages.containsControlCharacter('\t')),
        Messages.invalidMessage("d (Rev_d)", Messages.containsControlCharacter('\u0000')),
        Messages.invalidMessage("e (Rev_e)", Messages.containsLineBreak('\u0085')),
        Messages.invalidMessage("f (Rev_f)", Messages.containsLineBreak('\u2028')),
        Messages.invalidMessage("g (Rev_g)", Messages.containsControlCharacter('\u202E')),
        Messages.invalidMessage("h (Rev_h)", Messages.containsControlCharacter('\u001B')));
    assertThat(problems.stream().map(Problem::attribute).distinct().toList())
        .containsExactly(Problem.Attribute.MESSAGE);
  }

  /**
   * A refused downgrade prints the reason inside its one-line error, and {@code show} after
   * "Irreversible:": a reason that breaks the line forges output, one that is blank says nothing.
   */
  @Test
  void anIrreversibleReasonThatIsBlank_orNotOneLine_isReportedOnTheReason() {
    List<Problem> problems = strictly(graph(
        irreversible("a", "drops the legacy table\nRevision: deadbeef"),
        irreversible("b", "   ", "a"),
        irreversible("c", "", "b"),
        irreversible("d", "paragraph\u2029", "c"),
        irreversible("e", "escape \u001B]0;title\u0007", "d"),
        irreversible("f", "isolate \u2066", "e"),
        irreversible("g", "deletes the rows it moved; a downgrade could not bring them back", "f"),
        irreversible("h", "supprime la colonne « legacy » — 削除", "g"),
        irreversible("i", "\u00A0\u200B\u3000", "h"),
        irreversible("j", "\uFEFF", "i"),
        node("k", "j")));

    assertThat(messages(problems)).containsExactly(
        Messages.invalidIrreversibleReason("a (Rev_a)", Messages.containsLineBreak('\n')),
        Messages.invalidIrreversibleReason("b (Rev_b)", Messages.saysNothing()),
        Messages.invalidIrreversibleReason("c (Rev_c)", Messages.saysNothing()),
        Messages.invalidIrreversibleReason("d (Rev_d)", Messages.containsLineBreak('\u2029')),
        Messages.invalidIrreversibleReason("e (Rev_e)",
            Messages.containsControlCharacter('\u001B')),
        Messages.invalidIrreversibleReason("f (Rev_f)",
            Messages.containsControlCharacter('\u2066')),
        Messages.invalidIrreversibleReason("i (Rev_i)", Messages.saysNothing()),
        Messages.invalidIrreversibleReason("j (Rev_j)", Messages.saysNothing()));
    assertThat(problems.stream().map(Problem::attribute).distinct().toList())
        .containsExactly(Problem.Attribute.IRREVERSIBLE_REASON);
  }

  @Test
  void aMessageLongerThanTheHistoryColumn_isReported_andOneThatFitsIsNot() {
    String fits = "x".repeat(Messages.MAX_MESSAGE_LENGTH);
    String tooLong = "y".repeat(Messages.MAX_MESSAGE_LENGTH + 1);

    List<Problem> problems = strictly(graph(withMessage("a", fits),
        withMessage("b", tooLong, "a"), withMessage("c", "z".repeat(60_000), "b")));

    assertThat(messages(problems)).containsExactly(
        Messages.invalidMessage("b (Rev_b)", Messages.messageTooLong(513)),
        Messages.invalidMessage("c (Rev_c)", Messages.messageTooLong(60_000)));
  }

  @Test
  void aMessageInAnyScript_withoutControlCharacters_isAccepted() {
    assertThat(strictly(graph(withMessage("a", "Ajoute la colonne « téléphone » ✓"),
        withMessage("b", "\u6DFB\u52A0\u7535\u8BDD — and a 👍", "a")))).isEmpty();
  }

  @Test
  void theHints_nameTheCommandTheProjectUses() {
    List<Problem> problems = new GraphValidator(false, "scripts/db_migrate").validate(
        graph(node("a"), node("b", "a"), node("c", "a")));

    assertThat(problems.get(0).message()).contains("`scripts/db_migrate merge b c -m");
    assertThat(problems.get(0).message()).doesNotContain("retort merge");
  }
}

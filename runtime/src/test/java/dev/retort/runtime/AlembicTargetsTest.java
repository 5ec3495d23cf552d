package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.internal.graph.Graph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.plan.Plan;
import dev.retort.runtime.internal.plan.Planner;
import dev.retort.runtime.messages.Messages;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's whole target grammar, one test per form, each named after the test of Alembic's own
 * suite ({@code tests/test_revision.py}, {@code tests/test_version_traversal.py}) whose behaviour
 * it proves, on the same revision maps. Resolution and plans need no database.
 */
class AlembicTargetsTest {

  /**
   * Alembic's {@code LabeledBranchTest}:
   *
   * <pre>
   * a (abranch) -> b -> somelongername -> c
   * d -> e (ebranch) -> someothername -> f
   * </pre>
   */
  private static final TestRegistry LABELED = TestRegistry.builder()
      .revision("a").labels("abranch")
      .revision("b", "a")
      .revision("somelongername", "b")
      .revision("c", "somelongername")
      .revision("d")
      .revision("e", "d").labels("ebranch")
      .revision("someothername", "e")
      .revision("f", "someothername")
      .build();

  /**
   * Alembic's {@code BranchedPathTest}:
   *
   * <pre>
   * a -> b -> c1 (c1branch) -> d1
   *       \-> c2 (c2branch) -> d2
   * </pre>
   */
  private static final TestRegistry BRANCHED = TestRegistry.builder()
      .revision("a")
      .revision("b", "a")
      .revision("c1", "b").labels("c1branch")
      .revision("d1", "c1")
      .revision("c2", "b").labels("c2branch")
      .revision("d2", "c2")
      .build();

  /** Alembic's {@code MultipleBranchTest}, the part its range tests walk. */
  private static final TestRegistry MULTIPLE = TestRegistry.builder()
      .revision("a")
      .revision("b1", "a")
      .revision("b2", "a")
      .revision("cb1", "b1")
      .revision("cb2", "b2")
      .revision("d1cb1", "cb1")
      .revision("d2cb2", "cb2")
      .build();

  /**
   * Alembic's {@code MultipleBaseCrossDependencyTestOne}: three labelled roots, two revisions
   * depending on a3.
   */
  private static final TestRegistry CROSS = TestRegistry.builder()
      .revision("base1").labels("b_1")
      .revision("a1a", "base1")
      .revision("a1b", "base1")
      .revision("b1a", "a1a")
      .revision("base3").labels("b_3")
      .revision("a3", "base3")
      .revision("b3", "a3")
      .revision("b1b", "a1b").dependsOn("a3")
      .build();

  private static Retort offline(TestRegistry registry) {
    return Retort.using(OfflineSqlTest.NO_DATABASE, registry);
  }

  private static String show(TestRegistry registry, String target) {
    return offline(registry).show(target).id();
  }

  private static List<String> history(TestRegistry registry, String range) {
    return offline(registry).history(range).stream().map(RevisionInfo::id).toList();
  }

  private static List<Integer> at(TestRegistry registry, String... heads) {
    return Arrays.stream(heads).map(id -> registry.revision(id).orElseThrow().index()).toList();
  }

  private static Plan downgrade(TestRegistry registry, String target, String... heads) {
    return new Planner(new Graph(registry)).downgrade(Target.parse(target), at(registry, heads));
  }

  private static Plan upgrade(TestRegistry registry, String target, String... heads) {
    return new Planner(new Graph(registry)).upgrade(Target.parse(target), at(registry, heads));
  }

  private static Plan stamp(TestRegistry registry, String target, String... heads) {
    return new Planner(new Graph(registry))
        .stamp(List.of(Target.parse(target)), at(registry, heads), false);
  }

  private static List<String> ran(Plan plan) {
    return plan.revisions().stream().map(RevisionInfo::id).toList();
  }

  // ---- a revision id or prefix before @: the branch that holds that revision ----

  @Test
  void test_not_actually_a_branch() {
    assertThat(show(LABELED, "e@d")).isEqualTo("d");
  }

  @Test
  void test_not_actually_a_branch_partial_resolution() {
    assertThat(show(LABELED, "someoth@d")).isEqualTo("d");
  }

  @Test
  void test_no_such_branch() {
    InvalidTargetException e =
        assertThrows(InvalidTargetException.class, () -> show(LABELED, "x@d"));
    assertThat(e).hasMessageThat().isEqualTo(Messages.noSuchBranch("x"));
  }

  @Test
  void test_rev_not_in_branch() {
    InvalidTargetException e =
        assertThrows(InvalidTargetException.class, () -> show(LABELED, "ebranch@b"));
    assertThat(e).hasMessageThat().isEqualTo(Messages.notOnBranch("b", "ebranch"));
  }

  @Test
  void test_downgrade_single_branch_c2() {
    Plan plan = downgrade(BRANCHED, "c2@b", "d1", "d2");

    assertThat(ran(plan)).containsExactly("d2", "c2").inOrder();
    assertThat(plan.end()).containsExactly("d1");
  }

  @Test
  void test_downgrade_single_branch_d1() {
    Plan plan = downgrade(BRANCHED, "d1@b", "d1", "d2");

    assertThat(ran(plan)).containsExactly("d1", "c1").inOrder();
    assertThat(plan.end()).containsExactly("d2");
  }

  @Test
  void test_we_need_head1_upgrade() {
    // b_1 has two heads, b1a and b1b; the revision names the one.
    assertThat(show(CROSS, "b1b@head")).isEqualTo("b1b");
    assertThat(ran(upgrade(CROSS, "b1b@head")))
        .containsExactly("base1", "a1b", "base3", "a3", "b1b");
    assertThrows(InvalidTargetException.class, () -> show(CROSS, "b_1@head"));
  }

  /** Alembic's {@code BranchFromMergepointTest.test_kaboom}, its {@code d1@base} step. */
  @Test
  void test_kaboom_d1_at_base() {
    TestRegistry registry = TestRegistry.builder()
        .revision("a3").revision("b2").revision("c1")
        .revision("d1").dependsOn("a3", "b2", "c1")
        .build();

    Plan plan = downgrade(registry, "d1@base", "d1");

    assertThat(ran(plan)).containsExactly("d1");
    // b2 (with a3 and c1) was implied by d1, so it is a head again.
    assertThat(plan.end()).containsExactly("a3", "b2", "c1");
  }

  // ---- label@base anywhere a target is accepted ----

  @Test
  void test_branch_at_syntax() {
    assertThat(show(LABELED, "abranch@head")).isEqualTo("c");
    assertThat(show(LABELED, "ebranch@head")).isEqualTo("f");
    assertThat(show(LABELED, "ebranch@d")).isEqualTo("d");
    // abranch@base is base: no revision, as Alembic's get_revision answers None.
    InvalidTargetException e =
        assertThrows(InvalidTargetException.class, () -> show(LABELED, "abranch@base"));
    assertThat(e).hasMessageThat().isEqualTo(Messages.showTakesOne("abranch@base", 0));
  }

  @Test
  void test_iterate_head_to_named_base() {
    assertThat(history(LABELED, "ebranch@base:heads"))
        .containsExactly("f", "someothername", "e", "d").inOrder();
    assertThat(history(LABELED, "abranch@base:heads"))
        .containsExactly("c", "somelongername", "b", "a").inOrder();
  }

  @Test
  void test_iterate_head_to_version_specific_base() {
    assertThat(history(LABELED, "e@base:heads"))
        .containsExactly("f", "someothername", "e", "d").inOrder();
    assertThat(history(LABELED, "c@base:heads"))
        .containsExactly("c", "somelongername", "b", "a").inOrder();
  }

  @Test
  void test_we_need_base3_upgrade() {
    assertThat(history(CROSS, "b_3@base:heads")).containsExactly("b3", "a3", "base3").inOrder();
  }

  @Test
  void test_stamp_to_labeled_base_multiple_heads() {
    Plan plan = stamp(BRANCHED, "c1branch@base", "d1", "c2");

    assertThat(plan.end()).containsExactly("c2");
    assertThat(plan.steps()).hasSize(1);
    assertThat(plan.steps().get(0).removed()).containsExactly("d1");
  }

  @Test
  void test_stamp_to_labeled_head_multiple_heads() {
    Plan plan = stamp(BRANCHED, "c2branch@head", "d1", "c2");

    assertThat(plan.end()).containsExactly("d1", "d2");
    assertThat(plan.steps().get(0).removed()).containsExactly("c2");
    assertThat(plan.steps().get(0).added()).containsExactly("d2");
  }

  // ---- base+N and label@base+N ----

  @Test
  void test_upgrade_from_base() {
    Plan plan = upgrade(BRANCHED, "base+1");

    assertThat(ran(plan)).containsExactly("a");
  }

  @Test
  void test_relative_downgrade_baseplus2() {
    Plan plan = downgrade(BRANCHED, "base+2", "d2", "d1");

    assertThat(ran(plan)).containsExactly("d2", "c2", "d1", "c1");
    assertThat(plan.end()).containsExactly("b");
  }

  @Test
  void test_relative_downgrade_branchplus2() {
    Plan plan = downgrade(BRANCHED, "c2branch@base+2", "d2", "d1");

    assertThat(ran(plan)).containsExactly("d2", "c2").inOrder();
    assertThat(plan.end()).containsExactly("d1");
  }

  @Test
  void test_relative_downgrade_branchplus3() {
    Plan plan = downgrade(BRANCHED, "c2branch@base+3", "d2", "d1");

    assertThat(ran(plan)).containsExactly("d2");
    assertThat(plan.end()).containsExactly("c2", "d1");
  }

  @Test
  void test_branch_w_up_relative() {
    assertThat(ran(upgrade(LABELED, "ebranch@+2"))).containsExactly("d", "e").inOrder();
  }

  // ---- a prefix unique within the named branch ----

  @Test
  void test_partial_id_resolve() {
    assertThat(show(LABELED, "ebranch@some")).isEqualTo("someothername");
    assertThat(show(LABELED, "abranch@some")).isEqualTo("somelongername");
    // Outside a branch the prefix names two revisions.
    InvalidTargetException e =
        assertThrows(InvalidTargetException.class, () -> show(LABELED, "some"));
    assertThat(e).hasMessageThat().isEqualTo(Messages.ambiguousPrefix("some",
        List.of("somelongername", "someothername")));
  }

  @Test
  void test_branch_at_heads_and_at_self() {
    assertThat(show(LABELED, "abranch@heads")).isEqualTo("c");
    assertThat(show(LABELED, "ebranch@ebranch")).isEqualTo("e");
    assertThat(show(LABELED, "ebranch")).isEqualTo("e");
  }

  // ---- an inverted or unrelated range is an error ----

  @Test
  void test_same_branch_wrong_direction() {
    InvalidTargetException e =
        assertThrows(InvalidTargetException.class, () -> history(MULTIPLE, "d1cb1:b1"));
    assertThat(e).hasMessageThat().isEqualTo(Messages.notAnAncestor("d1cb1", "b1"));
  }

  @Test
  void test_distinct_branches() {
    InvalidTargetException e =
        assertThrows(InvalidTargetException.class, () -> history(MULTIPLE, "b1:d2cb2"));
    assertThat(e).hasMessageThat().isEqualTo(Messages.notAnAncestor("b1", "d2cb2"));
  }

  @Test
  void test_iterate_from_an_ancestor_still_lists_the_range() {
    assertThat(history(MULTIPLE, "b2:d2cb2")).containsExactly("d2cb2", "cb2", "b2").inOrder();
  }

  // ---- the ambiguous walk advises what removes one step ----

  /**
   * Alembic's {@code test_downgrade_once_order_right}: {@code -1} from two heads is ambiguous
   * (Alembic warns, and will refuse). Retort refuses, and does not advise {@code c2-1}: that
   * names b, and a downgrade to b removes both c1 and c2.
   */
  @Test
  void test_downgrade_once_from_multiple_heads() {
    InvalidTargetException e = assertThrows(InvalidTargetException.class,
        () -> downgrade(BRANCHED, "-1", "c1", "c2"));

    assertThat(e).hasMessageThat()
        .isEqualTo(Messages.ambiguousWalkFromHeads("-1", List.of("c1", "c2"), true));
    assertThat(e).hasMessageThat().doesNotContain("c2-1");
    assertThat(ran(downgrade(BRANCHED, "c2-1", "c1", "c2"))).containsExactly("c2", "c1");
    Plan revert = new Planner(new Graph(BRANCHED))
        .revert(BRANCHED.revision("c2").orElseThrow(), at(BRANCHED, "c1", "c2"));
    assertThat(ran(revert)).containsExactly("c2");
    assertThat(revert.end()).containsExactly("c1");
  }

  @Test
  void test_downgrade_once_order_left_unbalanced_labelled() {
    Plan plan = downgrade(BRANCHED, "c1branch@-1", "d1", "d2");

    assertThat(ran(plan)).containsExactly("d1");
    assertThat(plan.end()).containsExactly("c1", "d2");
  }

  @Test
  void test_downgrade_relative_order_right() {
    Plan plan = downgrade(BRANCHED, "d2-1", "d2", "c1");

    assertThat(ran(plan)).containsExactly("d2");
    assertThat(plan.end()).containsExactly("c1", "c2");
  }

  @Test
  void test_upgrade_other_branch_from_mergepoint() {
    Plan plan = upgrade(BRANCHED, "c2branch@+1", "c1");

    assertThat(ran(plan)).containsExactly("c2");
    assertThat(plan.end()).containsExactly("c1", "c2");
  }

  @Test
  void test_ambiguous_upgrade() {
    InvalidTargetException e = assertThrows(InvalidTargetException.class,
        () -> upgrade(BRANCHED, "+1", "c1", "c2"));
    assertThat(e).hasMessageThat()
        .isEqualTo(Messages.ambiguousWalkFromHeads("+1", List.of("c1", "c2"), false));
  }

  @Test
  void test_downgrade_minus1_from_base() {
    InvalidTargetException e =
        assertThrows(InvalidTargetException.class, () -> downgrade(BRANCHED, "-1"));
    assertThat(e).hasMessageThat().isEqualTo(Messages.walkTooShort("-1", 1));
  }
}

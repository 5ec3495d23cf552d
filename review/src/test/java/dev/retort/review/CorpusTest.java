package dev.retort.review;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.annotations.LintRule;
import dev.retort.review.corpus.Expect;
import dev.retort.review.corpus.Revisions;
import dev.retort.runtime.RevisionInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus (package {@code corpus}), compiled with Retort's processor like any project, linted
 * on PostgreSQL through the public API: each revision finds what its {@code @Expect} says, and
 * every rule has a revision that breaks it and a near miss that does not.
 */
class CorpusTest {

  private static final Review REVIEW = Review.of(Revisions.REGISTRY, SQLDialect.POSTGRES);

  @TestFactory
  Stream<DynamicTest> eachRevision_findsExactlyWhatItExpects() {
    return Revisions.REGISTRY.revisions().stream().map(revision -> DynamicTest.dynamicTest(
        revision.id() + " (" + Headers.simpleName(revision) + ")", () -> {
          Expect expected = expectation(revision);
          RevisionReview review = REVIEW.revision(revision);
          assertWithMessage("findings of %s:\n%s", revision.id(),
              review.findings().stream().map(Finding::describe).toList())
              .that(review.findings().stream().map(Finding::rule).toList())
              .containsExactlyElementsIn(expected.value()).inOrder();
          assertWithMessage("excused findings of %s", revision.id())
              .that(review.excused().stream().map(excused -> excused.finding().rule()).toList())
              .containsExactlyElementsIn(expected.excused()).inOrder();
          assertWithMessage("notes of %s", revision.id())
              .that(review.notes()).hasSize(expected.notes());
        }));
  }

  @Test
  void everyRule_isBrokenByARevision_andMissedByANearMiss() {
    Set<LintRule> broken = EnumSet.noneOf(LintRule.class);
    Set<LintRule> missed = EnumSet.noneOf(LintRule.class);
    for (RevisionInfo revision : Revisions.REGISTRY.revisions()) {
      Expect expected = expectation(revision);
      broken.addAll(Arrays.asList(expected.value()));
      missed.addAll(Arrays.asList(expected.nearMissOf()));
    }
    assertThat(broken).containsExactlyElementsIn(LintRule.values());
    assertThat(missed).containsExactlyElementsIn(LintRule.values());
  }

  @Test
  void theExcuse_silencesExactlyItsRule_andKeepsItsReasonInTheReport() {
    RevisionReview review = REVIEW.revision(Revisions.REGISTRY.revision("drop_column_excused")
        .orElseThrow());

    assertThat(review.findings().stream().map(Finding::ruleName).toList())
        .containsExactly("rename-column");
    assertThat(review.excused()).hasSize(1);
    assertThat(review.excused().get(0).reason()).isEqualTo("orders.note is unread since 2.4");
    assertThat(review.excused().get(0).finding().ruleName()).isEqualTo("drop-column");
  }

  @Test
  void lintSince_leavesOutTheRevisionAndItsAncestors() {
    ReviewReport sinceTheShop = REVIEW.since("shop").all();
    ReviewReport sinceTheFirstCoupon = REVIEW.since("c0ffee000001").all();

    List<String> reviewed = new ArrayList<>();
    sinceTheShop.revisions().forEach(review -> reviewed.add(review.revision().id()));
    assertThat(reviewed).doesNotContain("shop");
    assertThat(reviewed).hasSize(Revisions.REGISTRY.revisions().size() - 1);
    assertThat(sinceTheFirstCoupon.revisions().stream().map(r -> r.revision().id()).toList())
        .doesNotContain("c0ffee000001");
    assertThat(sinceTheFirstCoupon.revisions().stream().map(r -> r.revision().id()).toList())
        .contains("c0ffee000002");
  }

  @Test
  void lintSince_namingNoRevision_isRefusedWithTheFix() {
    IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> REVIEW.since("c0ffee"));

    assertThat(refused).hasMessageThat()
        .isEqualTo(dev.retort.review.messages.Messages.unknownLintSince("c0ffee"));
  }

  private static Expect expectation(RevisionInfo revision) {
    try {
      Expect expected = Class.forName(revision.className()).getAnnotation(Expect.class);
      assertWithMessage("%s has no @Expect", revision.className()).that(expected).isNotNull();
      return expected;
    } catch (ClassNotFoundException missing) {
      throw new AssertionError(missing);
    }
  }
}

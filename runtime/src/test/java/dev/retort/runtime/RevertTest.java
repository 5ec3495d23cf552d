package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.messages.Messages;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** revert takes back one revision and what depends on it, and leaves other branches alone. */
class RevertTest {

  private final TestRegistry registry = TestRegistry.builder()
      .revision("a1").revision("b1", "a1").revision("c1", "a1").revision("d1", "c1").build();

  @Test
  void revertingOneBranchesRevision_leavesTheOtherBranch() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    Retort retort = Retort.using(dataSource, registry);
    retort.upgrade();

    retort.revert(registry.revision("c1").orElseThrow());

    assertThat(StateRows.versions(dataSource)).containsExactly("b1");
    assertThat(TestDatabase.tables(dataSource)).containsNoneOf("t_c1", "t_d1");
    assertThat(TestDatabase.tables(dataSource)).containsAtLeast("t_a1", "t_b1");
  }

  @Test
  void revertingARevision_takesItsDescendantsOnEveryBranchFirst() throws Exception {
    DataSource dataSource = TestDatabase.H2.create();
    Retort retort = Retort.using(dataSource, registry);
    retort.upgrade();

    assertThat(retort.revert(registry.revision("a1").orElseThrow()).stream()
        .map(step -> step.revision().id()).toList()).containsExactly("d1", "c1", "b1", "a1")
        .inOrder();
    assertThat(StateRows.versions(dataSource)).isEmpty();
  }

  @Test
  void revertingARevisionThatIsNotApplied_isRefused() throws Exception {
    Retort retort = Retort.using(TestDatabase.H2.create(), registry);
    retort.upgrade("b1");

    InvalidTargetException refused = assertThrows(InvalidTargetException.class,
        () -> retort.revert(registry.revision("d1").orElseThrow()));

    assertThat(refused).hasMessageThat()
        .isEqualTo(Messages.nothingToRevert(registry.revision("d1").orElseThrow()));
  }
}

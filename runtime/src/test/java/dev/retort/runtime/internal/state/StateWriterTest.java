package dev.retort.runtime.internal.state;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.runtime.internal.state.StateSql.Statement;
import dev.retort.runtime.internal.state.StateWriter.HeadChange;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statements a change of heads becomes, computed before anything runs: the same whether they
 * go to the server one at a time or together with the history row.
 */
class StateWriterTest {

  @Test
  void aStepFromOneHeadToTheNext_isOneUpdate_newHeadFirst() {
    assertThat(HeadChange.of(List.of("a1"), List.of("b1"))).containsExactly(
        new HeadChange(Statement.UPDATE_HEAD, List.of("b1", "a1"), "update a1 to b1"));
  }

  @Test
  void aMerge_updatesItsFirstParent_andDeletesTheOthers() {
    assertThat(HeadChange.of(List.of("a1", "b1", "c1"), List.of("m1"))).containsExactly(
        new HeadChange(Statement.UPDATE_HEAD, List.of("m1", "a1"), "update a1 to m1"),
        new HeadChange(Statement.DELETE_HEAD, List.of("b1"), "delete b1"),
        new HeadChange(Statement.DELETE_HEAD, List.of("c1"), "delete c1")).inOrder();
  }

  @Test
  void aNewBranch_fromBase_isAnInsert() {
    assertThat(HeadChange.of(List.of(), List.of("x1"))).containsExactly(
        new HeadChange(Statement.INSERT_HEAD, List.of("x1"), "insert x1"));
  }

  @Test
  void aDowngradeToBase_isADelete() {
    assertThat(HeadChange.of(List.of("a1"), List.of())).containsExactly(
        new HeadChange(Statement.DELETE_HEAD, List.of("a1"), "delete a1"));
  }

  @Test
  void aDowngradeOfAMerge_updatesOneHead_andInsertsTheOther() {
    assertThat(HeadChange.of(List.of("m1"), List.of("a1", "b1"))).containsExactly(
        new HeadChange(Statement.UPDATE_HEAD, List.of("a1", "m1"), "update m1 to a1"),
        new HeadChange(Statement.INSERT_HEAD, List.of("b1"), "insert b1")).inOrder();
  }
}

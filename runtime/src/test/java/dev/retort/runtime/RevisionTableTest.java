package dev.retort.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.annotations.internal.RevisionRecords;
import dev.retort.runtime.messages.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionTableTest {

  private static RevisionTable.Builder shop() {
    return RevisionTable.builder(4)
        .add("a1", "com.example.CreateUsers", "Create users", "c1", true, null,
            RevisionTable.NONE, RevisionTable.NONE, new String[] {"core"})
        .add("b1", "com.example.AddEmail", "Add email", "c2", true, null,
            new String[] {"a1"}, RevisionTable.NONE, RevisionTable.NONE)
        .add("c1", "com.example.AddPhone", "", "c3", false, "drops data",
            new String[] {"a1"}, new String[] {"b1"}, RevisionTable.NONE)
        .add("m1", "com.example.Merge", "Merge", "c4", true, null,
            new String[] {"b1", "c1"}, RevisionTable.NONE, RevisionTable.NONE);
  }

  @Test
  void theTableResolvesIdsToIndexes_inTheOrderGiven() {
    RevisionTable table = shop().build(new String[] {"m1"}, new String[] {"a1"});

    assertThat(table.revisions().stream().map(RevisionInfo::index)).containsExactly(0, 1, 2, 3);
    assertThat(table.parentIndexes(3)).asList().containsExactly(1, 2).inOrder();
    assertThat(table.dependencyIndexes(2)).asList().containsExactly(1);
    assertThat(table.heads()).containsExactly(table.revision("m1"));
    assertThat(table.bases()).containsExactly(table.revision("a1"));
  }

  @Test
  void aRevisionDescribesItselfTheWayAlembicDoes() {
    RevisionTable table = shop().build(new String[] {"m1"}, new String[] {"a1"});

    assertThat(table.revision("a1").toString()).isEqualTo("<base> -> a1, Create users");
    assertThat(table.revision("m1").toString()).isEqualTo("(b1, c1) -> m1, Merge");
    assertThat(table.revision("c1").toString()).isEqualTo("a1 -> c1");
    assertThat(table.revision("c1").reversible()).isFalse();
    assertThat(table.revision("c1").irreversibleReason()).hasValue("drops data");
    assertThat(table.revision("m1").isMerge()).isTrue();
  }

  @Test
  void aParentListedAfterItsChild_isRefusedAsAStaleRegistry() {
    RevisionTable.Builder outOfOrder = RevisionTable.builder(2)
        .add("b1", "com.example.AddEmail", "", "", true, null,
            new String[] {"a1"}, RevisionTable.NONE, RevisionTable.NONE)
        .add("a1", "com.example.CreateUsers", "", "", true, null,
            RevisionTable.NONE, RevisionTable.NONE, RevisionTable.NONE);

    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> outOfOrder.build(new String[] {"b1"}, new String[] {"a1"}));
    assertThat(refused).hasMessageThat()
        .isEqualTo(Messages.registryOutOfOrder("a1", "b1"));
  }

  @Test
  void anUnknownOrRepeatedId_isRefused() {
    assertThrows(IllegalStateException.class,
        () -> shop().build(new String[] {"zz"}, new String[] {"a1"}));
    assertThrows(IllegalStateException.class,
        () -> shop().add("a1", "com.example.Again", "", "", true, null,
            RevisionTable.NONE, RevisionTable.NONE, RevisionTable.NONE));
  }

  @Test
  void aNullMessageOrChecksum_isRefusedByName_emptyMeaningNone() {
    NullPointerException message = assertThrows(NullPointerException.class,
        () -> RevisionTable.builder(1).add("a1", "com.example.CreateUsers", null, "", true, null,
            RevisionTable.NONE, RevisionTable.NONE, RevisionTable.NONE));
    assertThat(message).hasMessageThat().isEqualTo("message (empty for none)");
    NullPointerException checksum = assertThrows(NullPointerException.class,
        () -> RevisionTable.builder(1).add("a1", "com.example.CreateUsers", "", null, true, null,
            RevisionTable.NONE, RevisionTable.NONE, RevisionTable.NONE));
    assertThat(checksum).hasMessageThat().isEqualTo("checksum (empty for none)");
  }

  @Test
  void theIndexArraysHandedOut_areCopies() {
    RevisionTable table = shop().build(new String[] {"m1"}, new String[] {"a1"});

    table.parentIndexes(3)[0] = 99;

    assertThat(table.parentIndexes(3)[0]).isEqualTo(1);
  }

  @Test
  void theRevisionArray_holdsTheRevisionsInOrder_inACopyEachTime() {
    RevisionTable table = shop().build(new String[] {"m1"}, new String[] {"a1"});

    RevisionInfo[] revisions = table.revisionArray();
    assertThat(revisions).asList().containsExactlyElementsIn(table.revisions()).inOrder();
    revisions[0] = null;
    assertThat(table.revisionArray()[0]).isSameInstanceAs(table.revision("a1"));
  }

  /** The shop's rows as Retort's processor writes them: records in one string. */
  private static String shopRecords() {
    StringBuilder records = new StringBuilder();
    RevisionRecords.append(records, "com.example.CreateUsers", "a1", "Create users", "c1", true,
        null, List.of(), List.of(), List.of("core"));
    RevisionRecords.append(records, "com.example.AddEmail", "b1", "Add email", "c2", true, null,
        List.of("a1"), List.of(), List.of());
    RevisionRecords.append(records, "com.example.AddPhone", "c1", "", "c3", false, "drops data",
        List.of("a1"), List.of("b1"), List.of());
    RevisionRecords.append(records, "com.example.Merge", "m1", "Merge", "c4", true, null,
        List.of("b1", "c1"), List.of(), List.of());
    return records.toString();
  }

  @Test
  void recordsInOneString_makeTheTableThatRowByRowCallsMake() {
    String records = shopRecords();
    int split = records.indexOf("20:com.example.AddPhone");

    RevisionTable table = RevisionTable.builder(4)
        .addRecords(records.substring(0, split))
        .addRecords(records.substring(split))
        .build(new String[] {"m1"}, new String[] {"a1"});

    RevisionTable expected = shop().build(new String[] {"m1"}, new String[] {"a1"});
    assertThat(table.revisions().stream().map(RevisionTableTest::describe).toList())
        .isEqualTo(expected.revisions().stream().map(RevisionTableTest::describe).toList());
    assertThat(table.parentIndexes(3)).asList().containsExactly(1, 2).inOrder();
    assertThat(table.dependencyIndexes(2)).asList().containsExactly(1);
  }

  @Test
  void aParentsIdIsHeldOnce_however_manyChildrenNameIt() {
    RevisionTable table = RevisionTable.builder(4).addRecords(shopRecords())
        .build(new String[] {"m1"}, new String[] {"a1"});

    String parentId = table.revision("a1").id();
    assertThat(table.revision("b1").revises().get(0)).isSameInstanceAs(parentId);
    assertThat(table.revision("c1").revises().get(0)).isSameInstanceAs(parentId);
  }

  @Test
  void recordsOfAnotherVersion_areRefusedAsAStaleRegistry_namingWhereTheyStopped() {
    String records = shopRecords();
    String cut = records.substring(0, records.indexOf("20:com.example.AddPhone") + 5);

    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> RevisionTable.builder(4).addRecords(cut));
    assertThat(refused).hasMessageThat().isEqualTo(Messages.registryRowsUnreadable("b1"));
    IllegalStateException first = assertThrows(IllegalStateException.class,
        () -> RevisionTable.builder(1).addRecords("not records"));
    assertThat(first).hasMessageThat().isEqualTo(Messages.registryRowsUnreadable(null));
  }

  @Test
  void aRecordWhoseLengthsOrCountsAreNotPlainDigits_isRefused() {
    String valid = "1:C2:r10:0:1:11:01:01:01:0";
    assertThat(RevisionTable.builder(1).addRecords(valid).build(new String[] {"r1"},
        new String[] {"r1"}).revision("r1").className()).isEqualTo("C");

    for (String broken : List.of(
        "1x:C2:r10:0:1:11:01:01:01:0", // a length with a letter in it
        ":C2:r10:0:1:11:01:01:01:0", // no length
        "0000000001:C2:r10:0:1:11:01:01:01:0", // a length of ten digits
        "1:C2:r10:0:1:12:+10:01:01:0", // a count with a sign
        "1:C2:r10:0:1:11:x1:01:01:0", // a count that is no number
        "1:C2:r10:0:1:11:01:01:01:", // a count that is empty
        "1:C2:r10:64:ab", // a checksum shorter than its length
        "1:C2:r10:0:1:11:01:01:01")) { // no colon after the last length
      IllegalStateException refused = assertThrows(IllegalStateException.class,
          () -> RevisionTable.builder(1).addRecords(broken), broken);
      assertThat(refused).hasMessageThat().isEqualTo(Messages.registryRowsUnreadable(null));
    }
  }

  @Test
  void aRevisionsClassNameMessageAndChecksum_areReadBackFromItsRecord_whateverTheyHold() {
    StringBuilder records = new StringBuilder(shopRecords());
    RevisionRecords.append(records, "com.example.Odd$Inner", "z1", "12:ab:0 – café ✓", "3:x",
        true, "2:1:", List.of("m1"), List.of(), List.of("9:"));

    RevisionTable table = RevisionTable.builder(5).addRecords(records.toString())
        .build(new String[] {"z1"}, new String[] {"a1"});

    RevisionInfo odd = table.revision("z1");
    assertThat(odd.className()).isEqualTo("com.example.Odd$Inner");
    assertThat(odd.message()).isEqualTo("12:ab:0 – café ✓");
    assertThat(odd.checksum()).isEqualTo("3:x");
    assertThat(odd.irreversibleReason()).hasValue("2:1:");
    assertThat(odd.branchLabels()).containsExactly("9:");
    assertThat(table.revision("c1").className()).isEqualTo("com.example.AddPhone");
    assertThat(table.revision("c1").checksum()).isEqualTo("c3");
  }

  @Test
  void aRevisionBuiltFromRecords_holdsNoCopyOfItsClassNameMessageOrChecksum() throws Exception {
    RevisionTable table = RevisionTable.builder(4).addRecords(shopRecords())
        .build(new String[] {"m1"}, new String[] {"a1"});
    RevisionInfo revision = table.revision("b1");

    // The registry's class keeps its record strings anyway; a copy per revision would be held
    // twice (BENCHMARKS.md, section 4).
    for (java.lang.reflect.Field field : RevisionInfo.class.getDeclaredFields()) {
      if (field.getType() == String.class) {
        field.setAccessible(true);
        assertThat(field.get(revision)).isNoneOf(revision.className(), revision.message(),
            revision.checksum());
      }
    }
  }

  private static String describe(RevisionInfo revision) {
    return String.join("|", String.valueOf(revision.index()), revision.id(), revision.className(),
        revision.message(), revision.checksum(), String.valueOf(revision.transactional()),
        String.valueOf(revision.irreversibleReason()), revision.revises().toString(),
        revision.dependsOn().toString(), revision.branchLabels().toString());
  }
}

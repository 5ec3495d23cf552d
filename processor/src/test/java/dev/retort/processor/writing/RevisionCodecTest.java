package dev.retort.processor.writing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.processor.graph.RevisionNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionCodecTest {

  @Test
  void aRecordDecodesToTheRevisionItEncoded_asOneFromTheClasspath() {
    RevisionNode revision = new RevisionNode("com.example.Outer$Merge", "m1",
        List.of("a1", "b1"), List.of("x9"), List.of("core"),
        "Merge: 12:34 \"quoted\", newline\nand ∑ unicode", false, "drops 2:data", "abc", true);

    RevisionNode decoded = RevisionCodec.decode(RevisionCodec.encode(revision));

    assertThat(decoded).isEqualTo(new RevisionNode("com.example.Outer$Merge", "m1",
        List.of("a1", "b1"), List.of("x9"), List.of("core"),
        "Merge: 12:34 \"quoted\", newline\nand ∑ unicode", false, "drops 2:data", "abc", false));
  }

  @Test
  void aReversibleRevisionHasNoReason() {
    RevisionNode revision = new RevisionNode("com.example.A", "a1", List.of(), List.of(),
        List.of(), "", true, null, "", false);

    assertThat(RevisionCodec.decode(RevisionCodec.encode(revision)).irreversibleReason()).isNull();
  }

  @Test
  void aForeignRecord_isRefusedWithTheFix() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> RevisionCodec.decode("3:abc"));

    assertThat(refused).hasMessageThat().contains("rebuild the module that contains it");
  }
}

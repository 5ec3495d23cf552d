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

    List<RevisionNode> decoded = RevisionCodec.decode(RevisionCodec.encode(revision));

    assertThat(decoded).containsExactly(new RevisionNode("com.example.Outer$Merge", "m1",
        List.of("a1", "b1"), List.of("x9"), List.of("core"),
        "Merge: 12:34 \"quoted\", newline\nand ∑ unicode", false, "drops 2:data", "abc", false));
  }

  @Test
  void aReversibleRevisionHasNoReason() {
    RevisionNode revision = new RevisionNode("com.example.A", "a1", List.of(), List.of(),
        List.of(), "", true, null, "", false);

    assertThat(RevisionCodec.decode(RevisionCodec.encode(revision)).get(0).irreversibleReason())
        .isNull();
  }

  @Test
  void aForeignRecord_isRefusedWithTheFix() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> RevisionCodec.decode("3:abc"));

    assertThat(refused).hasMessageThat().contains("rebuild the module that contains it");
  }

  @Test
  void chunksHoldWholeRecords_inOrder_withinAClassFileConstant() {
    List<RevisionNode> revisions = new java.util.ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      revisions.add(new RevisionNode("com.example.V" + i, "r" + i,
          i == 0 ? List.of() : List.of("r" + (i - 1)), List.of(), List.of(),
          "Create t" + i + " ∑", true, null, "0123456789abcdef".repeat(4), false));
    }

    List<String> chunks = RevisionCodec.encodeChunks(revisions);

    assertThat(chunks.size()).isGreaterThan(1);
    List<RevisionNode> decoded = new java.util.ArrayList<>();
    for (String chunk : chunks) {
      assertThat(chunk.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .isAtMost(RevisionCodec.CHUNK_BYTES);
      decoded.addAll(RevisionCodec.decode(chunk));
    }
    assertThat(decoded.stream().map(RevisionNode::id).toList())
        .isEqualTo(revisions.stream().map(RevisionNode::id).toList());
  }

  @Test
  void aMarkerOfOneRecordPerString_asEarlierVersionsWroteIt_staysReadable() {
    RevisionNode a = new RevisionNode("com.example.A", "a1", List.of(), List.of(), List.of(),
        "A", true, null, "c", false);
    RevisionNode b = new RevisionNode("com.example.B", "b1", List.of("a1"), List.of(),
        List.of(), "B", true, null, "d", false);

    assertThat(RevisionCodec.decode(RevisionCodec.encode(a) + RevisionCodec.encode(b)))
        .containsExactly(a, b).inOrder();
  }

  @Test
  void aRecordCutShort_isRefused() {
    String record = RevisionCodec.encode(new RevisionNode("com.example.A", "a1", List.of(),
        List.of(), List.of(), "A", true, null, "c", false));

    assertThrows(IllegalArgumentException.class,
        () -> RevisionCodec.decode(record.substring(0, record.length() - 1)));
  }
}

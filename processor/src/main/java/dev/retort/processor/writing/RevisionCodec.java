package dev.retort.processor.writing;

import dev.retort.annotations.internal.RevisionRecords;
import dev.retort.processor.graph.RevisionNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes revisions as {@link RevisionRecords}, the one format of Retort's generated code, and
 * decodes them when a later compilation reads a marker. Records need no separator, so many fit in
 * one string: a marker or a registry of 10,000 revisions holds a few dozen string constants, not
 * one per revision, which is less for javac to attribute and stays within the class file's limits.
 */
public final class RevisionCodec {

  /**
   * The most UTF-8 bytes in one chunk: a class file's string constant holds at most 65,535 (in
   * its modified UTF-8, where a few characters take a byte more than in standard UTF-8).
   */
  static final int CHUNK_BYTES = 60_000;

  private RevisionCodec() {}

  /** One record. */
  public static String encode(RevisionNode revision) {
    StringBuilder out = new StringBuilder();
    append(out, revision);
    return out.toString();
  }

  /**
   * The records of these revisions in order, concatenated into as few strings as fit a class
   * file's string constant each. A record is never split; one longer than a constant holds is a
   * chunk of its own.
   */
  public static List<String> encodeChunks(List<RevisionNode> revisions) {
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    int chunkBytes = 0;
    StringBuilder record = new StringBuilder();
    for (RevisionNode revision : revisions) {
      record.setLength(0);
      append(record, revision);
      int recordBytes = modifiedUtf8Length(record);
      if (chunkBytes > 0 && chunkBytes + recordBytes > CHUNK_BYTES) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
        chunkBytes = 0;
      }
      chunk.append(record);
      chunkBytes += recordBytes;
    }
    if (chunkBytes > 0) {
      chunks.add(chunk.toString());
    }
    return chunks;
  }

  /**
   * The revisions that one string of records holds, each as a revision from the classpath.
   *
   * @throws IllegalArgumentException if the string was not written by {@link #encode} or {@link
   *     #encodeChunks}
   */
  public static List<RevisionNode> decode(String records) {
    List<RevisionNode> revisions = new ArrayList<>();
    RevisionRecords.read(records, (className, id, message, checksum, transactional, reason,
        revises, dependsOn, branchLabels) -> revisions.add(new RevisionNode(className, id,
            revises, dependsOn, branchLabels, message, transactional, reason, checksum, false)));
    return revisions;
  }

  private static void append(StringBuilder out, RevisionNode revision) {
    RevisionRecords.append(out, revision.className(), revision.id(), revision.message(),
        revision.checksum(), revision.transactional(), revision.irreversibleReason(),
        revision.revises(), revision.dependsOn(), revision.branchLabels());
  }

  /** The bytes of the text in a class file: 1 for U+0001 to U+007F, 2 up to U+07FF and NUL. */
  private static int modifiedUtf8Length(CharSequence text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return bytes;
  }
}

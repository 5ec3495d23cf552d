package dev.retort.processor.writing;

import dev.retort.processor.graph.RevisionNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a revision as one string for a marker class, and decodes it when a later compilation
 * reads the marker. Every field is length-prefixed ({@code 5:hello}), so a message may contain
 * any character. One string per revision keeps a marker of 10,000 revisions within the class
 * file's limit of 65,535 constants.
 */
public final class RevisionCodec {

  private RevisionCodec() {}

  public static String encode(RevisionNode revision) {
    StringBuilder out = new StringBuilder();
    put(out, revision.className());
    put(out, revision.id());
    put(out, revision.message());
    put(out, revision.checksum());
    put(out, revision.transactional() ? "1" : "0");
    putList(out, revision.irreversibleReason() == null
        ? List.of()
        : List.of(revision.irreversibleReason()));
    putList(out, revision.revises());
    putList(out, revision.dependsOn());
    putList(out, revision.branchLabels());
    return out.toString();
  }

  /**
   * The revision a marker recorded, as a revision from the classpath.
   *
   * @throws IllegalArgumentException if the record was not written by {@link #encode}
   */
  public static RevisionNode decode(String record) {
    Reader in = new Reader(record);
    String className = in.next();
    String id = in.next();
    String message = in.next();
    String checksum = in.next();
    boolean transactional = in.next().equals("1");
    List<String> reason = in.nextList();
    List<String> revises = in.nextList();
    List<String> dependsOn = in.nextList();
    List<String> branchLabels = in.nextList();
    in.expectEnd();
    return new RevisionNode(className, id, revises, dependsOn, branchLabels, message,
        transactional, reason.isEmpty() ? null : reason.get(0), checksum, false);
  }

  private static void put(StringBuilder out, String value) {
    out.append(value.length()).append(':').append(value);
  }

  private static void putList(StringBuilder out, List<String> values) {
    put(out, Integer.toString(values.size()));
    values.forEach(value -> put(out, value));
  }

  private static final class Reader {
    private final String record;
    private int at;

    Reader(String record) {
      this.record = record;
    }

    String next() {
      int colon = record.indexOf(':', at);
      if (colon < 0) {
        throw malformed();
      }
      int length;
      try {
        length = Integer.parseInt(record.substring(at, colon));
      } catch (NumberFormatException e) {
        throw malformed();
      }
      int end = colon + 1 + length;
      if (length < 0 || end > record.length()) {
        throw malformed();
      }
      at = end;
      return record.substring(colon + 1, end);
    }

    List<String> nextList() {
      int size;
      try {
        size = Integer.parseInt(next());
      } catch (NumberFormatException e) {
        throw malformed();
      }
      List<String> values = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        values.add(next());
      }
      return values;
    }

    void expectEnd() {
      if (at != record.length()) {
        throw malformed();
      }
    }

    private IllegalArgumentException malformed() {
      return new IllegalArgumentException("Not a revision record written by this processor: "
          + record + "; rebuild the module that contains it with this version of Retort");
    }
  }
}

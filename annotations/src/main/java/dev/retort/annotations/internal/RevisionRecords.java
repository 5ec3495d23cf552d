package dev.retort.annotations.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The one format in which Retort's processor writes revisions into generated code: the records
 * of a marker ({@link AggregatedRevisions#revisions()}) and the rows of a generated registry.
 * Every field is length-prefixed ({@code 5:hello}), so a message may hold any character, and a
 * record needs no separator: one string holds any number of records, read back in order.
 *
 * <p>Generated code and Retort's own modules only; not an API.
 */
public final class RevisionRecords {

  /** Receives the records of a string in order. */
  @FunctionalInterface
  public interface Consumer {

    /**
     * One record.
     *
     * @param irreversibleReason why the revision has no downgrade, or {@code null} if it has one
     * @param revises its parents' ids, an immutable list
     * @param dependsOn its cross-branch dependencies' ids, an immutable list
     * @param branchLabels its branch labels, an immutable list
     */
    void accept(String className, String id, String message, String checksum,
        boolean transactional, String irreversibleReason, List<String> revises,
        List<String> dependsOn, List<String> branchLabels);
  }

  private RevisionRecords() {}

  /**
   * Appends one record to {@code out}.
   *
   * @param irreversibleReason why the revision has no downgrade, or {@code null} if it has one
   */
  public static void append(StringBuilder out, String className, String id, String message,
      String checksum, boolean transactional, String irreversibleReason, List<String> revises,
      List<String> dependsOn, List<String> branchLabels) {
    put(out, className);
    put(out, id);
    put(out, message);
    put(out, checksum);
    put(out, transactional ? "1" : "0");
    putList(out, irreversibleReason == null ? List.of() : List.of(irreversibleReason));
    putList(out, revises);
    putList(out, dependsOn);
    putList(out, branchLabels);
  }

  /**
   * Reads every record of {@code records}, in order.
   *
   * @throws IllegalArgumentException if the string is not a sequence of records written by
   *     {@link #append}: another version of Retort wrote it
   */
  public static void read(String records, Consumer consumer) {
    Reader in = new Reader(records);
    while (!in.atEnd()) {
      String className = in.next();
      String id = in.next();
      String message = in.next();
      String checksum = in.next();
      boolean transactional = in.next().equals("1");
      List<String> reason = in.nextList();
      if (reason.size() > 1) {
        throw in.malformed();
      }
      consumer.accept(className, id, message, checksum, transactional,
          reason.isEmpty() ? null : reason.get(0), in.nextList(), in.nextList(), in.nextList());
    }
  }

  private static void put(StringBuilder out, String value) {
    out.append(value.length()).append(':').append(value);
  }

  private static void putList(StringBuilder out, List<String> values) {
    put(out, Integer.toString(values.size()));
    values.forEach(value -> put(out, value));
  }

  private static final class Reader {
    private final String records;
    private int at;

    Reader(String records) {
      this.records = records;
    }

    boolean atEnd() {
      return at == records.length();
    }

    String next() {
      int length = 0;
      int digits = 0;
      while (at < records.length() && records.charAt(at) != ':') {
        char digit = records.charAt(at++);
        if (digit < '0' || digit > '9' || ++digits > 9) {
          throw malformed();
        }
        length = length * 10 + (digit - '0');
      }
      if (digits == 0 || at == records.length() || records.length() - at - 1 < length) {
        throw malformed();
      }
      int start = at + 1;
      at = start + length;
      return records.substring(start, at);
    }

    List<String> nextList() {
      int size;
      try {
        size = Integer.parseInt(next());
      } catch (NumberFormatException e) {
        throw malformed();
      }
      switch (size) {
        case 0:
          return List.of();
        case 1:
          return List.of(next());
        default:
          if (size < 0) {
            throw malformed();
          }
          List<String> values = new ArrayList<>(Math.min(size, 16));
          for (int i = 0; i < size; i++) {
            values.add(next());
          }
          return List.copyOf(values);
      }
    }

    IllegalArgumentException malformed() {
      String shown = records.length() > 200 ? records.substring(0, 200) + "…" : records;
      return new IllegalArgumentException("Not a revision record written by this version of"
          + " Retort's processor: " + shown + "; rebuild the module that contains it with this"
          + " version of Retort");
    }
  }
}

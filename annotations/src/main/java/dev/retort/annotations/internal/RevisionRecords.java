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

  /**
   * Receives the records of a string in order, each with its position in the string and the
   * fields that link it into the graph; its class name, message and checksum stay in the string,
   * read when asked for with {@link #className}, {@link #message} and {@link #checksum}.
   */
  @FunctionalInterface
  public interface RowConsumer {

    /**
     * One record.
     *
     * @param at where the record starts in the string
     * @param irreversibleReason why the revision has no downgrade, or {@code null} if it has one
     * @param revises its parents' ids, an immutable list
     * @param dependsOn its cross-branch dependencies' ids, an immutable list
     * @param branchLabels its branch labels, an immutable list
     */
    void accept(int at, String id, boolean transactional, String irreversibleReason,
        List<String> revises, List<String> dependsOn, List<String> branchLabels);
  }

  private static final int CLASS_NAME = 0;
  private static final int MESSAGE = 2;
  private static final int CHECKSUM = 3;

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
    readRows(records, (at, id, transactional, reason, revises, dependsOn, branchLabels) ->
        consumer.accept(className(records, at), id, message(records, at), checksum(records, at),
            transactional, reason, revises, dependsOn, branchLabels));
  }

  /**
   * Reads every record of {@code records}, in order, leaving each one's class name, message and
   * checksum in the string: a caller that keeps the string keeps them without a copy.
   *
   * @throws IllegalArgumentException if the string is not a sequence of records written by
   *     {@link #append}: another version of Retort wrote it
   */
  public static void readRows(String records, RowConsumer consumer) {
    Reader in = new Reader(records, 0);
    while (!in.atEnd()) {
      int at = in.position();
      in.skip();
      String id = in.next();
      in.skip();
      in.skip();
      boolean transactional = in.nextIsOne();
      List<String> reason = in.nextList();
      if (reason.size() > 1) {
        throw in.malformed();
      }
      consumer.accept(at, id, transactional, reason.isEmpty() ? null : reason.get(0),
          in.nextList(), in.nextList(), in.nextList());
    }
  }

  /**
   * The class name of the record at {@code at}, which must be a position that {@link #readRows}
   * reported for this string; at any other position the result is unspecified.
   */
  public static String className(String records, int at) {
    return new Reader(records, at).field(CLASS_NAME);
  }

  /**
   * The message of the record at {@code at}, which must be a position that {@link #readRows}
   * reported for this string; at any other position the result is unspecified.
   */
  public static String message(String records, int at) {
    return new Reader(records, at).field(MESSAGE);
  }

  /**
   * The checksum of the record at {@code at}, which must be a position that {@link #readRows}
   * reported for this string; at any other position the result is unspecified.
   */
  public static String checksum(String records, int at) {
    return new Reader(records, at).field(CHECKSUM);
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

    Reader(String records, int at) {
      this.records = records;
      this.at = at;
    }

    boolean atEnd() {
      return at == records.length();
    }

    int position() {
      return at;
    }

    /** The {@code index}th field from here, the ones before it skipped. */
    String field(int index) {
      for (int i = 0; i < index; i++) {
        skip();
      }
      return next();
    }

    String next() {
      int start = startOfValue();
      return records.substring(start, at);
    }

    /** Steps over a value without copying it, checking its length prefix as {@link #next} does. */
    void skip() {
      startOfValue();
    }

    /** Reads a length prefix, moves past its value and returns where the value starts. */
    private int startOfValue() {
      // indexOf, not a loop over charAt: every start-up reads every record, mostly before the
      // JIT has compiled this, and an interpreted call per character is what it would cost.
      int colon = records.indexOf(':', at);
      if (colon <= at || colon - at > 9) {
        throw malformed();
      }
      int length = digits(at, colon);
      int start = colon + 1;
      if (records.length() - start < length) {
        throw malformed();
      }
      at = start + length;
      return start;
    }

    /** The number written in decimal digits, and nothing else, from {@code from} to {@code to}. */
    private int digits(int from, int to) {
      int value = 0;
      for (int i = from; i < to; i++) {
        char digit = records.charAt(i);
        if (digit < '0' || digit > '9') {
          throw malformed();
        }
        value = value * 10 + (digit - '0');
      }
      return value;
    }

    /** Reads a value that is a number of at most nine digits, without copying it. */
    private int nextNumber() {
      int start = startOfValue();
      if (at == start || at - start > 9) {
        throw malformed();
      }
      return digits(start, at);
    }

    /** Whether the next value is {@code 1}, read without copying it. */
    boolean nextIsOne() {
      int start = startOfValue();
      return at - start == 1 && records.charAt(start) == '1';
    }

    List<String> nextList() {
      int size = nextNumber();
      switch (size) {
        case 0:
          return List.of();
        case 1:
          return List.of(next());
        default:
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

package dev.retort.processor.graph;

import java.util.Comparator;
import java.util.List;

/**
 * The existing ids near a mistyped one: within an edit distance of half its length, or sharing
 * its first four characters (a truncated copy), the nearest first.
 */
final class Suggestions {

  private static final int MAX_SUGGESTIONS = 3;

  private final RevisionGraph graph;

  Suggestions(RevisionGraph graph) {
    this.graph = graph;
  }

  /** Up to three revisions, described, the nearest first; none when nothing is near. */
  List<String> closestTo(String unknown) {
    return graph.ids().stream()
        .filter(id -> editDistance(unknown, id) <= unknown.length() / 2
            || sharedPrefix(unknown, id) >= 4)
        .sorted(Comparator.<String>comparingInt(id -> editDistance(unknown, id))
            .thenComparing(Comparator.<String>comparingInt(id -> sharedPrefix(unknown, id))
                .reversed())
            .thenComparing(Comparator.naturalOrder()))
        .limit(MAX_SUGGESTIONS)
        .map(id -> graph.node(id).orElseThrow().describe())
        .toList();
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  static int sharedPrefix(String a, String b) {
    int length = 0;
    while (length < a.length() && length < b.length() && a.charAt(length) == b.charAt(length)) {
      length++;
    }
    return length;
  }
}

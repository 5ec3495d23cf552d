package dev.retort.runtime.internal.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names near a mistyped target, for a did-you-mean: the symbols ({@code head}, {@code heads},
 * {@code base}, {@code current}), the branch labels and the revision ids, compared without regard
 * to case. A name is near when few edits turn the typed text into it (one, or a third of its
 * length; two where they share their first two characters, so {@code hed} finds {@code head} and
 * {@code heads} but {@code bee} not {@code base}), or, for an id, when it starts with the typed
 * text's first four characters (a truncated or mangled copy). The nearest come first, at most
 * three.
 */
final class Suggestions {

  private static final List<String> SYMBOLS = List.of("head", "heads", "base", "current");
  private static final int MAX_SUGGESTIONS = 3;
  private static final int SHARED_PREFIX = 4;

  private final Graph graph;

  Suggestions(Graph graph) {
    this.graph = graph;
  }

  /** Names near a reference that names no revision, no label and no symbol. */
  List<String> forReference(String reference) {
    Set<String> names = new LinkedHashSet<>(SYMBOLS);
    names.addAll(labels());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      ids.add(graph.revision(i).id());
    }
    names.addAll(ids);
    return nearest(reference, names, ids);
  }

  /** Labels near a branch name that is neither a label nor a revision. */
  List<String> forBranch(String branch) {
    return nearest(branch, labels(), List.of());
  }

  private List<String> labels() {
    Set<String> labels = new LinkedHashSet<>();
    for (int i = 0; i < graph.size(); i++) {
      labels.addAll(graph.revision(i).branchLabels());
    }
    return new ArrayList<>(labels);
  }

  private static List<String> nearest(String typed, Iterable<String> names, List<String> ids) {
    String key = typed.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, key.length() / 3);
    List<Near> near = new ArrayList<>();
    for (String name : names) {
      String candidate = name.toLowerCase(Locale.ROOT);
      int distance = editDistance(key, candidate);
      boolean close = (distance <= allowed || distance <= 2 && sharedPrefix(key, candidate) >= 2)
          && distance < Math.max(key.length(), candidate.length());
      boolean truncated = ids.contains(name) && key.length() >= SHARED_PREFIX
          && candidate.startsWith(key.substring(0, SHARED_PREFIX));
      if (close || truncated) {
        near.add(new Near(name, distance));
      }
    }
    return near.stream()
        .sorted(Comparator.comparingInt(Near::distance).thenComparing(Near::name))
        .limit(MAX_SUGGESTIONS)
        .map(Near::name)
        .toList();
  }

  private record Near(String name, int distance) {}

  private static int sharedPrefix(String a, String b) {
    int length = 0;
    while (length < a.length() && length < b.length() && a.charAt(length) == b.charAt(length)) {
      length++;
    }
    return length;
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
}

package dev.retort.processor.writing;

import dev.retort.processor.graph.RevisionNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names the registry's constants after the migration classes: {@code AddEmailVerifiedColumn}
 * becomes {@code ADD_EMAIL_VERIFIED_COLUMN}. Two classes with one simple name (in different
 * packages) both get their id appended, so no name depends on which of them came first.
 */
final class ConstantNames {

  private ConstantNames() {}

  /** One name per revision, in the order given. */
  static List<String> of(List<RevisionNode> revisions, Set<String> reserved) {
    Map<String, Integer> uses = new HashMap<>();
    for (RevisionNode revision : revisions) {
      uses.merge(fromClassName(revision.className()), 1, Integer::sum);
    }
    Set<String> taken = new HashSet<>(reserved);
    List<String> names = new ArrayList<>(revisions.size());
    for (RevisionNode revision : revisions) {
      String name = fromClassName(revision.className());
      if (uses.get(name) > 1 || reserved.contains(name)) {
        name = name + "_" + fromId(revision.id());
      }
      String unique = name;
      for (int suffix = 2; !taken.add(unique); suffix++) {
        unique = name + "_" + suffix;
      }
      names.add(unique);
    }
    return names;
  }

  /** {@code com.example.AddHTMLPage2Users} to {@code ADD_HTML_PAGE2_USERS}. */
  static String fromClassName(String binaryName) {
    String simpleName = binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '_');
    String snake = simpleName
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2");
    return snake.toUpperCase(Locale.ROOT).replaceAll("_+", "_");
  }

  private static String fromId(String id) {
    return id.replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
  }
}

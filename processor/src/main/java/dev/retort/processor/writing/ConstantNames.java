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
    List<String> fromClassNames = new ArrayList<>(revisions.size());
    for (RevisionNode revision : revisions) {
      String name = fromClassName(revision.className());
      fromClassNames.add(name);
      uses.merge(name, 1, Integer::sum);
    }
    Set<String> taken = new HashSet<>(reserved);
    List<String> names = new ArrayList<>(revisions.size());
    for (int i = 0; i < revisions.size(); i++) {
      RevisionNode revision = revisions.get(i);
      String name = fromClassNames.get(i);
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

  /**
   * {@code com.example.AddHTMLPage2Users} to {@code ADD_HTML_PAGE2_USERS}: an underscore before an
   * upper-case letter that follows a lower-case letter or a digit, and before the last of several
   * upper-case letters when a lower-case one follows it (ASCII letters only), then upper case, with
   * runs of underscores as one. Written out rather than with regular expressions: it names every
   * revision on every build.
   */
  static String fromClassName(String binaryName) {
    String simpleName = binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '_');
    StringBuilder words = new StringBuilder(simpleName.length() + 8);
    for (int i = 0; i < simpleName.length(); i++) {
      char c = simpleName.charAt(i);
      if (i > 0 && isUpper(c) && (isLower(simpleName.charAt(i - 1))
          || isDigit(simpleName.charAt(i - 1)))) {
        words.append('_');
      }
      words.append(c);
    }
    StringBuilder acronyms = new StringBuilder(words.length() + 8);
    for (int i = 0; i < words.length(); i++) {
      char c = words.charAt(i);
      if (i > 0 && i + 1 < words.length() && isUpper(words.charAt(i - 1)) && isUpper(c)
          && isLower(words.charAt(i + 1))) {
        acronyms.append('_');
      }
      acronyms.append(c);
    }
    String upper = acronyms.toString().toUpperCase(Locale.ROOT);
    StringBuilder name = new StringBuilder(upper.length());
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if (c != '_' || name.length() == 0 || name.charAt(name.length() - 1) != '_') {
        name.append(c);
      }
    }
    return name.toString();
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String fromId(String id) {
    return id.replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
  }
}

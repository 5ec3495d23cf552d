package dev.retort.processor.writing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a generated file writes each class it names: by its simple name where that name is its
 * own in the file, imported unless it is in the file's package or {@code java.lang}, and by its
 * canonical name where another class the file names, or a type the file declares, has the same
 * simple name. Decided once for the whole file, so that every mention of a class reads the same.
 */
final class ImportedNames {

  private static final String JAVA_LANG = "java.lang";

  /** The top-level classes the file writes by their simple names. */
  private final Map<String, ClassName> bySimpleName;
  private final Set<ClassName> imports;

  /**
   * @param packageName the file's package
   * @param declared the simple names of the types the file declares, nested ones too: no other
   *     class may be written by these names
   * @param named every class the file names, in code or in javadoc
   */
  ImportedNames(String packageName, Set<String> declared, List<ClassName> named) {
    Map<String, ClassName> bySimpleName = new HashMap<>();
    Set<String> clashing = new HashSet<>(declared);
    for (ClassName className : named) {
      ClassName topLevel = className.topLevel();
      ClassName before = bySimpleName.putIfAbsent(topLevel.simpleName(), topLevel);
      if (before != null && !before.equals(topLevel)) {
        clashing.add(topLevel.simpleName());
      }
    }
    bySimpleName.keySet().removeAll(clashing);
    this.bySimpleName = Map.copyOf(bySimpleName);
    TreeSet<ClassName> sorted = new TreeSet<>();
    for (ClassName topLevel : bySimpleName.values()) {
      // A class in the unnamed package cannot be imported (JLS 7.5); javac reports it unknown.
      if (!topLevel.packageName().equals(packageName) && !topLevel.packageName().isEmpty()
          && !topLevel.packageName().equals(JAVA_LANG)) {
        sorted.add(topLevel);
      }
    }
    this.imports = sorted;
  }

  /** The class as the file writes it: {@code Outer.Inner}, or its canonical name. */
  String of(ClassName className) {
    ClassName topLevel = className.topLevel();
    if (!topLevel.equals(bySimpleName.get(topLevel.simpleName()))) {
      return className.canonicalName();
    }
    return String.join(".", className.simpleNames());
  }

  /** The file's import declarations, sorted by name, each ending with a line break. */
  String declarations() {
    StringBuilder out = new StringBuilder();
    for (ClassName imported : imports) {
      out.append("import ").append(imported.canonicalName()).append(";\n");
    }
    return out.toString();
  }
}

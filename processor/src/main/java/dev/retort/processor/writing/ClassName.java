package dev.retort.processor.writing;

import java.util.ArrayList;
import java.util.List;

/**
 * A class's name as generated source needs it: its package, and its simple names from the
 * top-level class inwards. All the writers need of a name, so that a build loads no source-writing
 * library for it; the names are not checked here, only split and joined.
 *
 * @param packageName the package, empty for the unnamed package
 * @param simpleNames the top-level class's simple name first, then each nested class's
 */
public record ClassName(String packageName, List<String> simpleNames)
    implements Comparable<ClassName> {

  /**
   * @throws IllegalArgumentException if there is no simple name
   */
  public ClassName {
    simpleNames = List.copyOf(simpleNames);
    if (simpleNames.isEmpty()) {
      throw new IllegalArgumentException("a class name needs a simple name");
    }
  }

  // equals and hashCode written out: a record's own are linked through method handles on first
  // use, which a cold build pays for in every compilation, and the writers compare names often.

  @Override
  public boolean equals(Object other) {
    return other instanceof ClassName that
        && packageName.equals(that.packageName) && simpleNames.equals(that.simpleNames);
  }

  @Override
  public int hashCode() {
    return 31 * packageName.hashCode() + simpleNames.hashCode();
  }

  /** The class {@code simpleName} in {@code packageName}, or one nested in it. */
  public static ClassName of(String packageName, String simpleName, String... nested) {
    List<String> simpleNames = new ArrayList<>(1 + nested.length);
    simpleNames.add(simpleName);
    simpleNames.addAll(List.of(nested));
    return new ClassName(packageName, simpleNames);
  }

  /**
   * The class of a binary name as the processor records it, {@code a.b.Outer$Inner}: each
   * {@code $} after the last dot starts a nested class's name.
   */
  public static ClassName fromBinaryName(String binaryName) {
    int lastDot = binaryName.lastIndexOf('.');
    return new ClassName(lastDot < 0 ? "" : binaryName.substring(0, lastDot),
        List.of(binaryName.substring(lastDot + 1).split("\\$")));
  }

  /** The class of that simple name nested in this one. */
  public ClassName nested(String simpleName) {
    List<String> names = new ArrayList<>(simpleNames);
    names.add(simpleName);
    return new ClassName(packageName, names);
  }

  /** The class of that simple name beside this one: in the same package, or the same class. */
  public ClassName peer(String simpleName) {
    List<String> names = new ArrayList<>(simpleNames.subList(0, simpleNames.size() - 1));
    names.add(simpleName);
    return new ClassName(packageName, names);
  }

  /** The top-level class this one is, or is nested in. */
  public ClassName topLevel() {
    return simpleNames.size() == 1 ? this : new ClassName(packageName, simpleNames.subList(0, 1));
  }

  /** The innermost simple name: {@code Inner} for {@code a.b.Outer.Inner}. */
  public String simpleName() {
    return simpleNames.get(simpleNames.size() - 1);
  }

  /** The name source writes in full: {@code a.b.Outer.Inner}. */
  public String canonicalName() {
    return joined('.');
  }

  /** The name a class loader knows: {@code a.b.Outer$Inner}. */
  public String binaryName() {
    return joined('$');
  }

  private String joined(char nesting) {
    StringBuilder out = new StringBuilder(packageName.length() + 32);
    if (!packageName.isEmpty()) {
      out.append(packageName).append('.');
    }
    for (int i = 0; i < simpleNames.size(); i++) {
      if (i > 0) {
        out.append(nesting);
      }
      out.append(simpleNames.get(i));
    }
    return out.toString();
  }

  /** By canonical name, so that imports sort as they read. */
  @Override
  public int compareTo(ClassName other) {
    return canonicalName().compareTo(other.canonicalName());
  }

  /** The canonical name. */
  @Override
  public String toString() {
    return canonicalName();
  }
}

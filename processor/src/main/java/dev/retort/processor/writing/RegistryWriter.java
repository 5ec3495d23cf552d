package dev.retort.processor.writing;

import dev.retort.processor.graph.RevisionNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;

/**
 * Writes the registry: one constant per revision, the rows of the graph in topological order,
 * and a {@code switch} that creates each migration only when asked.
 *
 * <p>The rows are a few string constants of {@link RevisionCodec} records, which the runtime
 * reads once at class initialisation: for javac a string literal costs next to nothing, where a
 * call per revision with its arguments and arrays cost it more than the rest of the registry.
 *
 * <p>The text is written here, a member per revision, rather than built with JavaPoet: the
 * registry has two members per revision, and building and printing each as JavaPoet's specs
 * took more of a build than checking the whole graph. {@link ImportedNames} decides how the
 * file names each class.
 *
 * <p>The JVM limits a method to 64 KB of bytecode and a class to 65,535 constants, so a large
 * history is split: constructor calls go into nested page classes of {@value #PAGE_SIZE}
 * revisions each, and the constants past the first {@value #CONSTANTS_PER_TYPE} go into
 * interfaces that the registry implements, each with its own static initializer. Either split
 * costs a small project nothing: it has one page and no extra interface.
 */
public final class RegistryWriter {

  static final int PAGE_SIZE = 500;
  static final int CONSTANTS_PER_TYPE = 2_000;

  private static final String RUNTIME = "dev.retort.runtime";
  private static final ClassName GENERATED_REGISTRY = ClassName.of(RUNTIME, "GeneratedRegistry");
  private static final ClassName MIGRATION = ClassName.of(RUNTIME, "Migration");
  private static final ClassName REVISION_INFO = ClassName.of(RUNTIME, "RevisionInfo");
  private static final ClassName REVISION_TABLE = ClassName.of(RUNTIME, "RevisionTable");
  private static final ClassName TABLE_BUILDER = REVISION_TABLE.nested("Builder");
  private static final ClassName GENERATED =
      ClassName.of("javax.annotation.processing", "Generated");
  private static final ClassName OVERRIDE = ClassName.of("java.lang", "Override");
  private static final ClassName STRING = ClassName.of("java.lang", "String");
  private static final ClassName OUT_OF_RANGE =
      ClassName.of("java.lang", "IndexOutOfBoundsException");
  private static final String REGISTRY_FIELD = "REGISTRY";
  // Not upper case, so no revision's constant can take its name: it is an array, not a constant.
  private static final String BY_INDEX_FIELD = "byIndex";
  private static final String INDENT = "  ";

  private final ClassName registry;
  private final List<RevisionNode> revisions;
  private final List<RevisionNode> heads;
  private final List<RevisionNode> bases;
  private final List<Element> originatingElements;
  private final boolean generatedAnnotationAvailable;
  private final String processorName;
  private final List<ClassName> migrationClasses;

  /**
   * @param revisions every revision, in topological order
   * @param originatingElements the elements the registry is derived from, for incremental builds
   * @param generatedAnnotationAvailable whether {@code javax.annotation.processing.Generated} is on
   *     the platform being compiled against
   */
  public RegistryWriter(
      ClassName registry,
      List<RevisionNode> revisions,
      List<RevisionNode> heads,
      List<RevisionNode> bases,
      List<Element> originatingElements,
      boolean generatedAnnotationAvailable,
      String processorName) {
    this.registry = registry;
    this.revisions = revisions;
    this.heads = heads;
    this.bases = bases;
    this.originatingElements = originatingElements;
    this.generatedAnnotationAvailable = generatedAnnotationAvailable;
    this.processorName = processorName;
    this.migrationClasses =
        revisions.stream().map(RevisionNode::className).map(ClassName::fromBinaryName).toList();
  }

  /**
   * The registry and, for more than {@value #CONSTANTS_PER_TYPE} revisions, its constant
   * interfaces.
   */
  public List<SourceFile> files() {
    List<String> names = ConstantNames.of(revisions, Set.of(REGISTRY_FIELD, "PAGE_SIZE", "TABLE"));
    List<ClassName> interfaces = new ArrayList<>();
    for (int start = CONSTANTS_PER_TYPE; start < revisions.size(); start += CONSTANTS_PER_TYPE) {
      interfaces.add(constantsInterface(start));
    }
    List<SourceFile> files = new ArrayList<>();
    files.add(registryFile(names, interfaces));
    for (int i = 0; i < interfaces.size(); i++) {
      files.add(constantsFile(interfaces.get(i), names, (i + 1) * CONSTANTS_PER_TYPE));
    }
    return files;
  }

  private SourceFile registryFile(List<String> names, List<ClassName> interfaces) {
    int pages = (revisions.size() + PAGE_SIZE - 1) / PAGE_SIZE;
    Set<String> declared = new HashSet<>();
    declared.add(registry.simpleName());
    for (int page = 0; page < pages; page++) {
      declared.add(pageName(page));
    }
    List<ClassName> named = new ArrayList<>(List.of(GENERATED_REGISTRY, MIGRATION, REVISION_INFO,
        REVISION_TABLE, OVERRIDE, STRING, OUT_OF_RANGE));
    if (generatedAnnotationAvailable) {
      named.add(GENERATED);
    }
    named.addAll(interfaces);
    named.addAll(migrationClasses);
    ImportedNames imports = new ImportedNames(registry.packageName(), declared, named);

    StringBuilder out = new StringBuilder(200 * revisions.size() + 2_000);
    header(out, imports);
    out.append("/**\n")
        .append(" * The ").append(revisions.size()).append(" revisions of this application in"
            + " topological order, with the graph that Retort's processor\n")
        .append(" * computed and checked at compile time.\n")
        .append(" *\n")
        .append(" * <p>Heads: ").append(idList(heads)).append(". Bases: ").append(idList(bases))
        .append(".\n")
        .append(" *\n")
        .append(" * <p>Generated from the {@code @Revision} classes on every build; do not edit.\n")
        .append(" */\n");
    generated(out, imports);
    out.append("public final class ").append(registry.simpleName()).append(" extends ")
        .append(imports.of(GENERATED_REGISTRY));
    for (int i = 0; i < interfaces.size(); i++) {
      out.append(i == 0 ? " implements " : ", ").append(imports.of(interfaces.get(i)));
    }
    out.append(" {\n");
    String table = imports.of(REVISION_TABLE);
    String info = imports.of(REVISION_INFO);
    out.append(INDENT).append("private static final int PAGE_SIZE = ").append(PAGE_SIZE)
        .append(";\n\n");
    out.append(INDENT).append("private static final ").append(table)
        .append(" TABLE = table();\n\n");
    javadoc(out, INDENT,
        "The revisions by index, which the constants are read from. Generated code only.");
    out.append(INDENT).append("static final ").append(info).append("[] ").append(BY_INDEX_FIELD)
        .append(" = TABLE.revisionArray();\n\n");
    javadoc(out, INDENT, "The registry. Instances that {@link java.util.ServiceLoader} creates"
        + " answer the same.");
    // The class it declares, so its simple name is its own.
    out.append(INDENT).append("public static final ").append(registry.simpleName()).append(' ')
        .append(REGISTRY_FIELD).append(" = new ").append(registry.simpleName()).append("();\n\n");
    int constantsHere = Math.min(revisions.size(), CONSTANTS_PER_TYPE);
    for (int i = 0; i < constantsHere; i++) {
      constant(out, imports, "public static final " + info + " ", names.get(i), i,
          BY_INDEX_FIELD);
    }
    javadoc(out, INDENT, "For {@link java.util.ServiceLoader}; code uses {@link #" + REGISTRY_FIELD
        + "}.");
    out.append(INDENT).append("public ").append(registry.simpleName()).append("() {\n")
        .append(INDENT).append(INDENT).append("super(TABLE);\n")
        .append(INDENT).append("}\n\n");
    tableMethod(out, imports);
    dispatch(out, imports, pages);
    for (int page = 0; page < pages; page++) {
      out.append('\n');
      page(out, imports, page);
    }
    out.append("}\n");
    return new SourceFile(registry.canonicalName(), out.toString(), originatingElements);
  }

  private void header(StringBuilder out, ImportedNames imports) {
    if (!registry.packageName().isEmpty()) {
      out.append("package ").append(registry.packageName()).append(";\n\n");
    }
    String declarations = imports.declarations();
    if (!declarations.isEmpty()) {
      out.append(declarations).append('\n');
    }
  }

  private void generated(StringBuilder out, ImportedNames imports) {
    if (generatedAnnotationAvailable) {
      out.append('@').append(imports.of(GENERATED)).append("(\n")
          .append("    value = ").append(StringLiterals.quoted(processorName)).append(",\n")
          .append("    comments = ")
          .append(StringLiterals.quoted("Regenerated from the @Revision classes on every build"))
          .append("\n)\n");
    }
  }

  private static void javadoc(StringBuilder out, String indent, String text) {
    out.append(indent).append("/**\n");
    for (String line : text.split("\n", -1)) {
      out.append(indent).append(line.isEmpty() ? " *" : " * ").append(line).append('\n');
    }
    out.append(indent).append(" */\n");
  }

  private static String idList(List<RevisionNode> nodes) {
    return nodes.stream().map(RevisionNode::id).collect(Collectors.joining(", "));
  }

  /**
   * A revision's constant, read from the array by index. Not a call: javac walks all members of
   * the class for every call in a static initialiser (to place type annotations), so a call per
   * constant made a class of N constants cost N² in code generation.
   */
  private void constant(StringBuilder out, ImportedNames imports, String declaration, String name,
      int index, String byIndex) {
    RevisionNode revision = revisions.get(index);
    out.append(INDENT).append("/**\n")
        .append(INDENT).append(" * {@code ").append(revision.id()).append('}');
    if (!revision.message().isEmpty()) {
      out.append(": ").append(javadocSafe(revision.message()));
    }
    out.append(" ({@link ").append(imports.of(migrationClasses.get(index))).append("}).\n")
        .append(INDENT).append(" */\n")
        .append(INDENT).append(declaration).append(name).append(" = ").append(byIndex)
        .append('[').append(index).append("];\n\n");
  }

  /** Text as javadoc shows it: no comment end, no unicode escape, no tag, no HTML, one line. */
  /**
   * The text as javadoc shows it, in ASCII (as {@link StringLiterals#quoted} writes literals):
   * markup, comment ends and characters beyond ASCII as HTML character references.
   */
  private static String javadocSafe(String text) {
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\\", "&#92;").replace("*/", "*&#47;").replace("{", "&#123;")
        .replace("}", "&#125;").replace("@", "&#64;").replace("\r", "&#13;")
        .replace("\n", "&#10;");
    if (escaped.chars().allMatch(c -> c <= '~')) {
      return escaped;
    }
    StringBuilder ascii = new StringBuilder(escaped.length() + 16);
    escaped.codePoints().forEach(c -> {
      if (c <= '~') {
        ascii.append((char) c);
      } else {
        ascii.append("&#").append(c).append(';');
      }
    });
    return ascii.toString();
  }

  private void tableMethod(StringBuilder out, ImportedNames imports) {
    String table = imports.of(REVISION_TABLE);
    String body = INDENT + INDENT;
    out.append(INDENT).append("private static ").append(table).append(" table() {\n")
        .append(body).append(imports.of(TABLE_BUILDER)).append(" table = ").append(table)
        .append(".builder(").append(revisions.size()).append(");\n");
    for (String records : RevisionCodec.encodeChunks(revisions)) {
      out.append(body).append("table.addRecords(").append(StringLiterals.quoted(records))
          .append(");\n");
    }
    out.append(body).append("return table.build(").append(idArray(imports, heads)).append(", ")
        .append(idArray(imports, bases)).append(");\n")
        .append(INDENT).append("}\n\n");
  }

  private void dispatch(StringBuilder out, ImportedNames imports, int pages) {
    String body = INDENT + INDENT;
    out.append(INDENT).append('@').append(imports.of(OVERRIDE)).append('\n')
        .append(INDENT).append("protected ").append(imports.of(MIGRATION))
        .append(" newMigration(int index) {\n")
        .append(body).append("switch (index / PAGE_SIZE) {\n");
    for (int page = 0; page < pages; page++) {
      out.append(body).append(INDENT).append("case ").append(page).append(":\n")
          .append(body).append(INDENT).append(INDENT).append("return ").append(pageName(page))
          .append(".newMigration(index);\n");
    }
    outOfRange(out, imports, body);
    out.append(body).append("}\n")
        .append(INDENT).append("}\n");
  }

  private void page(StringBuilder out, ImportedNames imports, int page) {
    int from = page * PAGE_SIZE;
    int to = Math.min(revisions.size(), from + PAGE_SIZE);
    String member = INDENT + INDENT;
    String body = member + INDENT;
    javadoc(out, INDENT, "Revisions " + from + " to " + (to - 1)
        + ": the only code that creates their migrations.");
    out.append(INDENT).append("private static final class ").append(pageName(page)).append(" {\n")
        .append(member).append("static ").append(imports.of(MIGRATION))
        .append(" newMigration(int index) {\n")
        .append(body).append("switch (index) {\n");
    for (int i = from; i < to; i++) {
      out.append(body).append(INDENT).append("case ").append(i).append(":\n")
          .append(body).append(INDENT).append(INDENT).append("return new ")
          .append(imports.of(migrationClasses.get(i))).append("();\n");
    }
    outOfRange(out, imports, body);
    out.append(body).append("}\n")
        .append(member).append("}\n")
        .append(INDENT).append("}\n");
  }

  private static void outOfRange(StringBuilder out, ImportedNames imports, String body) {
    out.append(body).append(INDENT).append("default:\n")
        .append(body).append(INDENT).append(INDENT).append("throw new ")
        .append(imports.of(OUT_OF_RANGE)).append('(')
        .append(StringLiterals.quoted("No revision at index ")).append(" + index);\n");
  }

  private static String idArray(ImportedNames imports, List<RevisionNode> nodes) {
    if (nodes.isEmpty()) {
      return imports.of(REVISION_TABLE) + ".NONE";
    }
    return nodes.stream().map(node -> StringLiterals.quoted(node.id()))
        .collect(Collectors.joining(", ", "new " + imports.of(STRING) + "[] {", "}"));
  }

  private static String pageName(int page) {
    return "Page" + page;
  }

  private ClassName constantsInterface(int start) {
    return registry.peer(registry.simpleName() + "Constants" + (start / CONSTANTS_PER_TYPE));
  }

  private SourceFile constantsFile(ClassName holder, List<String> names, int start) {
    int end = Math.min(revisions.size(), start + CONSTANTS_PER_TYPE);
    List<ClassName> named = new ArrayList<>(List.of(REVISION_INFO, registry));
    if (generatedAnnotationAvailable) {
      named.add(GENERATED);
    }
    named.addAll(migrationClasses.subList(start, end));
    ImportedNames imports =
        new ImportedNames(holder.packageName(), Set.of(holder.simpleName()), named);
    StringBuilder out = new StringBuilder(200 * (end - start) + 1_000);
    header(out, imports);
    javadoc(out, "", "Constants " + start + " to " + (end - 1) + " of {@link "
        + imports.of(registry) + "}, which implements this interface: one class could not hold"
        + " them all.");
    generated(out, imports);
    out.append("public interface ").append(holder.simpleName()).append(" {\n");
    String byIndex = imports.of(registry) + "." + BY_INDEX_FIELD;
    String declaration = imports.of(REVISION_INFO) + " ";
    for (int i = start; i < end; i++) {
      constant(out, imports, declaration, names.get(i), i, byIndex);
    }
    out.setLength(out.length() - 1);
    out.append("}\n");
    return new SourceFile(holder.canonicalName(), out.toString(), originatingElements);
  }
}

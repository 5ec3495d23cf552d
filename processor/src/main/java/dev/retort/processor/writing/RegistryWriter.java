package dev.retort.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.retort.processor.graph.RevisionNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the registry: one constant per revision, the rows of the graph in topological order,
 * and a {@code switch} that creates each migration only when asked.
 *
 * <p>The rows are a few string constants of {@link RevisionCodec} records, which the runtime
 * reads once at class initialisation: for javac a string literal costs next to nothing, where a
 * call per revision with its arguments and arrays cost it more than the rest of the registry.
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
  private static final ClassName GENERATED_REGISTRY = ClassName.get(RUNTIME, "GeneratedRegistry");
  private static final ClassName MIGRATION = ClassName.get(RUNTIME, "Migration");
  private static final ClassName REVISION_INFO = ClassName.get(RUNTIME, "RevisionInfo");
  private static final ClassName REVISION_TABLE = ClassName.get(RUNTIME, "RevisionTable");
  private static final ClassName TABLE_BUILDER = REVISION_TABLE.nestedClass("Builder");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  private static final String REGISTRY_FIELD = "REGISTRY";
  // Not upper case, so no revision's constant can take its name: it is an array, not a constant.
  private static final String BY_INDEX_FIELD = "byIndex";

  private final ClassName registry;
  private final List<RevisionNode> revisions;
  private final List<RevisionNode> heads;
  private final List<RevisionNode> bases;
  private final List<Element> originatingElements;
  private final boolean generatedAnnotationAvailable;
  private final String processorName;

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
  }

  /** The registry and, for more than {@value #CONSTANTS_PER_TYPE} revisions, its constant interfaces. */
  public List<JavaFile> files() {
    List<String> names = ConstantNames.of(revisions, Set.of(REGISTRY_FIELD, "PAGE_SIZE", "TABLE"));
    List<JavaFile> files = new ArrayList<>();
    TypeSpec.Builder registryType = registryType(names);
    for (int start = CONSTANTS_PER_TYPE; start < revisions.size(); start += CONSTANTS_PER_TYPE) {
      ClassName holder = constantsInterface(start);
      registryType.addSuperinterface(holder);
      files.add(file(constantsType(holder, names, start)));
    }
    files.add(0, file(registryType.build()));
    return files;
  }

  private TypeSpec.Builder registryType(List<String> names) {
    TypeSpec.Builder type = TypeSpec.classBuilder(registry)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(GENERATED_REGISTRY)
        .addJavadoc(registryJavadoc())
        .addField(FieldSpec.builder(int.class, "PAGE_SIZE", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$L", PAGE_SIZE).build())
        .addField(FieldSpec.builder(REVISION_TABLE, "TABLE", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("table()").build())
        .addField(FieldSpec.builder(ArrayTypeName.of(REVISION_INFO), BY_INDEX_FIELD,
                Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The revisions by index, which the constants are read from. Generated"
                + " code only.\n")
            .initializer("TABLE.revisionArray()").build())
        .addField(FieldSpec.builder(registry, REGISTRY_FIELD, Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("The registry. Instances that {@link java.util.ServiceLoader} creates"
                + " answer the same.\n")
            .initializer("new $T()", registry).build());
    addGenerated(type);
    originatingElements.forEach(type::addOriginatingElement);
    int constantsHere = Math.min(revisions.size(), CONSTANTS_PER_TYPE);
    for (int i = 0; i < constantsHere; i++) {
      type.addField(constant(names.get(i), i, CodeBlock.of("$N", BY_INDEX_FIELD),
          Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL));
    }
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("For {@link java.util.ServiceLoader}; code uses {@link #$N}.\n", REGISTRY_FIELD)
        .addStatement("super(TABLE)")
        .build());
    type.addMethod(tableMethod());
    type.addMethod(newMigrationDispatch());
    for (int page = 0; page * PAGE_SIZE < revisions.size(); page++) {
      type.addType(pageType(page));
    }
    return type;
  }

  private CodeBlock registryJavadoc() {
    return CodeBlock.builder()
        .add("The $L revisions of this application in topological order, with the graph that"
            + " Retort's processor\ncomputed and checked at compile time.\n\n", revisions.size())
        .add("<p>Heads: $L. Bases: $L.\n\n", idList(heads), idList(bases))
        .add("<p>Generated from the {@code @Revision} classes on every build; do not edit.\n")
        .build();
  }

  private static String idList(List<RevisionNode> nodes) {
    return nodes.stream().map(RevisionNode::id).collect(Collectors.joining(", "));
  }

  /**
   * A revision's constant, read from the array by index. Not a call: javac walks all members of
   * the class for every call in a static initialiser (to place type annotations), so a call per
   * constant made a class of N constants cost N² in code generation.
   */
  private FieldSpec constant(
      String name, int index, CodeBlock byIndex, Modifier... modifiers) {
    RevisionNode revision = revisions.get(index);
    return FieldSpec.builder(REVISION_INFO, name, modifiers)
        .addJavadoc("{@code $L}$L ({@link $T}).\n", revision.id(),
            revision.message().isEmpty() ? "" : ": " + javadocSafe(revision.message()),
            migrationClass(revision))
        .initializer("$L[$L]", byIndex, index)
        .build();
  }

  /** Text as javadoc shows it: no comment end, no unicode escape, no tag, no HTML. */
  private static String javadocSafe(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\\", "&#92;").replace("*/", "*&#47;").replace("{", "&#123;")
        .replace("}", "&#125;").replace("@", "&#64;");
  }

  private MethodSpec tableMethod() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("table")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(REVISION_TABLE)
        .addStatement("$T table = $T.builder($L)", TABLE_BUILDER, REVISION_TABLE, revisions.size());
    for (String records : RevisionCodec.encodeChunks(revisions)) {
      method.addStatement("table.addRecords($L)", StringLiterals.of(records));
    }
    return method
        .addStatement("return table.build($L,$W$L)", idArray(ids(heads)), idArray(ids(bases)))
        .build();
  }

  private MethodSpec newMigrationDispatch() {
    CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch (index / PAGE_SIZE)");
    for (int page = 0; page * PAGE_SIZE < revisions.size(); page++) {
      cases.add("case $L:\n", page).indent()
          .addStatement("return $N.newMigration(index)", pageName(page)).unindent();
    }
    cases.add("default:\n").indent().addStatement(outOfRange()).unindent().endControlFlow();
    return MethodSpec.methodBuilder("newMigration")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(MIGRATION)
        .addParameter(int.class, "index")
        .addCode(cases.build())
        .build();
  }

  private TypeSpec pageType(int page) {
    int from = page * PAGE_SIZE;
    int to = Math.min(revisions.size(), from + PAGE_SIZE);
    CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch (index)");
    for (int i = from; i < to; i++) {
      RevisionNode revision = revisions.get(i);
      cases.add("case $L:\n", i).indent()
          .addStatement("return new $T()", migrationClass(revision)).unindent();
    }
    cases.add("default:\n").indent().addStatement(outOfRange()).unindent().endControlFlow();
    return TypeSpec.classBuilder(pageName(page))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Revisions $L to $L: the only code that creates their migrations.\n",
            from, to - 1)
        .addMethod(MethodSpec.methodBuilder("newMigration")
            .addModifiers(Modifier.STATIC)
            .returns(MIGRATION)
            .addParameter(int.class, "index")
            .addCode(cases.build())
            .build())
        .build();
  }

  private static CodeBlock idArray(List<String> ids) {
    if (ids.isEmpty()) {
      return CodeBlock.of("$T.NONE", REVISION_TABLE);
    }
    CodeBlock elements = ids.stream().map(id -> CodeBlock.of("$S", id))
        .collect(CodeBlock.joining(", "));
    return CodeBlock.of("new $T[] {$L}", String.class, elements);
  }

  private static List<String> ids(List<RevisionNode> nodes) {
    return nodes.stream().map(RevisionNode::id).toList();
  }

  private static CodeBlock outOfRange() {
    return CodeBlock.of("throw new $T($S + index)", IndexOutOfBoundsException.class,
        "No revision at index ");
  }

  private static String pageName(int page) {
    return "Page" + page;
  }

  /** The migration class from its binary name: {@code a.b.Outer$Inner}. */
  private static ClassName migrationClass(RevisionNode revision) {
    String binaryName = revision.className();
    int lastDot = binaryName.lastIndexOf('.');
    String packageName = lastDot < 0 ? "" : binaryName.substring(0, lastDot);
    String[] simpleNames = binaryName.substring(lastDot + 1).split("\\$");
    String[] nested = new String[simpleNames.length - 1];
    System.arraycopy(simpleNames, 1, nested, 0, nested.length);
    return ClassName.get(packageName, simpleNames[0], nested);
  }

  private ClassName constantsInterface(int start) {
    return registry.peerClass(registry.simpleName() + "Constants" + (start / CONSTANTS_PER_TYPE));
  }

  private TypeSpec constantsType(ClassName holder, List<String> names, int start) {
    int end = Math.min(revisions.size(), start + CONSTANTS_PER_TYPE);
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(holder)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Constants $L to $L of {@link $T}, which implements this interface: one"
            + " class could not hold them all.\n", start, end - 1, registry);
    addGenerated(type);
    originatingElements.forEach(type::addOriginatingElement);
    CodeBlock byIndex = CodeBlock.of("$T.$N", registry, BY_INDEX_FIELD);
    for (int i = start; i < end; i++) {
      type.addField(constant(names.get(i), i, byIndex,
          Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL));
    }
    return type.build();
  }

  private void addGenerated(TypeSpec.Builder type) {
    if (generatedAnnotationAvailable) {
      type.addAnnotation(AnnotationSpec.builder(GENERATED)
          .addMember("value", "$S", processorName)
          .addMember("comments", "$S", "Regenerated from the @Revision classes on every build")
          .build());
    }
  }

  private JavaFile file(TypeSpec type) {
    return JavaFile.builder(registry.packageName(), type)
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }
}

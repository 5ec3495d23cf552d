package dev.retort.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.retort.annotations.Irreversible;
import dev.retort.annotations.Revision;
import dev.retort.processor.checksum.SourceChecksum;
import dev.retort.processor.graph.RevisionNode;
import dev.retort.processor.messages.Messages;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads a {@code @Revision} class into a {@link RevisionNode}, after checking that the class can be
 * a migration: public, concrete, reachable, creatable without arguments, a {@code Migration}, with
 * a downgrade or an explicit {@code @Irreversible}.
 */
final class RevisionReader {

  static final String MIGRATION = "dev.retort.runtime.Migration";
  private static final String DSL_CONTEXT = "org.jooq.DSLContext";

  private final Elements elements;
  private final Types types;
  private final Messager messager;
  private final Trees trees;
  private final SourceChecksum checksums = new SourceChecksum();
  private boolean reportedMissingRuntime;
  private boolean reportedMissingTrees;
  /** {@code Migration}, looked up once for every revision checked against it; null until found. */
  private TypeElement migration;
  private TypeMirror migrationErasure;

  RevisionReader(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.messager = env.getMessager();
    this.trees = treesOf(env);
  }

  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return null;
    }
  }

  /** Whether the class can be a migration; each reason it cannot is reported on it. */
  boolean isValidMigrationClass(TypeElement type) {
    String name = type.getQualifiedName().toString();
    if (type.getKind() != ElementKind.CLASS) {
      return error(type, Messages.notAClass(name));
    }
    boolean valid = true;
    if (!type.getModifiers().contains(Modifier.PUBLIC)) {
      valid = error(type, Messages.notPublic(name));
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      valid = error(type, Messages.isAbstract(name));
    }
    if (type.getNestingKind() == NestingKind.MEMBER) {
      if (!type.getModifiers().contains(Modifier.STATIC)) {
        valid = error(type, Messages.isInnerClass(name));
      }
      for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement;
          outer = outer.getEnclosingElement()) {
        if (!outer.getModifiers().contains(Modifier.PUBLIC)) {
          valid = error(type, Messages.enclosingNotPublic(name, outer.getSimpleName().toString()));
        }
      }
    } else if (type.getNestingKind() != NestingKind.TOP_LEVEL) {
      valid = error(type, Messages.isInnerClass(name));
    }
    if (!hasPublicNoArgConstructor(type)) {
      valid = error(type, Messages.noPublicNoArgConstructor(name));
    }
    for (Element named = type; named instanceof TypeElement; named = named.getEnclosingElement()) {
      String simpleName = named.getSimpleName().toString();
      if (simpleName.indexOf('$') >= 0) {
        valid = error(type, Messages.dollarInClassName(name, simpleName));
        break;
      }
    }
    return checkContract(type) && valid;
  }

  private boolean checkContract(TypeElement type) {
    String name = type.getQualifiedName().toString();
    if (migration == null) {
      migration = elements.getTypeElement(MIGRATION);
      migrationErasure = migration == null ? null : types.erasure(migration.asType());
    }
    if (migration == null) {
      if (!reportedMissingRuntime) {
        reportedMissingRuntime = true;
        error(type, Messages.runtimeMissing(MIGRATION));
      }
      return false;
    }
    if (!types.isAssignable(type.asType(), migrationErasure)) {
      return error(type, Messages.notAMigration(name, MIGRATION));
    }
    boolean hasDowngrade = declaresDowngrade(type, migration);
    boolean irreversible = Annotations.mirror(type, Irreversible.class).isPresent();
    if (!hasDowngrade && !irreversible) {
      return error(type, Messages.missingDowngrade(name));
    }
    if (hasDowngrade && irreversible) {
      return error(type, Messages.irreversibleWithDowngrade(name));
    }
    return true;
  }

  private static boolean hasPublicNoArgConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()
          && constructor.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a downgrade other than {@code Migration}'s refusing default is inherited or declared:
   * a concrete {@code downgrade(DSLContext)} on the class, a superclass or an interface other
   * than {@code Migration}. The supertypes are walked rather than asking javac for all members,
   * which builds the whole inherited scope (every method of {@code Object} too) per revision.
   */
  private boolean declaresDowngrade(TypeElement type, TypeElement migration) {
    Deque<TypeElement> pending = new ArrayDeque<>(List.of(type));
    Set<TypeElement> visited = new HashSet<>();
    while (!pending.isEmpty()) {
      TypeElement current = pending.pop();
      if (current.equals(migration) || !visited.add(current)) {
        continue;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(current.getEnclosedElements())) {
        if (method.getSimpleName().contentEquals("downgrade")
            && method.getParameters().size() == 1
            && !method.getModifiers().contains(Modifier.ABSTRACT)
            && !method.getModifiers().contains(Modifier.PRIVATE)
            && !method.getModifiers().contains(Modifier.STATIC)
            && types.erasure(method.getParameters().get(0).asType()).toString()
                .equals(DSL_CONTEXT)) {
          return true;
        }
      }
      supertype(current.getSuperclass()).ifPresent(pending::push);
      current.getInterfaces().forEach(face -> supertype(face).ifPresent(pending::push));
    }
    return false;
  }

  private static Optional<TypeElement> supertype(TypeMirror type) {
    return type instanceof DeclaredType declared
        && declared.asElement() instanceof TypeElement element
        ? Optional.of(element)
        : Optional.empty();
  }

  /**
   * The revision the class declares, with the checksum of its source. Its values are read from
   * the annotations as javac holds them, defaults included, without the proxies
   * {@code getAnnotation} makes (their first use links a proxy class, each call then reflects);
   * the processor calls this only once every value compiles.
   */
  RevisionNode read(TypeElement type) {
    // Each value is overwritten by the annotation's own, or its default, below.
    String id = "";
    List<String> revises = List.of();
    List<String> dependsOn = List.of();
    List<String> branchLabels = List.of();
    String message = "";
    boolean transactional = true;
    AnnotationMirror revision = Annotations.mirror(type, Revision.class).orElseThrow();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : elements.getElementValuesWithDefaults(revision).entrySet()) {
      Object value = entry.getValue().getValue();
      switch (entry.getKey().getSimpleName().toString()) {
        case "id" -> id = (String) value;
        case "revises" -> revises = strings(value);
        case "dependsOn" -> dependsOn = strings(value);
        case "branchLabels" -> branchLabels = strings(value);
        case "message" -> message = (String) value;
        case "transactional" -> transactional = (Boolean) value;
        default -> {
          // A member this processor does not know, from a newer annotations jar: not read.
        }
      }
    }
    String irreversible = null;
    Optional<AnnotationMirror> irreversibleMirror = Annotations.mirror(type, Irreversible.class);
    if (irreversibleMirror.isPresent()) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
          : elements.getElementValuesWithDefaults(irreversibleMirror.get()).entrySet()) {
        if (entry.getKey().getSimpleName().contentEquals("value")) {
          irreversible = (String) entry.getValue().getValue();
        }
      }
    }
    return new RevisionNode(
        elements.getBinaryName(type).toString(),
        id,
        revises,
        dependsOn,
        branchLabels,
        message,
        transactional,
        irreversible,
        checksum(type, transactional).orElse(""),
        true);
  }

  /** The strings of an array value, as javac holds them: a list of values. */
  private static List<String> strings(Object array) {
    List<?> values = (List<?>) array;
    String[] strings = new String[values.size()];
    for (int i = 0; i < strings.length; i++) {
      strings[i] = (String) ((AnnotationValue) values.get(i)).getValue();
    }
    return List.of(strings);
  }

  /**
   * SHA-256 of the migration's source file, comments and formatting ignored, without its own
   * {@code @Revision} but with its {@code transactional} ({@link SourceChecksum#ofMigration}):
   * editing the message, the branch labels or the graph is not editing what the migration runs,
   * while running it outside a transaction, or editing a helper type in the same file, is.
   */
  private Optional<String> checksum(TypeElement type, boolean transactional) {
    TreePath path = trees == null ? null : trees.getPath(type);
    if (path == null) {
      // A class read from a class file has no tree; without trees at all, once is enough.
      if (trees != null || !reportedMissingTrees) {
        reportedMissingTrees = true;
        messager.printMessage(Diagnostic.Kind.WARNING,
            Messages.noChecksum(type.getQualifiedName().toString()), type);
      }
      return Optional.empty();
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    try {
      String source = unit.getSourceFile().getCharContent(true).toString();
      SourcePositions positions = trees.getSourcePositions();
      for (AnnotationTree annotation
          : ((ClassTree) path.getLeaf()).getModifiers().getAnnotations()) {
        // A simple name is read without printing the tree, which a cold build pays for per class.
        Tree annotationType = annotation.getAnnotationType();
        if (annotationType instanceof IdentifierTree simple
            ? simple.getName().contentEquals("Revision")
            : annotationType.toString().equals(Revision.class.getCanonicalName())) {
          int start = (int) positions.getStartPosition(unit, annotation);
          int end = (int) positions.getEndPosition(unit, annotation);
          source = source.substring(0, start) + source.substring(end);
        }
      }
      return Optional.of(checksums.ofMigration(source, transactional));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the source of " + type, e);
    }
  }

  private boolean error(Element element, String message) {
    messager.printMessage(Diagnostic.Kind.ERROR, message, element,
        Annotations.mirror(element, Revision.class).orElse(null));
    return false;
  }
}

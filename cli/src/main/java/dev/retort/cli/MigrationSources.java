package dev.retort.cli;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.retort.runtime.InvalidTargetException;
import dev.retort.runtime.Targets;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The revisions declared in a folder of migration sources, read with the JDK's own parser (no
 * compilation, no classpath): so two {@code create}s in a row chain correctly without a build in
 * between.
 */
final class MigrationSources {

  /**
   * What a {@code @Revision} in a source file declares.
   *
   * @param message the message as written, empty when it is not one string literal
   * @param dependsOn the ids of its cross-branch dependencies
   * @param unreadableLabels the branchLabels that are not string literals (constants, as
   *     written): javac knows their values, a parse does not
   */
  record Declared(Path file, String className, String id, List<String> revises,
      String message, List<String> dependsOn, List<String> branchLabels,
      List<String> unreadableLabels) {}

  private MigrationSources() {}

  static List<Declared> read(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    if (files.isEmpty()) {
      return List.of();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(CliMessages.noJavaCompiler());
    }
    List<Declared> declared = new ArrayList<>();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
      List<String> syntaxErrors = new ArrayList<>();
      // Without -proc:none, javac defers syntax errors until annotation processing, which a
      // parse-only task never reaches, whenever a processor such as Retort's is on the path.
      JavacTask task = (JavacTask) javac.getTask(null, fileManager, diagnostic -> {
        if (diagnostic.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
          syntaxErrors.add(describe(diagnostic));
        }
      }, List.of("-proc:none"), null, units);
      Iterable<? extends CompilationUnitTree> parsed = task.parse();
      // A file that does not parse may hold the head: chaining past it would fork the history.
      if (!syntaxErrors.isEmpty()) {
        throw new IllegalArgumentException(CliMessages.unparsableSources(folder, syntaxErrors));
      }
      for (CompilationUnitTree unit : parsed) {
        for (Tree type : unit.getTypeDecls()) {
          if (type instanceof ClassTree classTree) {
            revisionOf(unit, classTree).ifPresent(declared::add);
          }
        }
      }
    }
    return declared;
  }

  private static String describe(javax.tools.Diagnostic<? extends JavaFileObject> diagnostic) {
    String file = diagnostic.getSource() == null ? "?"
        : Path.of(diagnostic.getSource().toUri()).getFileName().toString();
    return file + ":" + diagnostic.getLineNumber() + ": "
        + diagnostic.getMessage(java.util.Locale.ROOT);
  }

  private static java.util.Optional<Declared> revisionOf(CompilationUnitTree unit, ClassTree type) {
    for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
      String name = annotation.getAnnotationType().toString();
      if (!name.equals("Revision") && !name.endsWith(".Revision")) {
        continue;
      }
      String id = null;
      List<String> revises = List.of();
      String message = "";
      List<String> dependsOn = List.of();
      List<String> branchLabels = new ArrayList<>();
      List<String> unreadableLabels = new ArrayList<>();
      for (ExpressionTree argument : annotation.getArguments()) {
        if (argument instanceof AssignmentTree assignment) {
          String member = ((IdentifierTree) assignment.getVariable()).getName().toString();
          if (member.equals("id")) {
            id = strings(assignment.getExpression()).stream().findFirst().orElse(null);
          } else if (member.equals("revises")) {
            revises = strings(assignment.getExpression());
          } else if (member.equals("dependsOn")) {
            dependsOn = strings(assignment.getExpression());
          } else if (member.equals("message")
              && assignment.getExpression() instanceof LiteralTree literal
              && literal.getValue() instanceof String text) {
            // Only shown: a message built from constants is left out, not refused.
            message = text;
          } else if (member.equals("branchLabels")) {
            // Only a reference to a label needs its value: a constant here stops nothing else.
            labels(assignment.getExpression(), branchLabels, unreadableLabels);
          }
        }
      }
      String packageName = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
      Path file = Path.of(unit.getSourceFile().toUri());
      return id == null
          ? java.util.Optional.empty()
          : java.util.Optional.of(new Declared(file, packageName + type.getSimpleName(), id,
              revises, message, dependsOn, List.copyOf(branchLabels), List.copyOf(unreadableLabels)));
    }
    return java.util.Optional.empty();
  }

  /** The string literals of an annotation value: one, or an array of them. */
  private static List<String> strings(ExpressionTree value) {
    if (value instanceof LiteralTree literal && literal.getValue() instanceof String text) {
      return List.of(text);
    }
    if (value instanceof NewArrayTree array && array.getInitializers() != null) {
      List<String> values = new ArrayList<>();
      for (ExpressionTree element : array.getInitializers()) {
        values.addAll(strings(element));
      }
      return values;
    }
    if (value instanceof MemberSelectTree || value instanceof IdentifierTree) {
      throw new IllegalArgumentException(CliMessages.constantInRevision(value.toString()));
    }
    return List.of();
  }

  /** Sorts the labels of an annotation value into string literals and the rest, as written. */
  private static void labels(ExpressionTree value, List<String> literals, List<String> unreadable) {
    if (value instanceof LiteralTree literal && literal.getValue() instanceof String text) {
      literals.add(text);
    } else if (value instanceof NewArrayTree array) {
      if (array.getInitializers() != null) {
        array.getInitializers().forEach(element -> labels(element, literals, unreadable));
      }
    } else {
      unreadable.add(value.toString());
    }
  }

  /** The declared revisions that no other declared revision revises, sorted by id. */
  static List<Declared> heads(List<Declared> declared) {
    Set<String> parents = new LinkedHashSet<>();
    declared.forEach(revision -> parents.addAll(revision.revises()));
    return declared.stream().filter(revision -> !parents.contains(revision.id()))
        .sorted(Comparator.comparing(Declared::id)).toList();
  }

  /**
   * The declared revision a reference names, resolved by the runtime's own resolver ({@link
   * Targets}) against the revisions the sources declare: a full id, a unique prefix, a branch
   * label, {@code label@head}, or any other target that needs no database.
   *
   * @throws InvalidTargetException if the reference names none, or several
   * @throws IllegalArgumentException if it may be a label that a source declares through a
   *     constant, which a parse cannot read
   */
  static Declared resolve(String reference, List<Declared> declared, Path folder) {
    Map<String, Declared> byId = new LinkedHashMap<>();
    declared.forEach(revision -> byId.putIfAbsent(revision.id(), revision));
    if (!byId.containsKey(reference)) {
      // The runtime takes a label before an id prefix, so an unread label may be what this names.
      int at = reference.indexOf('@');
      String label = at < 0 ? reference : reference.substring(0, at);
      if (declared.stream().noneMatch(revision -> revision.branchLabels().contains(label))) {
        refuseIfLabelsUnread(label, declared);
      }
    }
    try {
      return byId.get(Targets.of(SourceRegistry.of(declared, folder)).resolveOne(reference).id());
    } catch (InvalidTargetException notFound) {
      throw new InvalidTargetException(Messages.inSources(notFound.getMessage(),
          folder.toString()));
    }
  }

  /**
   * Refuses a reference that may be a label some source declares through a constant: without
   * compiling, create and merge cannot tell, and a wrong guess would write the wrong parent.
   */
  private static void refuseIfLabelsUnread(String reference, List<Declared> declared) {
    List<String> unread = declared.stream().filter(d -> !d.unreadableLabels().isEmpty())
        .map(d -> d.file().getFileName() + " (" + String.join(", ", d.unreadableLabels()) + ")")
        .toList();
    if (!unread.isEmpty()) {
      throw new IllegalArgumentException(CliMessages.labelsUnread(reference, unread));
    }
  }
}

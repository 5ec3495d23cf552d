package dev.retort.benchmarks;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.retort.processor.checksum.SourceChecksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A processor for {@code @Revision} that reads what Retort's registry records and then writes
 * Retort's output, read beforehand ({@link ReplayingProcessor}): a lower bound of what any
 * processor writing that registry must do. It reads each revision's values from its annotations
 * and checksums its source as {@link SourceChecksum#ofMigration} defines it, since every
 * database's history is compared with those checksums. It does not order the graph, find its
 * heads or produce the files' text, which a processor writing the registry must also do, and it
 * checks nothing. What Retort's processor costs over it is those, its checks of each class's shape
 * and of the graph, and its own code's overhead. It reads plainly: the annotations' mirrors in
 * one loop, one digest for every source, no collection but the list it keeps.
 */
@SupportedAnnotationTypes("dev.retort.annotations.Revision")
final class ReadingProcessor extends AbstractProcessor {

  private static final String REVISION = "dev.retort.annotations.Revision";
  private static final String IRREVERSIBLE = "dev.retort.annotations.Irreversible";

  /**
   * What it read of one revision: what the registry records of it.
   *
   * @param irreversible the reason given by {@code @Irreversible}, or {@code null}
   */
  record Read(String className, String id, List<String> revises, List<String> dependsOn,
      List<String> branchLabels, String message, boolean transactional, String irreversible,
      String checksum) {}

  private final ReplayingProcessor replaying;
  private final List<Read> reads = new ArrayList<>();
  private final SourceChecksum checksums = new SourceChecksum();
  private Trees trees;

  ReadingProcessor(List<ReplayingProcessor.Output> outputs) {
    this.replaying = new ReplayingProcessor(outputs);
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    replaying.init(env);
    trees = Trees.instance(env);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /** What it read, revision by revision, in the order javac gave them. */
  List<Read> reads() {
    return List.copyOf(reads);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (Element element : round.getElementsAnnotatedWith(
        processingEnv.getElementUtils().getTypeElement(REVISION))) {
      read((TypeElement) element);
    }
    return replaying.process(annotations, round);
  }

  private void read(TypeElement type) {
    AnnotationMirror revision = null;
    String irreversible = null;
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotation.getQualifiedName().contentEquals(REVISION)) {
        revision = mirror;
      } else if (annotation.getQualifiedName().contentEquals(IRREVERSIBLE)) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
            : mirror.getElementValues().entrySet()) {
          if (entry.getKey().getSimpleName().contentEquals("value")) {
            irreversible = (String) entry.getValue().getValue();
          }
        }
      }
    }
    String id = null;
    List<String> revises = List.of();
    List<String> dependsOn = List.of();
    List<String> branchLabels = List.of();
    String message = "";
    boolean transactional = true;
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : revision.getElementValues().entrySet()) {
      Object value = entry.getValue().getValue();
      switch (entry.getKey().getSimpleName().toString()) {
        case "id" -> id = (String) value;
        case "revises" -> revises = strings(value);
        case "dependsOn" -> dependsOn = strings(value);
        case "branchLabels" -> branchLabels = strings(value);
        case "message" -> message = (String) value;
        case "transactional" -> transactional = (Boolean) value;
        default -> {
          // A member Retort's processor does not read either.
        }
      }
    }
    reads.add(new Read(processingEnv.getElementUtils().getBinaryName(type).toString(), id,
        revises, dependsOn, branchLabels, message, transactional, irreversible,
        checksum(type, transactional)));
  }

  private static List<String> strings(Object array) {
    List<?> values = (List<?>) array;
    String[] strings = new String[values.size()];
    for (int i = 0; i < strings.length; i++) {
      strings[i] = (String) ((AnnotationValue) values.get(i)).getValue();
    }
    return List.of(strings);
  }

  /**
   * The checksum {@link SourceChecksum#ofMigration} defines: of the source without its own
   * {@code @Revision}, found as Retort's processor finds it.
   */
  private String checksum(TypeElement type, boolean transactional) {
    TreePath path = trees.getPath(type);
    CompilationUnitTree unit = path.getCompilationUnit();
    String source;
    try {
      source = unit.getSourceFile().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SourcePositions positions = trees.getSourcePositions();
    for (AnnotationTree annotation : ((ClassTree) path.getLeaf()).getModifiers().getAnnotations()) {
      Tree name = annotation.getAnnotationType();
      if (name instanceof IdentifierTree simple
          ? simple.getName().contentEquals("Revision")
          : name.toString().equals(REVISION)) {
        int start = (int) positions.getStartPosition(unit, annotation);
        int end = (int) positions.getEndPosition(unit, annotation);
        source = source.substring(0, start) + source.substring(end);
      }
    }
    return checksums.ofMigration(source, transactional);
  }
}

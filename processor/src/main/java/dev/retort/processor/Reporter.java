package dev.retort.processor;

import dev.retort.annotations.Revision;
import dev.retort.processor.graph.Problem;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Prints graph problems where the developer will look: on the migration class, the annotation
 * ({@code @Revision}, or {@code @Irreversible} for its reason), and the offending value. A
 * problem about a revision from the classpath, which has no source here, is printed on a local
 * revision's {@code @Revision} instead; its message names the other one.
 */
final class Reporter {

  private final Messager messager;
  private final Elements elements;
  private final Map<String, String> canonicalNames;
  private final String fallbackClass;

  /**
   * @param canonicalNames the local revisions, binary name to canonical name
   * @param fallbackClass the canonical name of the local revision that carries problems about
   *     revisions from the classpath
   */
  Reporter(Messager messager, Elements elements, Map<String, String> canonicalNames,
      String fallbackClass) {
    this.messager = messager;
    this.elements = elements;
    this.canonicalNames = canonicalNames;
    this.fallbackClass = fallbackClass;
  }

  void report(Problem problem) {
    Diagnostic.Kind kind = problem.severity() == Problem.Severity.ERROR
        ? Diagnostic.Kind.ERROR
        : Diagnostic.Kind.WARNING;
    String local = canonicalNames.get(problem.subject().className());
    TypeElement type = elements.getTypeElement(local != null ? local : fallbackClass);
    if (type == null) {
      messager.printMessage(kind, problem.message());
      return;
    }
    // A problem about a revision from the classpath is printed on the fallback's @Revision.
    Optional<AnnotationMirror> mirror = Annotations.mirror(
        type, local != null ? problem.attribute().annotation() : Revision.class);
    if (mirror.isEmpty()) {
      messager.printMessage(kind, problem.message(), type);
      return;
    }
    String member = local != null ? problem.attribute().memberName() : null;
    Optional<AnnotationValue> value = member == null
        ? Optional.empty()
        : Annotations.value(mirror.get(), member, problem.value(), problem.occurrence());
    if (value.isPresent()) {
      messager.printMessage(kind, problem.message(), type, mirror.get(), value.get());
    } else {
      messager.printMessage(kind, problem.message(), type, mirror.get());
    }
  }
}

package dev.retort.processor;

import dev.retort.annotations.Irreversible;
import dev.retort.annotations.RegistryName;
import dev.retort.annotations.Revision;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Finds Retort's annotations as written and their values, so diagnostics can point at them. */
final class Annotations {

  /** The annotations whose values the processor reads. */
  private static final Set<String> RETORT_ANNOTATIONS = Set.of(
      Revision.class.getCanonicalName(),
      Irreversible.class.getCanonicalName(),
      RegistryName.class.getCanonicalName());

  /** How javac prints a value it could not compute; a string that reads so prints quoted. */
  private static final String ERROR_VALUE = "<error>";

  /**
   * A value javac could not compute, such as a misspelt constant: javac reports it, and reading
   * the annotation through {@code getAnnotation} would throw for it.
   *
   * @param member the annotation member that holds it
   */
  record Unresolved(AnnotationMirror mirror, AnnotationValue value, String member) {
    /** How a message names it: {@code @Revision(revises)}. */
    String describe() {
      return "@" + mirror.getAnnotationType().asElement().getSimpleName() + "(" + member + ")";
    }
  }

  private Annotations() {}

  /** The first value of a Retort annotation on {@code element} that javac could not compute. */
  static Optional<Unresolved> unresolvedValue(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (!RETORT_ANNOTATIONS.contains(type.getQualifiedName().toString())) {
        continue;
      }
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
          : mirror.getElementValues().entrySet()) {
        Optional<AnnotationValue> erroneous = erroneous(entry.getValue());
        if (erroneous.isPresent()) {
          return Optional.of(new Unresolved(
              mirror, erroneous.get(), entry.getKey().getSimpleName().toString()));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<AnnotationValue> erroneous(AnnotationValue value) {
    if (value.getValue() instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof AnnotationValue itemValue && erroneous(itemValue).isPresent()) {
          return Optional.of(itemValue);
        }
      }
      return Optional.empty();
    }
    // Only a value whose own text is "<error>" can print so; any other string value is fine
    // without printing it (printing quotes and escapes each value, for every revision).
    if (value.getValue() instanceof String text && !text.equals(ERROR_VALUE)) {
      return Optional.empty();
    }
    return ERROR_VALUE.equals(value.toString()) ? Optional.of(value) : Optional.empty();
  }

  /** The {@code annotation} on {@code element}, as written there. */
  static Optional<AnnotationMirror> mirror(
      Element element, Class<? extends Annotation> annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation.getCanonicalName())) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /**
   * The value of {@code member} as written in the annotation, narrowed to the {@code occurrence}-th
   * array element equal to {@code element} (0 is the first) when there is one; empty when the
   * member was left at its default.
   */
  static Optional<AnnotationValue> value(
      AnnotationMirror mirror, String member, String element, int occurrence) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (!entry.getKey().getSimpleName().contentEquals(member)) {
        continue;
      }
      AnnotationValue value = entry.getValue();
      if (element != null && value.getValue() instanceof List<?> items) {
        int copies = 0;
        for (Object item : items) {
          if (item instanceof AnnotationValue itemValue && element.equals(itemValue.getValue())
              && copies++ == occurrence) {
            return Optional.of(itemValue);
          }
        }
      }
      return Optional.of(value);
    }
    return Optional.empty();
  }
}

package dev.retort.processor;

import dev.retort.annotations.Revision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Finds the {@code @Revision} mirror and its values, so diagnostics can point at them. */
final class Annotations {

  private Annotations() {}

  static Optional<AnnotationMirror> revisionMirror(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(Revision.class.getCanonicalName())) {
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

package dev.retort.benchmarks;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A processor for {@code @Revision} that does nothing: what javac charges any annotation
 * processor (the processing rounds, re-entering every class), measured apart from what Retort's
 * processor does itself.
 */
@SupportedAnnotationTypes("dev.retort.annotations.Revision")
final class EmptyProcessor extends AbstractProcessor {

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return false;
  }
}

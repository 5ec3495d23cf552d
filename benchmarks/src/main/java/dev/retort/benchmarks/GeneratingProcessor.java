package dev.retort.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A processor for {@code @Revision} that writes one empty class in its first round and does
 * nothing else: what javac charges any processor that generates code, measured apart from what
 * Retort's processor does itself. A generated source means one more processing round, which
 * re-enters every class of the compilation; writing it in the last round instead would save that
 * round, but javac then warns on every build that the file escapes annotation processing.
 */
@SupportedAnnotationTypes("dev.retort.annotations.Revision")
final class GeneratingProcessor extends AbstractProcessor {

  /** The class it writes, in the workload's package. */
  static final String GENERATED = Workload.RETORT_PACKAGE + ".GeneratedByBenchmark";

  private boolean written;

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (written || round.processingOver()) {
      return false;
    }
    written = true;
    try (Writer out = processingEnv.getFiler().createSourceFile(GENERATED).openWriter()) {
      out.write("package " + Workload.RETORT_PACKAGE + ";\n\nfinal class GeneratedByBenchmark {}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }
}

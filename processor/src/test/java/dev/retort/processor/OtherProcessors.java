package dev.retort.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** Processors that run beside Retort's in a compilation, as other libraries' would. */
final class OtherProcessors {

  private OtherProcessors() {}

  /** A processor that writes one source file in its first round, as code generators do. */
  static Processor writing(String qualifiedName, String source) {
    return new Base(Set.of("*")) {
      private boolean written;

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!written) {
          written = true;
          try (Writer out = processingEnv.getFiler().createSourceFile(qualifiedName).openWriter()) {
            out.write(source);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return false;
      }
    };
  }

  /** A processor of {@code annotation} that adds the name of every element it is given. */
  static Processor recording(String annotation, List<String> names) {
    return new Base(Set.of(annotation)) {
      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement type : annotations) {
          for (Element element : round.getElementsAnnotatedWith(type)) {
            names.add(element.toString());
          }
        }
        return false;
      }
    };
  }

  private abstract static class Base extends AbstractProcessor {
    private final Set<String> annotations;

    Base(Set<String> annotations) {
      this.annotations = annotations;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return annotations;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }
  }
}

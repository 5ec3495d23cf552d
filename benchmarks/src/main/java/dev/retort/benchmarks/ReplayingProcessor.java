package dev.retort.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * A processor for {@code @Revision} that writes, in its first round, the files it is given, and
 * does nothing else ({@link GeneratingProcessor} gives it one empty class). Given the files
 * Retort's processor wrote for the same history, read from disk beforehand, it measures what javac
 * charges for compiling Retort's output (the second round, then the registry's typed constants
 * and the {@code switch} that creates each migration, which the registry must have), measured
 * apart from what Retort's processor does to produce it (reading the revisions, checking the
 * graph, writing the text). Retort writes every file in the round that finds the revisions, as
 * this processor does.
 */
@SupportedAnnotationTypes("dev.retort.annotations.Revision")
final class ReplayingProcessor extends AbstractProcessor {

  /**
   * A file Retort's processor wrote.
   *
   * @param name a source's class name, or a resource's path in the class output
   * @param source whether it is a source
   */
  record Output(String name, boolean source, byte[] content) {}

  private final List<Output> outputs;
  private boolean written;

  ReplayingProcessor(List<Output> outputs) {
    this.outputs = List.copyOf(outputs);
  }

  /**
   * What Retort's processor wrote into a class output directory: its sources (everything ending in
   * {@code .java}: the workload's own sources are compiled from elsewhere) and its resources
   * (everything else but class files).
   *
   * @throws IllegalStateException if the directory holds no registry: Retort's processor did not
   *     run there
   */
  static List<Output> writtenInto(Path classOutput) throws IOException {
    List<Output> outputs;
    try (Stream<Path> files = Files.walk(classOutput)) {
      outputs = files.filter(Files::isRegularFile)
          .filter(file -> !file.toString().endsWith(".class"))
          .map(file -> output(classOutput, file))
          .sorted(Comparator.comparing(Output::name))
          .toList();
    }
    if (outputs.stream().noneMatch(output -> output.name().endsWith(".Revisions"))) {
      throw new IllegalStateException("No registry in " + classOutput
          + ": compile there with Retort's processor first");
    }
    return outputs;
  }

  private static Output output(Path root, Path file) {
    String relative = root.relativize(file).toString().replace(File.separatorChar, '/');
    boolean source = relative.endsWith(".java");
    String name = source
        ? relative.substring(0, relative.length() - ".java".length()).replace('/', '.')
        : relative;
    try {
      return new Output(name, source, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

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
    try {
      for (Output output : outputs) {
        FileObject file = output.source()
            ? processingEnv.getFiler().createSourceFile(output.name())
            : processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                output.name());
        try (OutputStream out = file.openOutputStream()) {
          out.write(output.content());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }
}

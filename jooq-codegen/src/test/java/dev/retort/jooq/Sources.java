package dev.retort.jooq;

import dev.retort.processor.RevisionProcessor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles a folder of migrations through the real processor, as a project's build would. */
final class Sources {

  private Sources() {}

  /**
   * Compiles every file in the folder into the output folder; returns the errors. The classpath
   * is the test's without its own classes: the processor checks the whole graph, including the
   * registries on the classpath, and this build stands alone.
   */
  static List<String> compile(Path folder, Path output) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<Path> sources;
    try (Stream<Path> files = Files.list(folder)) {
      sources = files.toList();
    }
    Files.createDirectories(output);
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
          List.of("-d", output.toString(), "-classpath", classpathWithoutTestClasses()),
          null, files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new RevisionProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(null)).toList();
  }

  private static String classpathWithoutTestClasses() {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}

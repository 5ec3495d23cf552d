package dev.retort.autogenerate;

import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.RevisionRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Writes generated revisions as source files and compiles all of them in one javac run through
 * the real processor, as a project's build would; returns the registry it generated.
 */
final class RevisionCompiler {

  /** One revision to write: its class, id, parents, label and bodies. */
  record Source(String className, String id, List<String> revises, String branchLabel,
      String message, RevisionBodies bodies) {}

  private final Path folder;
  private final List<Path> files = new ArrayList<>();
  private int compilations;

  RevisionCompiler(Path folder) {
    this.folder = folder;
  }

  void add(Source source) throws IOException {
    String imports = source.bodies().imports().stream().map(name -> "import " + name + ";\n")
        .collect(Collectors.joining());
    String revises = source.revises().stream().map(id -> '"' + id + '"')
        .collect(Collectors.joining(", "));
    String label = source.branchLabel() == null ? ""
        : ", branchLabels = \"" + source.branchLabel() + "\"";
    String text = """
        package corpus;

        import dev.retort.annotations.Revision;
        import dev.retort.runtime.Migration;
        import org.jooq.DSLContext;
        %s
        @Revision(id = "%s", revises = {%s}, message = "%s"%s)
        public final class %s implements Migration {

          @Override
          public void upgrade(DSLContext db) {
        %s
          }

          @Override
          public void downgrade(DSLContext db) {
        %s
          }
        }
        """.formatted(imports, source.id(), revises, source.message(), label,
        source.className(), source.bodies().upgrade(), source.bodies().downgrade());
    Path file = folder.resolve("corpus").resolve(source.className() + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    files.add(file);
  }

  /** Compiles every source added; fails with javac's errors and the sources they are in. */
  RevisionRegistry compile() throws IOException {
    Path output = folder.resolve("classes" + (++compilations));
    Files.createDirectories(output);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, diagnostics,
          List.of("-d", output.toString(), "-classpath", System.getProperty("java.class.path"),
              "-implicit:none"),
          null, fileManager.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new RevisionProcessor()));
      task.call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        errors.add((diagnostic.getSource() == null ? "" : diagnostic.getSource().getName() + ":"
            + diagnostic.getLineNumber() + ": ") + diagnostic.getMessage(null));
      }
    }
    if (!errors.isEmpty()) {
      StringBuilder message = new StringBuilder(String.join("\n", errors));
      for (Path file : files) {
        if (errors.stream().anyMatch(error -> error.contains(file.toString()))) {
          message.append("\n--- ").append(file).append('\n').append(Files.readString(file));
        }
      }
      throw new AssertionError("The generated revisions do not compile:\n" + message);
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {output.toUri().toURL()},
        RevisionCompiler.class.getClassLoader());
    return ServiceLoader.load(RevisionRegistry.class, loader).stream()
        .map(ServiceLoader.Provider::get)
        .filter(registry -> registry.getClass().getClassLoader() == loader)
        .findFirst().orElseThrow(() -> new AssertionError("No registry was generated"));
  }
}

package dev.retort.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.RegistryGenerationTest.ids;
import static dev.retort.processor.Sources.migration;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.processor.graph.RevisionNode;
import dev.retort.processor.messages.Messages;
import dev.retort.processor.writing.RevisionCodec;
import dev.retort.runtime.RevisionRegistry;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revisions compiled earlier (a shared migrations jar, or the unchanged classes of an incremental
 * build) are read back from their markers and validated together with the new ones.
 */
class ChainAcrossCompilationsTest {

  private static final JavaFileObject CREATE_USERS = migration("com.example.lib.db.CreateUsers",
      "@Revision(id = \"ae1027a6acf0\", message = \"Create users\")");
  private static final JavaFileObject ADD_EMAIL = migration("com.example.lib.db.AddEmail",
      "@Revision(id = \"27c6a30d7c24\", revises = \"ae1027a6acf0\", message = \"Add email\")");
  private static final JavaFileObject CREATE_ORDERS = migration("com.example.lib.db.CreateOrders",
      "@Revision(id = \"1975ea83b712\", revises = \"27c6a30d7c24\", message = \"Create orders\")");

  @TempDir Path libraryJar;
  /** The build directory of a module that is built incrementally. */
  @TempDir Path buildDirectory;

  @Test
  void anApplicationRevision_canReviseARevisionFromAJar_andItsRegistryCoversBoth()
      throws Exception {
    compileInto(libraryJar, CREATE_USERS, ADD_EMAIL);
    JavaFileObject appRevision = migration("com.example.app.db.AddAuditLog",
        "@Revision(id = \"b8e2d0c4a6f1\", revises = \"27c6a30d7c24\", message = \"Audit log\")");

    Compilation app = javacWithClasspath(libraryJar).compile(appRevision);

    assertThat(app).succeeded();
    RevisionRegistry registry = RegistryGenerationTest.registryOf(
        new CompiledClasses(app, libraryJar), "com.example.app.db.Revisions");
    assertThat(ids(registry.revisions()))
        .containsExactly("ae1027a6acf0", "27c6a30d7c24", "b8e2d0c4a6f1").inOrder();
    assertThat(ids(registry.heads())).containsExactly("b8e2d0c4a6f1");
    assertThat(registry.migration(registry.revisions().get(0)).getClass().getName())
        .isEqualTo("com.example.lib.db.CreateUsers");
  }

  @Test
  void anErrorCausedWithAJarRevision_isReportedOnTheLocalOne_namingTheOther() throws Exception {
    compileInto(libraryJar, CREATE_USERS, ADD_EMAIL);
    JavaFileObject clash = migration("com.example.app.db.AddAuditLog",
        "@Revision(id = \"27c6a30d7c24\", revises = \"ae1027a6acf0\")");

    Compilation app = javacWithClasspath(libraryJar).compile(clash);

    assertThat(app).hadErrorContaining(Messages.DUPLICATE_ID
            + " Revision id '27c6a30d7c24' is declared by 27c6a30d7c24 (AddAuditLog) and by"
            + " 27c6a30d7c24 (AddEmail, from the classpath)")
        .inFile(clash).onLineContaining("@Revision");
  }

  @Test
  void aSecondHeadInTheJar_isReportedOnTheLocalHead() throws Exception {
    compileInto(libraryJar, CREATE_USERS, ADD_EMAIL);
    JavaFileObject fork = migration("com.example.app.db.AddAuditLog",
        "@Revision(id = \"b8e2d0c4a6f1\", revises = \"ae1027a6acf0\")");

    Compilation app = javacWithClasspath(libraryJar).compile(fork);

    assertThat(app).hadErrorContaining(
            "2 heads: 27c6a30d7c24 (AddEmail, from the classpath), b8e2d0c4a6f1 (AddAuditLog)")
        .inFile(fork).onLineContaining("@Revision");
  }

  @Test
  void recompilingOneMigrationAlone_seesTheOthersThroughTheirMarkers() throws Exception {
    compileInto(libraryJar, CREATE_USERS, ADD_EMAIL, CREATE_ORDERS);
    JavaFileObject editedAddEmail = migration("com.example.lib.db.AddEmail",
        "@Revision(id = \"27c6a30d7c24\", revises = \"ae1027a6acf0\", message = \"Add email!\")");

    Compilation incremental = javacWithClasspath(libraryJar).compile(editedAddEmail);

    assertThat(incremental).succeededWithoutWarnings();
    RevisionRegistry registry = RegistryGenerationTest.registryOf(
        new CompiledClasses(incremental, libraryJar), "com.example.lib.db.Revisions");
    assertThat(ids(registry.revisions()))
        .containsExactly("ae1027a6acf0", "27c6a30d7c24", "1975ea83b712").inOrder();
    assertThat(registry.revision("27c6a30d7c24").orElseThrow().message()).isEqualTo("Add email!");
  }

  @Test
  void aNewMigrationCompiledAlone_joinsTheRecordedChain_andTheNextBuildStillSeesAll()
      throws Exception {
    Path output = Files.createDirectories(buildDirectory.resolve("classes"));
    assertThat(javacIncrementally(output, CREATE_USERS, ADD_EMAIL, CREATE_ORDERS)).isEmpty();
    JavaFileObject newOne = migration("com.example.lib.db.AddInvoices",
        "@Revision(id = \"c0ffee000001\", revises = \"1975ea83b712\")");

    assertThat(javacIncrementally(output, newOne)).isEmpty();
    assertThat(javacIncrementally(output, ADD_EMAIL)).isEmpty();

    assertThat(revisionIdsIn(output, "com.example.lib.db.Revisions")).containsExactly(
        "ae1027a6acf0", "27c6a30d7c24", "1975ea83b712", "c0ffee000001").inOrder();
  }

  @Test
  void aMigrationDeletedSinceTheLastBuild_isNoLongerPartOfTheChain() throws Exception {
    Path output = Files.createDirectories(buildDirectory.resolve("classes"));
    assertThat(javacIncrementally(output, CREATE_USERS, ADD_EMAIL, CREATE_ORDERS)).isEmpty();
    Files.delete(output.resolve("com/example/lib/db/CreateOrders.class"));
    JavaFileObject replacement = migration("com.example.lib.db.CreateOrdersV2",
        "@Revision(id = \"1975ea83b712\", revises = \"27c6a30d7c24\")");

    assertThat(javacIncrementally(output, replacement)).isEmpty();
  }

  @Test
  void aRevisionThatJavacReadsFromAClassFile_hasNoChecksum_andSaysSo() throws Exception {
    Path output = Files.createDirectories(buildDirectory.resolve("classes"));
    assertThat(javacIncrementally(output, CREATE_USERS, ADD_EMAIL)).isEmpty();

    List<String> diagnostics = javacIncrementally(
        output, List.of("com.example.lib.db.AddEmail"), CREATE_ORDERS);

    assertThat(diagnostics).containsExactly(
        "WARNING: " + Messages.noChecksum("com.example.lib.db.AddEmail"));
  }

  @Test
  void anApplicationWhoseRevisionsShareTheJarsPackage_mustNameItsOwnRegistry() throws Exception {
    compileInto(libraryJar, CREATE_USERS, ADD_EMAIL);
    JavaFileObject appRevision = migration("com.example.lib.db.AddAuditLog",
        "@Revision(id = \"b8e2d0c4a6f1\", revises = \"27c6a30d7c24\")");

    Compilation app = javacWithClasspath(libraryJar).compile(appRevision);

    assertThat(app).hadErrorContaining(Messages.registryOfAnotherModule(
            "com.example.lib.db.Revisions", List.of(
                "27c6a30d7c24 (AddEmail, from the classpath)",
                "ae1027a6acf0 (CreateUsers, from the classpath)")))
        .inFile(appRevision).onLineContaining("@Revision");
    assertThat(app).hadErrorCount(1);
  }

  @Test
  void anApplicationSharingTheJarsPackage_compilesWithARegistryNameOfItsOwn() throws Exception {
    compileInto(libraryJar, CREATE_USERS, ADD_EMAIL);
    JavaFileObject appRevision = migration("com.example.lib.db.AddAuditLog",
        "@Revision(id = \"b8e2d0c4a6f1\", revises = \"27c6a30d7c24\")");

    Compilation app = javacWithClasspath(libraryJar)
        .withOptions("-A" + Messages.REGISTRY_OPTION + "=com.example.lib.db.AppRevisions")
        .compile(appRevision);

    assertThat(app).succeededWithoutWarnings();
    RevisionRegistry registry = RegistryGenerationTest.registryOf(
        new CompiledClasses(app, libraryJar), "com.example.lib.db.AppRevisions");
    assertThat(ids(registry.revisions()))
        .containsExactly("ae1027a6acf0", "27c6a30d7c24", "b8e2d0c4a6f1").inOrder();
  }

  @Test
  void aMarkerThatAnotherVersionWrote_isReportedOnALocalRevision_namingIt() throws Exception {
    String markerClass = "dev.retort.aggregated.com_example_lib_db_Revisions";
    compileInto(libraryJar, JavaFileObjects.forSourceLines(markerClass,
        "package dev.retort.aggregated;",
        "@dev.retort.annotations.internal.AggregatedRevisions(",
        "    registry = \"com.example.lib.db.Revisions\",",
        "    revisions = {\"a record in another format\"})",
        "public final class com_example_lib_db_Revisions {}"));
    JavaFileObject appRevision = migration("com.example.app.db.AddAuditLog",
        "@Revision(id = \"b8e2d0c4a6f1\", revises = \"27c6a30d7c24\")");

    Compilation app = javacWithClasspath(libraryJar).compile(appRevision);

    assertThat(app).hadErrorContaining(Messages.staleMarker(markerClass,
            libraryJar.resolve("dev/retort/aggregated/com_example_lib_db_Revisions.class").toUri()
                .toString()))
        .inFile(appRevision).onLineContaining("@Revision");
    assertThat(app).hadErrorCount(1);
  }

  /**
   * A jar's revision is checked with the local ones; its problem is reported on a local
   * {@code @Revision}, the only source here, and names the jar's revision.
   */
  @Test
  void anIrreversibleReasonOnTwoLines_inAJarsMarker_isReportedOnALocalRevision_namingIt()
      throws Exception {
    String record = RevisionCodec.encode(new RevisionNode("com.example.lib.db.DropLegacy",
        "27c6a30d7c24", List.of(), List.of(), List.of(), "Drop legacy", true,
        "drops the table\nRevision: deadbeef (head)", "", false));
    compileInto(libraryJar, JavaFileObjects.forSourceLines(
        "dev.retort.aggregated.com_example_lib_db_Revisions",
        "package dev.retort.aggregated;",
        "@dev.retort.annotations.internal.AggregatedRevisions(",
        "    registry = \"com.example.lib.db.Revisions\",",
        "    revisions = {" + javaLiteral(record) + "})",
        "public final class com_example_lib_db_Revisions {}"));
    JavaFileObject appRevision = migration("com.example.app.db.AddAuditLog",
        "@Revision(id = \"b8e2d0c4a6f1\", revises = \"27c6a30d7c24\")");

    Compilation app = javacWithClasspath(libraryJar).compile(appRevision);

    assertThat(app).hadErrorContaining(Messages.invalidIrreversibleReason(
            "27c6a30d7c24 (DropLegacy, from the classpath)", Messages.containsLineBreak('\n')))
        .inFile(appRevision).onLineContaining("@Revision");
    assertThat(app).hadErrorCount(1);
  }

  /** {@code text} as a Java string literal: control characters as octal escapes. */
  private static String javaLiteral(String text) {
    StringBuilder literal = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        literal.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7F) {
        literal.append(String.format(Locale.ROOT, "\\%03o", (int) c));
      } else {
        literal.append(c);
      }
    }
    return literal.append('"').toString();
  }

  /** Compiles, and writes the classes and resources to {@code output} as a jar would hold them. */
  private static void compileInto(Path output, JavaFileObject... sources) throws IOException {
    Compilation compilation = Sources.compile(sources);
    assertThat(compilation).succeeded();
    writeOutput(compilation, output);
  }

  private static void writeOutput(Compilation compilation, Path output) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int at = path.indexOf("/CLASS_OUTPUT/");
      if (at >= 0) {
        Path target = output.resolve(path.substring(at + "/CLASS_OUTPUT/".length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /**
   * Compiles as an IDE or Gradle does for an incremental build: into {@code output}, which is on
   * the classpath too, so the classes and the marker of the last build are there. Returns the
   * errors and warnings.
   */
  private static List<String> javacIncrementally(Path output, JavaFileObject... sources)
      throws IOException {
    return javacIncrementally(output, List.of(), sources);
  }

  /** The same, with {@code classNames} from the classpath given to the processors too. */
  private static List<String> javacIncrementally(
      Path output, List<String> classNames, JavaFileObject... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<Path> classpath = new ArrayList<>();
      classpath.add(output);
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        classpath.add(Path.of(entry));
      }
      Path generated = Files.createDirectories(output.resolveSibling("generated-sources"));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, List.of(), classNames, List.of(sources));
      task.setProcessors(List.of(new RevisionProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
        .toList();
  }

  /** The revision ids of the registry compiled into {@code classes}, in its order. */
  private static List<String> revisionIdsIn(Path classes, String registryClass) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ChainAcrossCompilationsTest.class.getClassLoader())) {
      RevisionRegistry registry =
          (RevisionRegistry) loader.loadClass(registryClass).getField("REGISTRY").get(null);
      return ids(registry.revisions());
    }
  }

  private static Compiler javacWithClasspath(Path extra) {
    List<File> classpath = new ArrayList<>();
    classpath.add(extra.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    return Sources.javac().withClasspath(classpath);
  }
}

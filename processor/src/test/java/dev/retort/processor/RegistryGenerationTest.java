package dev.retort.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.processor.Sources.compile;
import static dev.retort.processor.Sources.migration;
import static dev.retort.processor.Sources.migrationWithBody;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryGenerationTest {

  static final JavaFileObject[] SHOP = {
      migration("com.example.shop.db.CreateUsers",
          "@Revision(id = \"ae1027a6acf0\", message = \"Create users\", branchLabels = \"core\")"),
      migration("com.example.shop.db.AddEmailVerifiedColumnToUsers",
          "@Revision(id = \"27c6a30d7c24\", revises = \"ae1027a6acf0\","
              + " message = \"Add email_verified column to users\")"),
      migration("com.example.shop.db.orders.CreateOrders",
          "@Revision(id = \"1975ea83b712\", revises = \"ae1027a6acf0\","
              + " message = \"Create orders\")"),
      migration("com.example.shop.db.MergeEmailAndOrders",
          "@Revision(id = \"3cc0f3a6b0e1\", revises = {\"27c6a30d7c24\", \"1975ea83b712\"},"
              + " message = \"Merge email and orders\")"),
      migrationWithBody("com.example.shop.db.orders.IndexOrdersConcurrently",
          "@Revision(id = \"d4e5f6a7b8c9\", revises = \"3cc0f3a6b0e1\", transactional = false,"
              + " message = \"Index orders concurrently\")\n@Irreversible(\"drops the legacy index\")",
          "  public void upgrade(DSLContext db) {}"),
  };

  @Test
  void theRegistryMatchesTheGoldenFile() throws IOException {
    Compilation compilation = compile(SHOP);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.shop.db.Revisions")
        .contentsAsUtf8String().isEqualTo(golden("golden/Revisions.java"));
  }

  /**
   * A build puts the processor's jar and what its pom names on the processor path; the processor
   * needs only the annotations, so a build loads and opens no other jar for it.
   */
  @Test
  void theProcessor_runsWithOnlyItsOwnClassesAndTheAnnotations_onItsPath() throws Exception {
    try (URLClassLoader processorPath = new URLClassLoader(new URL[] {
        RevisionProcessor.class.getProtectionDomain().getCodeSource().getLocation(),
        Revision.class.getProtectionDomain().getCodeSource().getLocation()},
        ClassLoader.getPlatformClassLoader())) {
      Processor isolated = (Processor) processorPath
          .loadClass(RevisionProcessor.class.getName()).getConstructor().newInstance();

      Compilation compilation = Compiler.javac().withProcessors(isolated).compile(SHOP);

      assertThat(compilation).succeededWithoutWarnings();
      assertThat(compilation).generatedSourceFile("com.example.shop.db.Revisions")
          .contentsAsUtf8String().isEqualTo(golden("golden/Revisions.java"));
    }
  }

  @Test
  void theRegistryListsTheGraph_inTopologicalOrder() throws Exception {
    RevisionRegistry registry = registryOf(compile(SHOP), "com.example.shop.db.Revisions");

    assertThat(ids(registry.revisions())).containsExactly(
        "ae1027a6acf0", "1975ea83b712", "27c6a30d7c24", "3cc0f3a6b0e1", "d4e5f6a7b8c9").inOrder();
    assertThat(ids(registry.heads())).containsExactly("d4e5f6a7b8c9");
    assertThat(ids(registry.bases())).containsExactly("ae1027a6acf0");
    RevisionInfo merge = registry.revision("3cc0f3a6b0e1").orElseThrow();
    assertThat(merge.isMerge()).isTrue();
    assertThat(registry.parentIndexes(merge.index())).asList().containsExactly(2, 1);
    RevisionInfo index = registry.revision("d4e5f6a7b8c9").orElseThrow();
    assertThat(index.transactional()).isFalse();
    assertThat(index.irreversibleReason()).hasValue("drops the legacy index");
    assertThat(index.className()).isEqualTo("com.example.shop.db.orders.IndexOrdersConcurrently");
    assertThat(registry.revision("ae1027a6acf0").orElseThrow().branchLabels())
        .containsExactly("core");
  }

  @Test
  void eachRevisionHasATypedConstant_namedAfterItsClass() throws Exception {
    CompiledClasses classes = new CompiledClasses(compile(SHOP));
    Class<?> revisions = classes.loadClass("com.example.shop.db.Revisions");

    Object constant = revisions.getField("ADD_EMAIL_VERIFIED_COLUMN_TO_USERS").get(null);

    assertThat(revisions.getField("ADD_EMAIL_VERIFIED_COLUMN_TO_USERS").getType())
        .isEqualTo(RevisionInfo.class);
    assertThat(((RevisionInfo) constant).id()).isEqualTo("27c6a30d7c24");
    assertThat(((RevisionInfo) constant).message()).isEqualTo("Add email_verified column to users");
  }

  @Test
  void aStartUpThatRunsNothing_loadsNoMigrationClass() throws Exception {
    CompiledClasses classes = new CompiledClasses(compile(SHOP));
    RevisionRegistry registry = registryOf(classes, "com.example.shop.db.Revisions");

    registry.revisions().forEach(revision -> revision.checksum());
    registry.heads();
    registry.revision("27c6a30d7c24");

    assertThat(classes.loaded().stream().filter(name -> !name.contains("Revisions"))).isEmpty();

    Migration migration = registry.migration(registry.revision("27c6a30d7c24").orElseThrow());

    assertThat(migration.getClass().getName())
        .isEqualTo("com.example.shop.db.AddEmailVerifiedColumnToUsers");
    assertThat(classes.loaded().stream().filter(name -> !name.contains("Revisions")))
        .containsExactly("com.example.shop.db.AddEmailVerifiedColumnToUsers");
  }

  @Test
  void theRegistryIsFoundByServiceLoader_withoutScanning() throws Exception {
    CompiledClasses classes = new CompiledClasses(compile(SHOP));

    assertThat(classes.resource(RevisionProcessor.SERVICE_FILE))
        .isEqualTo("com.example.shop.db.Revisions\n");
    List<RevisionRegistry> found = ServiceLoader.load(RevisionRegistry.class, classes).stream()
        .map(ServiceLoader.Provider::get).toList();
    assertThat(found).hasSize(1);
    assertThat(ids(found.get(0).heads())).containsExactly("d4e5f6a7b8c9");
  }

  @Test
  void aConstantOfAnotherRegistry_isRefused() throws Exception {
    RevisionRegistry one = registryOf(compile(SHOP), "com.example.shop.db.Revisions");
    RevisionRegistry other = registryOf(compile(SHOP), "com.example.shop.db.Revisions");

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> one.migration(other.revisions().get(0)));
    assertThat(refused).hasMessageThat().contains("does not belong to");
  }

  @Test
  void theOutputIsTheSame_whateverOrderTheSourcesCameIn() {
    List<JavaFileObject> reversed = new ArrayList<>(List.of(SHOP));
    Collections.reverse(reversed);

    String first = registrySource(compile(SHOP));
    String second = registrySource(Sources.javac().compile(reversed));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void theRevisionsAreRecordedInOneMarkerForLaterCompilations() {
    Compilation compilation = compile(SHOP);

    assertThat(compilation).generatedSourceFile(
            "dev.retort.aggregated.com_example_shop_db_Revisions")
        .contentsAsUtf8String().contains("registry = \"com.example.shop.db.Revisions\"");
    assertThat(compilation.generatedSourceFiles().stream()
            .filter(file -> file.getName().contains("/dev/retort/aggregated/")))
        .hasSize(1);
  }

  @Test
  void theChecksumIgnoresCommentsAndFormatting_butNotCode() throws Exception {
    String original = checksumOf(migration("com.example.db.CreateUsers", "@Revision(id = \"a1\")"));
    String reformatted = checksumOf(migrationWithBody("com.example.db.CreateUsers",
        "// Creates the users table.\n@Revision(id = \"a1\")", """
          /** Runs first. */
          @Override
          public void upgrade(DSLContext db)   {
            db.execute( "select 1" ); // unchanged
          }
          @Override public void downgrade(DSLContext db) { db.execute("select 2"); }
        """));
    String edited = checksumOf(migrationWithBody("com.example.db.CreateUsers",
        "@Revision(id = \"a1\")", """
          @Override
          public void upgrade(DSLContext db) {
            db.execute("select 11");
          }
          @Override public void downgrade(DSLContext db) { db.execute("select 2"); }
        """));

    assertThat(original).matches("[0-9a-f]{64}");
    assertThat(reformatted).isEqualTo(original);
    assertThat(edited).isNotEqualTo(original);
  }

  @Test
  void theChecksumIgnoresOperatorSpacingAndTheRevisionsDescription_butNotOtherCode()
      throws Exception {
    String body = """
          static final int STEP %s;
          @Override public void upgrade(DSLContext db) { db.execute("select " + STEP); }
          @Override public void downgrade(DSLContext db) { db.execute("select 2"); }
        """;
    String annotation = "@Revision(id = \"a1\", message = \"Create users\")";
    String original = checksumOf(migrationWithBody("com.example.db.CreateUsers", annotation,
        body.formatted("= -1")));
    String unspaced = checksumOf(migrationWithBody("com.example.db.CreateUsers", annotation,
        body.formatted("=-1")));
    String newMessage = checksumOf(migrationWithBody("com.example.db.CreateUsers",
        "@Revision(id = \"a1\", message = \"Create the users table\")", body.formatted("= -1")));
    String newLabel = checksumOf(migrationWithBody("com.example.db.CreateUsers",
        "@Revision(id = \"a1\", message = \"Create users\", branchLabels = \"core\")",
        body.formatted("= -1")));
    String newValue = checksumOf(migrationWithBody("com.example.db.CreateUsers", annotation,
        body.formatted("= -2")));

    assertThat(unspaced).isEqualTo(original);
    assertThat(newMessage).isEqualTo(original);
    assertThat(newLabel).isEqualTo(original);
    assertThat(newValue).isNotEqualTo(original);
  }

  @Test
  void runningOutsideATransaction_changesTheChecksum() throws Exception {
    String byDefault = checksumOf(migration("com.example.db.CreateUsers",
        "@Revision(id = \"a1\")"));
    String saidOutright = checksumOf(migration("com.example.db.CreateUsers",
        "@Revision(id = \"a1\", transactional = true)"));
    String outside = checksumOf(migration("com.example.db.CreateUsers",
        "@Revision(id = \"a1\", transactional = false)"));

    assertThat(saidOutright).isEqualTo(byDefault);
    assertThat(outside).isNotEqualTo(byDefault);
  }

  @Test
  void theChecksumIgnoresWhereTheRevisionSitsInTheGraph() throws Exception {
    JavaFileObject createUsers = migration("com.example.db.CreateUsers", "@Revision(id = \"a1\")");
    String first = checksumOf("b1", createUsers,
        migration("com.example.db.CreateOrders", "@Revision(id = \"o1\", revises = \"a1\")"),
        migration("com.example.db.AddEmail", "@Revision(id = \"b1\", revises = \"o1\")"));
    String reparented = checksumOf("b1", createUsers,
        migration("com.example.db.CreateOrders", "@Revision(id = \"o1\", revises = \"b1\")"),
        migration("com.example.db.AddEmail", "@Revision(id = \"b1\", revises = \"a1\")"));
    String withADependency = checksumOf("b1", createUsers,
        migration("com.example.db.CreateOrders", "@Revision(id = \"o1\", revises = \"a1\")"),
        migration("com.example.db.AddEmail",
            "@Revision(id = \"b1\", revises = \"o1\", dependsOn = \"a1\")"));

    assertThat(reparented).isEqualTo(first);
    assertThat(withADependency).isEqualTo(first);
  }

  @Test
  void theChecksumIsTheSame_forACrlfCheckoutOrAReindentedTextBlock() throws Exception {
    String body = """
          @Override
          public void upgrade(DSLContext db) {
            db.execute(%s);
          }
          @Override public void downgrade(DSLContext db) { db.execute("drop table t"); }
        """;
    String textBlock = "\"\"\"\n        create table t (\n          id int\n        )\n        \"\"\"";
    String reindented = "\"\"\"\n  create table t (\n    id int\n  )\n  \"\"\"";
    JavaFileObject lf = migrationWithBody("com.example.db.CreateT", "@Revision(id = \"a1\")",
        body.formatted(textBlock));
    JavaFileObject crlf = JavaFileObjects.forSourceString("com.example.db.CreateT",
        lf.getCharContent(true).toString().replace("\n", "\r\n"));

    String original = checksumOf(lf);

    assertThat(checksumOf(crlf)).isEqualTo(original);
    assertThat(checksumOf(migrationWithBody("com.example.db.CreateT", "@Revision(id = \"a1\")",
        body.formatted(reindented)))).isEqualTo(original);
    assertThat(checksumOf(migrationWithBody("com.example.db.CreateT", "@Revision(id = \"a1\")",
        body.formatted(textBlock.replace("id int", "id bigint"))))).isNotEqualTo(original);
  }

  @Test
  void messagesWithJavadocAndEscapeSyntax_stillGiveARegistryThatCompiles() throws Exception {
    Compilation compilation = compile(migration("com.example.db.CreateUsers",
        "@Revision(id = \"a1\", message = \"Copy C:\\\\users */ <b> {@code x} & @y\")"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(registryOf(compilation, "com.example.db.Revisions").revisions().get(0).message())
        .isEqualTo("Copy C:\\users */ <b> {@code x} & @y");
  }

  /**
   * A reason is written into the registry's source and its marker as a string literal: quotes,
   * backslashes, comment and escape syntax and text beyond ASCII come back as written.
   */
  @Test
  void reasonsWithQuotesBackslashesAndOtherScripts_stillGiveARegistryThatCompiles()
      throws Exception {
    String reason = "drops \"legacy\" from C:\\data */ \\u0041 — 削除, {@code x}";
    Compilation compilation = compile(migrationWithBody("com.example.db.DropLegacy",
        "@Revision(id = \"a1\", message = \"Drop \\\"legacy\\\"\")\n"
            + "@Irreversible(\"drops \\\"legacy\\\" from C:\\\\data */ \\\\u0041 — 削除,"
            + " {@code x}\")",
        "  public void upgrade(DSLContext db) {}"));

    assertThat(compilation).succeededWithoutWarnings();
    RevisionInfo revision =
        registryOf(compilation, "com.example.db.Revisions").revisions().get(0);
    assertThat(revision.message()).isEqualTo("Drop \"legacy\"");
    assertThat(revision.irreversibleReason()).hasValue(reason);
  }

  /**
   * The Filer writes a generated source in the build's {@code -encoding}, and javac reads it back
   * in it: text beyond ASCII written as is came back as {@code ?} from a windows-1252 build. The
   * registry and the marker are ASCII, so every build reads back what the migrations say.
   */
  @Test
  void messagesAndReasonsInOtherScripts_giveAnAsciiRegistryAndMarker_thatReadThemBack()
      throws Exception {
    String message = "A\u00f1adir \u00ab\u00e9t\u00e9\u00bb \u524a\u9664 \uD83D\uDE00";
    String reason = "supprime \u00ab legacy \u00bb \u2014 \uD835\uDD38";
    Compilation compilation = compile(migrationWithBody("com.example.db.DropLegacy",
        "@Revision(id = \"a1\", message = \"" + message + "\")\n"
            + "@Irreversible(\"" + reason + "\")",
        "  public void upgrade(DSLContext db) {}"));

    assertThat(compilation).succeededWithoutWarnings();
    RevisionInfo revision =
        registryOf(compilation, "com.example.db.Revisions").revisions().get(0);
    assertThat(revision.message()).isEqualTo(message);
    assertThat(revision.irreversibleReason()).hasValue(reason);
    for (JavaFileObject generated : compilation.generatedSourceFiles()) {
      assertThat(generated.getCharContent(true).chars().filter(c -> c > '~').count())
          .isEqualTo(0);
    }
    assertThat(compilation.generatedSourceFiles()).hasSize(2);
  }

  /**
   * A class may be named in letters beyond ASCII, written as unicode escapes in an ASCII source.
   * The registry, its marker and its constants name it too, and javac reads them back in the
   * build's {@code -encoding}: here ISO-8859-1, which has no letter of these names. The services
   * file is read by {@code ServiceLoader} in UTF-8 whatever the build's encoding.
   */
  @Test
  void classesNamedBeyondAscii_inABuildInLatin1_getARegistryThatCompilesAndCreatesThem(
      @TempDir Path directory) throws Exception {
    String fileNames = System.getProperty("sun.jnu.encoding");
    assertWithMessage("javac writes class files named after these classes, which the file name"
        + " encoding " + fileNames + " cannot name; run the tests in a UTF-8 locale, as the"
        + " processor's surefire configuration does with LC_ALL=C.UTF-8")
        .that(Charset.forName(fileNames).newEncoder().canEncode("\u5909\u66f4")).isTrue();
    Path sources = Files.createDirectories(directory.resolve("src/com/example/db"));
    Files.writeString(sources.resolve("package-info.java"),
        "@dev.retort.annotations.RegistryName(\"\\u5909\\u66f4\")\npackage com.example.db;\n",
        StandardCharsets.US_ASCII);
    Files.writeString(sources.resolve("Outer.java"), """
        package com.example.db;

        public class Outer {
          @dev.retort.annotations.Revision(id = "a1", message = "drop legacy")
          public static class \\u524a\\u9664Legacy implements dev.retort.runtime.Migration {
            @Override
            public void upgrade(org.jooq.DSLContext db) {}

            @Override
            public void downgrade(org.jooq.DSLContext db) {}
          }
        }
        """, StandardCharsets.US_ASCII);
    Path classes = Files.createDirectories(directory.resolve("classes"));
    Path generated = Files.createDirectories(directory.resolve("generated"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classpath = Stream.of(Revision.class, Migration.class, org.jooq.DSLContext.class)
        .map(RegistryGenerationTest::location).collect(Collectors.joining(File.pathSeparator));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
          List.of("-encoding", "ISO-8859-1", "-d", classes.toString(), "-s",
              generated.toString(), "-classpath", classpath, "-Xlint:-options"),
          null, files.getJavaFileObjects(sources.resolve("package-info.java").toFile(),
              sources.resolve("Outer.java").toFile()));
      task.setProcessors(List.of(new RevisionProcessor()));
      assertWithMessage(diagnostics.getDiagnostics().toString()).that(task.call()).isTrue();
    }

    String registryName = "com.example.db.\u5909\u66f4";
    byte[] services = Files.readAllBytes(classes.resolve(RevisionProcessor.SERVICE_FILE));
    assertThat(new String(services, StandardCharsets.UTF_8)).isEqualTo(registryName + "\n");
    try (Stream<Path> written = Files.walk(generated)) {
      for (Path source : written.filter(Files::isRegularFile).toList()) {
        assertWithMessage(source.toString()).that(
            Files.readString(source, StandardCharsets.ISO_8859_1).chars().filter(c -> c > '~')
                .count()).isEqualTo(0);
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        RegistryGenerationTest.class.getClassLoader())) {
      RevisionRegistry registry = (RevisionRegistry) loader.loadClass(registryName)
          .getConstructor().newInstance();
      assertThat(registry.migration(registry.revision("a1").orElseThrow()).getClass().getName())
          .isEqualTo("com.example.db.Outer$\u524a\u9664Legacy");
    }
  }

  /**
   * The registry names the runtime's types, {@code java.lang}'s and its own nested ones by their
   * simple names; a migration class with one of those names, or the registry's, is named in full.
   */
  @Test
  void migrationsNamedLikeTypesTheRegistryNames_stillGiveARegistryThatCreatesEach()
      throws Exception {
    List<String> classes = List.of("com.example.db.Migration", "com.example.db.other.RevisionInfo",
        "com.example.db.other.Revisions", "com.example.db.other.Page0",
        "com.example.db.other.String", "com.example.db.other.Override",
        "com.example.db.other.Outer.Inner");
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < classes.size(); i++) {
      sources.add(clashingMigration(classes.get(i), "r" + i, i == 0 ? "" : "r" + (i - 1)));
    }

    Compilation compilation = Sources.javac().compile(sources);

    assertThat(compilation).succeededWithoutWarnings();
    RevisionRegistry registry = registryOf(compilation, "com.example.db.Revisions");
    for (int i = 0; i < classes.size(); i++) {
      Migration migration = registry.migration(registry.revision("r" + i).orElseThrow());
      assertThat(migration.getClass().getCanonicalName()).isEqualTo(classes.get(i));
    }
  }

  /** A migration that names every type in full, in a class that may be nested in another. */
  private static JavaFileObject clashingMigration(String canonicalName, String id, String revises) {
    String[] parts = canonicalName.split("\\.");
    boolean nested = Character.isUpperCase(parts[parts.length - 2].charAt(0));
    int typeStart = parts.length - (nested ? 2 : 1);
    String packageName = String.join(".", List.of(parts).subList(0, typeStart));
    String migration = "@dev.retort.annotations.Revision(id = \"" + id + "\""
        + (revises.isEmpty() ? "" : ", revises = \"" + revises + "\"") + ")\n"
        + (nested ? "public static" : "public") + " class " + parts[parts.length - 1]
        + " implements dev.retort.runtime.Migration {\n"
        + "  @java.lang.Override public void upgrade(org.jooq.DSLContext db) {}\n"
        + "  @java.lang.Override public void downgrade(org.jooq.DSLContext db) {}\n}\n";
    String body = nested ? "public class " + parts[typeStart] + " {\n" + migration + "}\n"
        : migration;
    return JavaFileObjects.forSourceString(packageName + "." + parts[typeStart],
        "package " + packageName + ";\n\n" + body);
  }

  @Test
  void theRegistryNameCanBeSetByOption() {
    Compilation compilation = Sources.javac()
        .withOptions("-Aretort.registry=com.example.Migrations")
        .compile(SHOP);

    assertThat(compilation).generatedSourceFile("com.example.Migrations");
  }

  @Test
  void theRegistryNameCanBeSetByAPackageAnnotation() {
    JavaFileObject packageInfo = JavaFileObjects.forSourceLines("com.example.shop.package-info",
        "@dev.retort.annotations.RegistryName(\"ShopRevisions\")",
        "package com.example.shop;");
    List<JavaFileObject> sources = new ArrayList<>(List.of(SHOP));
    sources.add(packageInfo);

    assertThat(Sources.javac().compile(sources)).generatedSourceFile("com.example.shop.ShopRevisions");
  }

  @Test
  void twoClassesWithOneSimpleName_getTheirIdsInTheConstantName() {
    Compilation compilation = compile(
        migration("com.example.db.a.CreateUsers", "@Revision(id = \"a1\")"),
        migration("com.example.db.b.CreateUsers", "@Revision(id = \"b1\", revises = \"a1\")"));

    assertThat(compilation).generatedSourceFile("com.example.db.Revisions").contentsAsUtf8String()
        .contains("CREATE_USERS_A1 = byIndex[0];");
    assertThat(compilation).generatedSourceFile("com.example.db.Revisions").contentsAsUtf8String()
        .contains("CREATE_USERS_B1 = byIndex[1];");
  }

  private static String checksumOf(JavaFileObject source) throws Exception {
    RevisionRegistry registry = registryOf(compile(source), "com.example.db.Revisions");
    return registry.revisions().get(0).checksum();
  }

  private static String checksumOf(String id, JavaFileObject... sources) throws Exception {
    RevisionRegistry registry = registryOf(compile(sources), "com.example.db.Revisions");
    return registry.revision(id).orElseThrow().checksum();
  }

  static String registrySource(Compilation compilation) {
    try {
      return compilation.generatedSourceFile("com.example.shop.db.Revisions").orElseThrow()
          .getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RevisionRegistry registryOf(Compilation compilation, String registryClass)
      throws Exception {
    assertThat(compilation).succeeded();
    return registryOf(new CompiledClasses(compilation), registryClass);
  }

  static RevisionRegistry registryOf(CompiledClasses classes, String registryClass)
      throws Exception {
    return (RevisionRegistry) classes.loadClass(registryClass).getField("REGISTRY").get(null);
  }

  static List<String> ids(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::id).toList();
  }

  static String golden(String resource) throws IOException {
    try (InputStream in = RegistryGenerationTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

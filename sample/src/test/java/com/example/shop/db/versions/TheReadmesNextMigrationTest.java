package com.example.shop.db.versions;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.testing.MigrationTests;
import dev.retort.testing.TestDatabases;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's daily loop goes on past the sample: a developer adds the phone column to users
 * (M0007, as the README writes it), upgrades, and later walks back down through M0006. On the
 * sample's H2 file database that once failed in M0006's downgrade ("Index ix_orders_user_id
 * belongs to constraint fk_orders_user"). Here M0007 is compiled through the processor beside
 * the sample's revisions, and the walk up and down runs on the sample's kind of database.
 */
class TheReadmesNextMigrationTest {

  @TempDir static Path build;
  private static URLClassLoader loader;
  private static RevisionRegistry registry;

  @BeforeAll
  static void compileM0007() throws Exception {
    Path sources = Files.createDirectories(build.resolve("src"));
    Path classes = Files.createDirectories(build.resolve("classes"));
    Path m0007 = sources.resolve("M0007_AddPhoneToUsers.java");
    Files.writeString(m0007, """
        package com.example.shop.db.versions;

        import dev.retort.annotations.Revision;
        import dev.retort.runtime.Migration;
        import org.jooq.DSLContext;
        import org.jooq.impl.SQLDataType;

        @Revision(id = "5b0c9d7e3f21", revises = "e7f4b2c9a016", message = "Add phone to users")
        public final class M0007_AddPhoneToUsers implements Migration {
          @Override
          public void upgrade(DSLContext db) {
            db.alterTable("users").addColumn("phone", SQLDataType.VARCHAR(30)).execute();
          }

          @Override
          public void downgrade(DSLContext db) {
            db.alterTable("users").dropColumn("phone").execute();
          }
        }
        """);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      // The sample's revisions come from its classes (their markers); the registry covers them
      // and M0007, under a name of its own beside the sample's Revisions.
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, List.of(
          "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
          "-Aretort.registry=com.example.shop.db.versions.NextRevisions"), null,
          files.getJavaFileObjectsFromPaths(List.of(m0007)));
      task.setProcessors(List.of(new RevisionProcessor()));
      task.call();
    }
    assertThat(diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).map(d -> d.getMessage(null))
        .toList()).isEmpty();
    loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        TheReadmesNextMigrationTest.class.getClassLoader());
    registry = (RevisionRegistry) loader.loadClass("com.example.shop.db.versions.NextRevisions")
        .getField("REGISTRY").get(null);
    assertThat(registry.revisions()).hasSize(8);
  }

  @AfterAll
  static void close() throws Exception {
    loader.close();
  }

  /** The sample's checks with M0007 added, on the sample's H2 file database. */
  private static final class WithM0007 implements MigrationTests {
    @Override
    public RevisionRegistry registry() {
      return registry;
    }

    @Override
    public DataSource database() {
      return TestDatabases.h2FileLike(ShopMigrationsTest.samplesUrl(),
          Path.of("target/test-databases"));
    }
  }

  @TestFactory
  @DisplayName("with M0007: walk up to it, then down through M0006 to base")
  Stream<DynamicTest> walkUpThenDown() {
    return new WithM0007().walkUpThenDown();
  }

  @TestFactory
  @DisplayName("with M0007: stairway")
  Stream<DynamicTest> stairway() {
    return new WithM0007().stairway();
  }
}

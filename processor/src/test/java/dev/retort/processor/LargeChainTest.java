package dev.retort.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A history of 10,000 revisions compiles and loads: the generated tables stay under the JVM's
 * 64 KB per method and 65,535 constants per class. Its compile and load times are measured by the
 * benchmarks module, not here.
 */
class LargeChainTest {

  static final int REVISIONS = 10_000;

  @Test
  void aChainOfTenThousandRevisions_compilesAndItsRegistryLoads() throws Exception {
    List<JavaFileObject> sources = chain(REVISIONS);
    sources.add(JavaFileObjects.forSourceLines("com.example.app.Startup",
        "package com.example.app;",
        "import com.example.db.Revisions;",
        "import dev.retort.runtime.RevisionInfo;",
        "public class Startup {",
        "  public static final RevisionInfo FIRST = Revisions.STEP0;",
        "  public static final RevisionInfo LAST = Revisions.STEP" + (REVISIONS - 1) + ";",
        "}"));
    // Reads a constant of the last constants interface only, so that interface initialises
    // before the registry does.
    sources.add(JavaFileObjects.forSourceLines("com.example.app.LastOnly",
        "package com.example.app;",
        "import com.example.db.Revisions;",
        "import dev.retort.runtime.RevisionInfo;",
        "public class LastOnly {",
        "  public static final RevisionInfo LAST = Revisions.STEP" + (REVISIONS - 1) + ";",
        "}"));

    Compilation compilation = Sources.javac().compile(sources);

    assertThat(compilation).succeededWithoutWarnings();
    CompiledClasses classes = new CompiledClasses(compilation);
    RevisionRegistry registry =
        RegistryGenerationTest.registryOf(classes, "com.example.db.Revisions");
    assertThat(registry.revisions()).hasSize(REVISIONS);
    assertThat(registry.heads().get(0).id()).isEqualTo("r" + (REVISIONS - 1));
    assertThat(registry.parentIndexes(REVISIONS - 1)).asList().containsExactly(REVISIONS - 2);
    RevisionInfo last = (RevisionInfo) classes.loadClass("com.example.app.Startup")
        .getField("LAST").get(null);
    assertThat(last.index()).isEqualTo(REVISIONS - 1);
    assertThat(registry.migration(last).getClass().getName())
        .isEqualTo("com.example.db.Step" + (REVISIONS - 1));
    RevisionInfo lastFirst = (RevisionInfo) new CompiledClasses(compilation)
        .loadClass("com.example.app.LastOnly").getField("LAST").get(null);
    assertThat(lastFirst.id()).isEqualTo("r" + (REVISIONS - 1));
    assertThat(lastFirst.index()).isEqualTo(REVISIONS - 1);
  }

  /** Revisions {@code r0 <- r1 <- ... }, one class each, as `retort create` would write them. */
  static List<JavaFileObject> chain(int length) {
    List<JavaFileObject> sources = new ArrayList<>(length + 1);
    for (int i = 0; i < length; i++) {
      String revises = i == 0 ? "" : ", revises = \"r" + (i - 1) + "\"";
      sources.add(Sources.migration("com.example.db.Step" + i,
          "@Revision(id = \"r" + i + "\"" + revises + ", message = \"Step " + i + "\")"));
    }
    return sources;
  }
}

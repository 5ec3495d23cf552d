package dev.retort.review;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.processor.RevisionProcessor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * javac is the first reviewer of an excuse: one that names a rule that does not exist, names it
 * by a string, or gives no reason does not compile. One compilation each, with Retort's processor
 * as a project has it; the migration grows a branch of its own from the corpus, whose registry the
 * processor finds on the classpath.
 */
class AllowCompileTest {

  @Test
  void anExcuseNamingAnUnknownRule_doesNotCompile() {
    JavaFileObject migration = migration(
        "@Allow(rule = LintRule.CREATE_INDEX_NONBLOCKING, reason = \"small table\")");

    Compilation compilation = javac().compile(migration);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("CREATE_INDEX_NONBLOCKING")
        .inFile(migration).onLineContaining("@Allow");
  }

  @Test
  void anExcuseNamingARuleByItsReportName_doesNotCompile() {
    JavaFileObject migration = migration(
        "@Allow(rule = \"create-index-blocking\", reason = \"small table\")");

    Compilation compilation = javac().compile(migration);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("incompatible types")
        .inFile(migration).onLineContaining("@Allow");
  }

  @Test
  void anExcuseWithoutAReason_doesNotCompile() {
    JavaFileObject migration = migration("@Allow(rule = LintRule.CREATE_INDEX_BLOCKING)");

    Compilation compilation = javac().compile(migration);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("reason")
        .inFile(migration).onLineContaining("@Allow");
  }

  @Test
  void anExcuseNamingARule_compiles() {
    Compilation compilation = javac().compile(migration(
        "@Allow(rule = LintRule.CREATE_INDEX_BLOCKING, reason = \"orders has 40 rows\")"));

    assertThat(compilation).succeeded();
  }

  private static Compiler javac() {
    return Compiler.javac().withProcessors(new RevisionProcessor());
  }

  private static JavaFileObject migration(String excuse) {
    return JavaFileObjects.forSourceString("shop.M0007_IndexOrders", """
        package shop;

        import dev.retort.annotations.Allow;
        import dev.retort.annotations.LintRule;
        import dev.retort.annotations.Revision;
        import dev.retort.runtime.Migration;
        import org.jooq.DSLContext;

        @Revision(id = "7c1e2f3a4b5d", revises = "shop", branchLabels = "b_compile_test")
        %s
        public final class M0007_IndexOrders implements Migration {
          @Override
          public void upgrade(DSLContext db) {
            db.createIndex("ix_orders_user").on("orders", "user_id").execute();
          }

          @Override
          public void downgrade(DSLContext db) {
            db.dropIndex("ix_orders_user").on("orders").execute();
          }
        }
        """.formatted(excuse));
  }
}

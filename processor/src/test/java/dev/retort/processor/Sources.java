package dev.retort.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Migration sources for compile tests, with the annotation on a line of its own. */
final class Sources {

  private Sources() {}

  /** A valid migration class {@code qualifiedName} carrying {@code annotation}. */
  static JavaFileObject migration(String qualifiedName, String annotation) {
    return migrationWithBody(qualifiedName, annotation, """
          @Override
          public void upgrade(DSLContext db) {
            db.execute("select 1");
          }

          @Override
          public void downgrade(DSLContext db) {
            db.execute("select 2");
          }
        """);
  }

  static JavaFileObject migrationWithBody(String qualifiedName, String annotation, String body) {
    int lastDot = qualifiedName.lastIndexOf('.');
    String packageName = qualifiedName.substring(0, lastDot);
    String simpleName = qualifiedName.substring(lastDot + 1);
    return JavaFileObjects.forSourceString(qualifiedName, """
        package %s;

        import dev.retort.annotations.Irreversible;
        import dev.retort.annotations.Revision;
        import dev.retort.runtime.Migration;
        import org.jooq.DSLContext;

        %s
        public class %s implements Migration {
        %s
        }
        """.formatted(packageName, annotation, simpleName, body));
  }

  /** javac with a new processor, as every compilation needs. */
  static Compiler javac() {
    return Compiler.javac().withProcessors(new RevisionProcessor());
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().compile(sources);
  }
}

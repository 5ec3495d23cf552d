package dev.retort.review;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.annotations.LintRule;
import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.Migration;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations guide lists every rule, with a section of its own, a row in the table of where it
 * applies that says what {@link Dialects} says, and an example that breaks the rule: each
 * section's first Java example is compiled as a migration with Retort's processor (one javac run
 * for all of them) and linted on PostgreSQL, after a revision that creates the tables the examples
 * name.
 */
class RuleDocumentationTest {

  private static final Path GUIDE = Path.of("../docs/operations/migration-review.md");

  /** The tables the examples change, created by the revision before them: existing tables. */
  private static final String SHOP = """
      package docs;

      import dev.retort.annotations.Irreversible;
      import dev.retort.annotations.Revision;
      import dev.retort.runtime.Migration;
      import org.jooq.DSLContext;

      @Revision(id = "docs_shop", message = "Create users and orders")
      @Irreversible("a documentation example, linted and never applied")
      public final class Shop implements Migration {
        @Override
        public void upgrade(DSLContext db) {
          db.execute("CREATE TABLE users (id BIGINT NOT NULL PRIMARY KEY,"
              + " email VARCHAR(255) NOT NULL, name VARCHAR(100))");
          db.execute("CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY, user_id BIGINT,"
              + " total NUMERIC(12, 2) NOT NULL, note VARCHAR(20), status VARCHAR(20))");
        }
      }
      """;

  /** The fields the examples use without declaring them, as a project declares them once. */
  private static final String FIELDS = """
      package docs;

      import org.jooq.Field;
      import org.jooq.impl.DSL;
      import org.jooq.impl.SQLDataType;

      public final class Fields {
        public static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
        public static final Field<String> NICKNAME =
            DSL.field(DSL.name("nickname"), SQLDataType.VARCHAR);
        public static final Field<String> STATUS =
            DSL.field(DSL.name("status"), SQLDataType.VARCHAR);

        private Fields() {}
      }
      """;

  /** A rule's example as a migration of a branch of its own from {@code docs_shop}. */
  private static final String EXAMPLE = """
      package docs;

      import static docs.Fields.*;

      import dev.retort.annotations.Irreversible;
      import dev.retort.annotations.Revision;
      import dev.retort.runtime.Migration;
      import java.math.BigDecimal;
      import org.jooq.DSLContext;
      import org.jooq.impl.DSL;
      import org.jooq.impl.SQLDataType;

      @Revision(id = "%1$s", revises = "docs_shop", branchLabels = "b_%1$s")
      @Irreversible("a documentation example, linted and never applied")
      public final class %2$s implements Migration {
        @Override
        public void upgrade(DSLContext db) {
      %3$s
        }
      }
      """;

  @TempDir static Path classes;

  @Test
  void everyRule_hasASectionAndARowThatMatchesWhereItApplies() throws IOException {
    String guide = Files.readString(GUIDE);
    for (LintRule rule : LintRule.values()) {
      assertWithMessage("the guide's section for %s", rule.ruleName())
          .that(guide).contains("\n### `" + rule.ruleName() + "`\n");
      String row = "| `" + rule.ruleName() + "` | "
          + mark(Dialects.POSTGRES, rule) + " | " + mark(Dialects.MYSQL, rule) + " | "
          + mark(Dialects.OTHER, rule) + " |";
      assertWithMessage("the guide's row for %s", rule.ruleName()).that(guide).contains(row);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRulesExample_breaksThatRuleOnAnExistingTable() throws Exception {
    String guide = Files.readString(GUIDE);
    List<String> sources = new ArrayList<>(List.of(SHOP, FIELDS));
    for (LintRule rule : LintRule.values()) {
      sources.add(EXAMPLE.formatted(revisionId(rule), className(rule),
          example(section(guide, rule), rule).indent(4).stripTrailing()));
    }
    RevisionRegistry registry = compile(sources);
    Review review = Review.of(registry, SQLDialect.POSTGRES);
    return Stream.of(LintRule.values()).map(rule -> DynamicTest.dynamicTest(rule.ruleName(), () -> {
      RevisionInfo revision = registry.revision(revisionId(rule)).orElseThrow();
      RevisionReview reviewed = review.revision(revision);
      assertWithMessage("what the linter finds in the guide's example of %s:\n%s",
          rule.ruleName(), reviewed.findings().stream().map(Finding::describe).toList())
          .that(reviewed.findings().stream().map(Finding::rule).toList())
          .containsExactly(rule);
      assertWithMessage("notes on the guide's example of %s", rule.ruleName())
          .that(reviewed.notes()).isEmpty();
    }));
  }

  /** The guide's section for a rule: from its heading to the next heading. */
  private static String section(String guide, LintRule rule) {
    String heading = "\n### `" + rule.ruleName() + "`\n";
    int start = guide.indexOf(heading);
    assertWithMessage("the guide's section for %s", rule.ruleName()).that(start).isAtLeast(0);
    int end = guide.indexOf("\n#", start + heading.length());
    return guide.substring(start, end < 0 ? guide.length() : end);
  }

  /**
   * The section's first Java example, without the lines that stand for the rest of a class
   * ({@code @Revision(...)} with its defaults, {@code ...}).
   */
  private static String example(String section, LintRule rule) {
    int start = section.indexOf("```java\n");
    assertWithMessage("a Java example in the guide's section for %s", rule.ruleName())
        .that(start).isAtLeast(0);
    int end = section.indexOf("\n```", start);
    return section.substring(start + "```java\n".length(), end).lines()
        .filter(line -> !line.strip().equals("...") && !line.strip().startsWith("@Revision("))
        .reduce("", (body, line) -> body + line + "\n");
  }

  /** Compiles the sources with Retort's processor and loads the registry it writes. */
  private static RevisionRegistry compile(List<String> sources) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    Path sourceFolder = Files.createDirectories(classes.resolve("src/docs"));
    Path output = Files.createDirectories(classes.resolve("classes"));
    List<File> files = new ArrayList<>();
    for (String source : sources) {
      String name = source.substring(source.indexOf("public final class ") + 19).split(" ")[0];
      files.add(Files.writeString(sourceFolder.resolve(name + ".java"), source).toFile());
    }
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromFiles(files);
      // Only what a project's migrations compile against: not this module's corpus, whose
      // revisions the processor would otherwise find on the classpath and join to these.
      List<String> options = List.of("-d", output.toString(), "-classpath", classpath());
      JavaCompiler.CompilationTask task =
          javac.getTask(diagnostics, fileManager, null, options, null, units);
      task.setProcessors(List.of(new RevisionProcessor()));
      assertWithMessage("javac on the guide's examples:\n%s", diagnostics)
          .that(task.call()).isTrue();
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {output.toUri().toURL()},
        RuleDocumentationTest.class.getClassLoader());
    RevisionRegistry registry = (RevisionRegistry) loader.loadClass("docs.Revisions")
        .getField("REGISTRY").get(null);
    assertThat(registry.revisions()).hasSize(LintRule.values().length + 1);
    return registry;
  }

  private static String classpath() throws URISyntaxException {
    List<String> entries = new ArrayList<>();
    for (Class<?> type : List.of(LintRule.class, Migration.class, DSLContext.class,
        org.reactivestreams.Publisher.class)) {
      entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String revisionId(LintRule rule) {
    return "doc_rule_" + rule.ordinal();
  }

  private static String className(LintRule rule) {
    return "Example_" + rule.name();
  }

  private static String mark(Dialects dialect, LintRule rule) {
    return dialect.rules().contains(rule) ? "yes" : "";
  }
}

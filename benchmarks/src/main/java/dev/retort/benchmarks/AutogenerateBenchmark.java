package dev.retort.benchmarks;

import dev.retort.autogenerate.Autogenerate;
import dev.retort.autogenerate.SchemaDiff;
import dev.retort.runtime.OfflineSchema;
import dev.retort.runtime.RevisionRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * What {@code create --autogenerate} costs at N revisions, beyond starting the JVM: computing the
 * schema the compiled workload builds without a database (recording and interpreting every
 * revision), reading the schema file (the workload's schema plus one new column), comparing, and
 * writing the revision's Java. The first run in a fresh JVM is what a user waits for; the median
 * of the runs after it shows the work itself.
 *
 * <p>Run with {@code ./mvnw -q -pl benchmarks exec:exec
 * -Dbenchmark.main=dev.retort.benchmarks.AutogenerateBenchmark -Dbenchmark.revisions=1000
 * -Dbenchmark.runs=5}.
 */
public final class AutogenerateBenchmark {

  /** One run's figures, in milliseconds. */
  public record Result(int revisions, long firstMillis, long offlineMillis, long schemaFileMillis,
      long compareMillis, long medianMillis, List<String> detected) {

    String asMarkdown() {
      return String.format(Locale.ROOT, """
          | figure | value |
          |---|---|
          | revisions | %,d |
          | first run in a fresh JVM (all of the below) | %,d ms |
          | of which: the schema the migrations build (OfflineSchema) | %,d ms |
          | of which: reading the schema file | %,d ms |
          | of which: comparing and writing the Java | %,d ms |
          | median of the later runs in the same JVM | %,d ms |
          | detected | %s |
          """, revisions, firstMillis, offlineMillis, schemaFileMillis, compareMillis,
          medianMillis, String.join("; ", detected));
    }
  }

  private AutogenerateBenchmark() {}

  public static void main(String[] args) throws Exception {
    int revisions = Integer.parseInt(args.length > 0 ? args[0].split(",")[0] : "1000");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path work = Files.createTempDirectory("retort-autogenerate-benchmark");
    System.out.print(run(revisions, runs, work).asMarkdown());
  }

  /** Compiles the workload, then times autogenerate on it {@code runs} times. */
  public static Result run(int revisions, int runs, Path work) throws IOException {
    Workload workload = new Workload(revisions);
    Path classes = work.resolve("classes");
    Javac.compile(workload.writeRetortSources(work.resolve("src")), classes, true);
    Path schemaFile = writeSchemaFile(revisions, work.resolve("schema.sql"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        AutogenerateBenchmark.class.getClassLoader())) {
      RevisionRegistry registry = ServiceLoader.load(RevisionRegistry.class, loader).findFirst()
          .orElseThrow(() -> new IllegalStateException("No registry was generated"));
      Result first = once(revisions, registry, schemaFile);
      List<Long> later = new ArrayList<>();
      for (int i = 1; i < runs; i++) {
        Result result = once(revisions, registry, schemaFile);
        later.add(result.firstMillis());
      }
      Collections.sort(later);
      long median = later.isEmpty() ? first.firstMillis() : later.get(later.size() / 2);
      return new Result(revisions, first.firstMillis(), first.offlineMillis(),
          first.schemaFileMillis(), first.compareMillis(), median, first.detected());
    }
  }

  private static Result once(int revisions, RevisionRegistry registry, Path schemaFile) {
    long start = System.nanoTime();
    OfflineSchema.Schema built = OfflineSchema.of(registry, SQLDialect.H2).schemaAt("heads");
    long offline = System.nanoTime();
    Autogenerate autogenerate = Autogenerate.of(SQLDialect.H2);
    var wanted = autogenerate.schemaFile(schemaFile);
    long read = System.nanoTime();
    SchemaDiff diff = autogenerate.compare(built.meta(), wanted);
    diff.bodies();
    long end = System.nanoTime();
    if (diff.detected().size() != 1) {
      throw new IllegalStateException("Expected one change, detected " + diff.detected());
    }
    return new Result(revisions, millis(end - start), millis(offline - start),
        millis(read - offline), millis(end - read), 0, diff.detected());
  }

  /** The schema the workload builds, as DDL, with one column more: what a developer edits. */
  static Path writeSchemaFile(int revisions, Path file) throws IOException {
    DSLContext db = DSL.using(SQLDialect.H2, new Settings()
        .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));
    StringBuilder ddl = new StringBuilder();
    for (int i = 1; i <= revisions; i++) {
      for (Query query : Workload.queries(db, i)) {
        ddl.append(db.render(query)).append(";\n");
      }
    }
    ddl.append("alter table t1 add phone varchar(30);\n");
    Files.writeString(file, ddl);
    return file;
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }
}

package com.example.shop;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.processor.RevisionProcessor;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review issue's "done when", on a copy of the sample: a revision that indexes {@code orders}
 * without {@code CONCURRENTLY} makes {@code scripts/db_migrate lint --dialect POSTGRES} exit 1
 * naming {@code create-index-blocking}; the fix passes; and {@code review --format markdown}
 * prints the SQL, the schema change and the findings. The copy is compiled here, with javac and
 * Retort's processor as its build would, so the script finds it built and runs no Maven.
 */
class LintAndReviewScriptTest {

  private static final String REVISION = "M0007_IndexOrdersByPlacedAt";

  @TempDir Path folder;

  /** What the script printed (stdout and stderr together) and its exit status. */
  record Run(int status, String output) {}

  @Test
  void anIndexWithoutConcurrently_failsLint_theFixPasses_andReviewShowsTheReport()
      throws Exception {
    Path sample = copyOfTheSample();
    addRevision(sample, """
          @Override
          public void upgrade(DSLContext db) {
            db.createIndex("ix_orders_placed_at").on("orders", "placed_at").execute();
          }
        """, "");

    Run lint = dbMigrate(sample, "lint", "--dialect", "POSTGRES");
    assertThat(lint.status()).isEqualTo(1);
    assertThat(lint.output()).startsWith("create-index-blocking: 5b0e33c1d9f2 (" + REVISION
        + "), statement 1: CREATE INDEX ix_orders_placed_at on orders, an existing table,"
        + " without");
    assertThat(lint.output()).contains("Linted 8 revisions for POSTGRES: 1 finding");

    Run review = dbMigrate(sample, "review", "--dialect", "POSTGRES", "--format", "markdown");
    assertThat(review.status()).isEqualTo(0);
    assertThat(review.output()).startsWith("## Review of 8 revisions for POSTGRES\n");
    assertThat(review.output()).contains("### `5b0e33c1d9f2` Index orders by placed_at\n");
    assertThat(review.output()).contains(
        "```sql\ncreate index ix_orders_placed_at on orders(placed_at);\n```");
    assertThat(review.output()).contains(
        "**Schema change**\n\n```diff\n+ index orders (placed_at) ix_orders_placed_at\n```");
    assertThat(review.output()).contains("**Findings**\n\n- `create-index-blocking`"
        + " (statement 1): CREATE INDEX ix_orders_placed_at on orders");

    addRevision(sample, """
          @Override
          public void upgrade(DSLContext db) {
            if (db.dialect().family() == SQLDialect.POSTGRES) {
              db.execute("CREATE INDEX CONCURRENTLY ix_orders_placed_at ON orders (placed_at)");
            } else {
              db.createIndex("ix_orders_placed_at").on("orders", "placed_at").execute();
            }
          }
        """, ", transactional = false");

    Run fixed = dbMigrate(sample, "lint", "--dialect", "POSTGRES");
    assertThat(fixed.output()).isEqualTo("Linted 8 revisions for POSTGRES: 0 findings,"
        + " 0 excused, 0 notes.\n");
    assertThat(fixed.status()).isEqualTo(0);
    Run reviewed = dbMigrate(sample, "review", "--dialect", "POSTGRES", "--format", "markdown");
    assertThat(reviewed.output()).contains("CREATE INDEX CONCURRENTLY ix_orders_placed_at ON"
        + " orders (placed_at);");
    assertThat(reviewed.output()).contains("+ index orders (placed_at) ix_orders_placed_at");
  }

  /**
   * The sample's script, configuration and sources in {@code folder/sample}, with this build's
   * classpath.txt. The {@code mvnw} next to it fails: if the script tried to build, the test
   * would say so rather than run Maven.
   */
  private Path copyOfTheSample() throws IOException {
    Path sample = folder.resolve("sample");
    copy(Path.of("scripts"), sample.resolve("scripts"));
    copy(Path.of("src/main"), sample.resolve("src/main"));
    for (String file : List.of("pom.xml", "retort.properties", "migration.java.template")) {
      Files.copy(Path.of(file), sample.resolve(file));
    }
    Files.createDirectories(sample.resolve("target"));
    Files.copy(Path.of("target/classpath.txt"), sample.resolve("target/classpath.txt"));
    Path mvnw = folder.resolve("mvnw");
    Files.writeString(mvnw, "#!/bin/sh\necho 'the test compiled the sample; nothing to build'"
        + " >&2\nexit 1\n");
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
    return sample;
  }

  /** Writes M0007 with this body and compiles the copy, as its build would. */
  private void addRevision(Path sample, String body, String attributes) throws Exception {
    Path source = sample.resolve("src/main/java/com/example/shop/db/versions/" + REVISION
        + ".java");
    Files.writeString(source, """
        package com.example.shop.db.versions;

        import dev.retort.annotations.Revision;
        import dev.retort.runtime.Migration;
        import org.jooq.DSLContext;
        import org.jooq.SQLDialect;

        @Revision(id = "5b0e33c1d9f2", revises = "e7f4b2c9a016",
            message = "Index orders by placed_at"%s)
        public final class %s implements Migration {
        %s
          @Override
          public void downgrade(DSLContext db) {
            db.dropIndex("ix_orders_placed_at").on("orders").execute();
          }
        }
        """.formatted(attributes, REVISION, body));
    compile(sample);
  }

  private static void compile(Path sample) throws IOException, URISyntaxException {
    Path classes = sample.resolve("target/classes");
    if (Files.exists(classes)) {
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(classes);
    List<String> classpath = new ArrayList<>(List.of(
        Files.readString(sample.resolve("target/classpath.txt")).strip().split(File.pathSeparator)));
    // The processor and what it needs, found by javac through its service file.
    classpath.add(location(RevisionProcessor.class));
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
        String.join(File.pathSeparator, classpath), "-Xlint:-options"));
    try (Stream<Path> sources = Files.walk(sample.resolve("src/main/java"))) {
      sources.filter(path -> path.toString().endsWith(".java"))
          .forEach(path -> arguments.add(path.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).isEqualTo(0);
    // Built after every source: the script runs without building.
    Instant built = Instant.now();
    try (Stream<Path> files = Files.walk(sample.resolve("src/main"))) {
      for (Path file : files.toList()) {
        Files.setLastModifiedTime(file, FileTime.from(built.minusSeconds(60)));
      }
    }
    Files.setLastModifiedTime(sample.resolve("pom.xml"), FileTime.from(built.minusSeconds(60)));
    Files.setLastModifiedTime(sample.resolve("target/classpath.txt"), FileTime.from(built));
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private Run dbMigrate(Path sample, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash",
        sample.resolve("scripts/db_migrate").toString()));
    command.addAll(List.of(args));
    ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true)
        .directory(folder.toFile());
    process.environment().put("RETORT_URL", "jdbc:h2:file:" + folder.resolve("shop"));
    process.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process running = process.start();
    String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(running.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(running.exitValue(), output);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}

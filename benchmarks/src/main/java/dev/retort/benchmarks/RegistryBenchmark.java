package dev.retort.benchmarks;

import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.RevisionRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What a history of N revisions costs: compiling it with and without Retort's processor, loading
 * the generated registry at start-up (and how many migration classes that loads: it should be
 * none), and the heap the loaded registry retains.
 *
 * <p>Run with {@code ./mvnw -pl benchmarks exec:exec -Dbenchmark.revisions=10000}; the figures
 * are written down in BENCHMARKS.md.
 */
public final class RegistryBenchmark {

  private static final int REGISTRY_LOADS = 7;

  /** One run's figures. */
  public record Result(
      int revisions,
      long compileWithoutProcessorMillis,
      long compileWithProcessorMillis,
      long registryLoadMedianMicros,
      int migrationClassesLoadedAtStartUp,
      long registryRetainedBytes) {

    String asMarkdown() {
      return String.format(Locale.ROOT, """
          | figure | value |
          |---|---|
          | revisions | %,d |
          | javac, processor off (-proc:none) | %,d ms |
          | javac, processor on | %,d ms |
          | processor's share | %,d ms |
          | registry load at start-up (class init + table), median of %d fresh class loaders | %,d µs |
          | migration classes loaded by that start-up | %d |
          | heap retained by the loaded registry | %,d KB |
          """, revisions, compileWithoutProcessorMillis, compileWithProcessorMillis,
          compileWithProcessorMillis - compileWithoutProcessorMillis, REGISTRY_LOADS,
          registryLoadMedianMicros, migrationClassesLoadedAtStartUp, registryRetainedBytes / 1024);
    }
  }

  private RegistryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int revisions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    System.out.println("Java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    System.out.println(run(revisions, Files.createTempDirectory("retort-benchmark")).asMarkdown());
  }

  public static Result run(int revisions, Path workDirectory) throws Exception {
    Path sources = workDirectory.resolve("src");
    List<Path> files = writeChain(revisions, sources);
    // The first compilation warms javac up, so the comparison is not against a cold compiler.
    long without = compile(files, workDirectory.resolve("plain"), false);
    long with = compile(files, workDirectory.resolve("classes"), true);
    without = Math.min(without, compile(files, workDirectory.resolve("plain2"), false));

    long[] loads = new long[REGISTRY_LOADS];
    int loadedMigrations = 0;
    for (int i = 0; i < REGISTRY_LOADS; i++) {
      try (RecordingLoader loader = new RecordingLoader(workDirectory.resolve("classes"))) {
        long start = System.nanoTime();
        RevisionRegistry registry = loadRegistry(loader);
        registry.heads();
        loads[i] = (System.nanoTime() - start) / 1_000;
        loadedMigrations = loader.migrationClassesLoaded();
      }
    }
    Arrays.sort(loads);
    return new Result(revisions, without, with, loads[REGISTRY_LOADS / 2], loadedMigrations,
        retainedBytes(workDirectory.resolve("classes")));
  }

  /** Revisions r0 <- r1 <- ..., one file each, as `retort create` would write them. */
  static List<Path> writeChain(int revisions, Path root) throws IOException {
    Path folder = root.resolve("com/example/db");
    Files.createDirectories(folder);
    List<Path> files = new ArrayList<>(revisions);
    for (int i = 0; i < revisions; i++) {
      String revises = i == 0 ? "" : ", revises = \"r" + (i - 1) + "\"";
      Path file = folder.resolve("Step" + i + ".java");
      Files.writeString(file, """
          package com.example.db;

          import dev.retort.annotations.Revision;
          import dev.retort.runtime.Migration;
          import org.jooq.DSLContext;

          @Revision(id = "r%d"%s, message = "Step %d")
          public final class Step%d implements Migration {
            public void upgrade(DSLContext db) {
              db.execute("create table t%d (id int)");
            }

            public void downgrade(DSLContext db) {
              db.execute("drop table t%d");
            }
          }
          """.formatted(i, revises, i, i, i, i));
      files.add(file);
    }
    return files;
  }

  private static long compile(List<Path> files, Path output, boolean withProcessor)
      throws IOException {
    Files.createDirectories(output);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
      List<String> options = new ArrayList<>(List.of(
          "-d", output.toString(),
          "-classpath", System.getProperty("java.class.path"),
          "--release", "17"));
      if (!withProcessor) {
        options.add("-proc:none");
      }
      JavaCompiler.CompilationTask task =
          javac.getTask(null, fileManager, null, options, null, units);
      if (withProcessor) {
        task.setProcessors(List.of(new RevisionProcessor()));
      }
      long start = System.nanoTime();
      if (!task.call()) {
        throw new IllegalStateException("The generated chain did not compile");
      }
      return (System.nanoTime() - start) / 1_000_000;
    }
  }

  private static RevisionRegistry loadRegistry(ClassLoader loader) throws Exception {
    return (RevisionRegistry) loader.loadClass("com.example.db.Revisions")
        .getField("REGISTRY").get(null);
  }

  /** Used heap with the registry loaded and reachable, minus used heap without it. */
  private static long retainedBytes(Path classes) throws Exception {
    long before = usedHeapAfterGc();
    try (RecordingLoader loader = new RecordingLoader(classes)) {
      RevisionRegistry registry = loadRegistry(loader);
      long after = usedHeapAfterGc();
      if (registry.revisions().isEmpty()) {
        throw new IllegalStateException("The registry lost its revisions");
      }
      return after - before;
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Loads the compiled chain itself (not through its parent) and counts the migrations loaded. */
  static final class RecordingLoader extends URLClassLoader {

    private int migrationClasses;

    RecordingLoader(Path classes) throws IOException {
      super(new URL[] {classes.toUri().toURL()}, RegistryBenchmark.class.getClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (name.startsWith("com.example.db.Step")) {
        migrationClasses++;
      }
      return super.findClass(name);
    }

    int migrationClassesLoaded() {
      return migrationClasses;
    }
  }
}

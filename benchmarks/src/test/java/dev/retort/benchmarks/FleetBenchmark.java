package dev.retort.benchmarks;

import dev.retort.runtime.Fleet;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionRegistry;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Many tenant schemas, each from empty to the sample shop's head, on the local PostgreSQL: a
 * sequential loop over {@link Retort#upgrade()} against {@link Fleet} at its default
 * parallelism and at 1, 2, 4, 8 and 16, each on a fresh database in the same run, with the
 * fleet's peak heap and the peak number of the database's connections. Every schema is checked
 * at head afterwards, so a run that applied nothing cannot look fast.
 *
 * <p>Run from the reactor's classes, without installing anything, as BENCHMARKS.md shows
 * ({@code ./mvnw -q -pl benchmarks -am test-compile dependency:build-classpath ...}, then
 * {@code java ... dev.retort.benchmarks.FleetBenchmark 1000 1 sequential,fleet-default}): the
 * first argument is the number of schemas, the third the variants. Needs
 * {@code RETORT_TEST_POSTGRES_URL}.
 */
public final class FleetBenchmark {

  /** The sample's migrations' package, where the processor writes their registry. */
  private static final String SAMPLE_PACKAGE = "com.example.shop.db.versions";

  /** The ways the schemas are upgraded, in the order they run. */
  static final List<String> DEFAULT_VARIANTS = List.of("sequential", "fleet-default",
      "fleet-1", "fleet-2", "fleet-4", "fleet-8", "fleet-16");

  /**
   * One variant's figures.
   *
   * @param millis the whole upgrade of every schema
   * @param peakHeapKilobytes the heap pools' peak usage during it (this JVM)
   * @param peakConnections the most connections to the database seen at once
   * @param schemasAtHead the schemas at the sample's head afterwards
   */
  record Figure(String variant, int parallelism, long millis, long peakHeapKilobytes,
      int peakConnections, int schemasAtHead) {}

  /** Everything one run measured, on a history of this many revisions. */
  record Report(int schemas, int revisions, List<Figure> figures) {

    Figure figure(String variant) {
      return figures.stream().filter(f -> f.variant().equals(variant)).findFirst().orElseThrow();
    }

    String asMarkdown() {
      long sequential = figure("sequential").millis();
      StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
          "%,d schemas, each from empty to the sample's head (%d revisions)%n%n", schemas,
          revisions));
      text.append("| variant | parallelism | time | per schema | speed-up | peak heap |"
          + " peak connections |\n|---|---|---|---|---|---|---|\n");
      for (Figure figure : figures) {
        text.append(String.format(Locale.ROOT, "| %s | %d | %,.1f s | %.1f ms | %.2f× | %,d MB"
                + " | %d |%n", figure.variant(), figure.parallelism(), figure.millis() / 1000.0,
            (double) figure.millis() / schemas, (double) sequential / figure.millis(),
            figure.peakHeapKilobytes() / 1024, figure.peakConnections()));
      }
      return text.toString();
    }
  }

  private FleetBenchmark() {}

  public static void main(String[] args) throws Exception {
    int schemas = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    List<String> variants = args.length > 2 ? List.of(args[2].split(",")) : DEFAULT_VARIANTS;
    String server = System.getenv("RETORT_TEST_POSTGRES_URL");
    if (server == null) {
      throw new IllegalStateException("Set RETORT_TEST_POSTGRES_URL (source .ci/start-databases)");
    }
    Path work = Files.createTempDirectory("retort-fleet-benchmark");
    System.out.println(run(server, schemas, variants, work).asMarkdown());
  }

  /**
   * Runs each variant on a fresh database of the server with this many schemas, the sample's
   * migrations compiled into {@code work}.
   */
  static Report run(String server, int schemas, List<String> variants, Path work)
      throws Exception {
    RevisionRegistry registry = sampleRegistry(work);
    List<String> names = IntStream.rangeClosed(1, schemas)
        .mapToObj(i -> String.format(Locale.ROOT, "tenant_%04d", i)).toList();
    List<Figure> figures = new ArrayList<>();
    for (String variant : variants) {
      String database = "bench_fleet_" + System.nanoTime();
      execute(server, "create database " + database);
      String url = server.replace("/postgres?", "/" + database + "?");
      try {
        try (Connection connection = DriverManager.getConnection(url);
            Statement statement = connection.createStatement()) {
          for (String name : names) {
            statement.execute("create schema " + name);
          }
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        System.gc();
        ProcessMemory.resetHeapPeaks();
        int parallelism = variant.equals("sequential") ? 1
            : variant.equals("fleet-default") ? Fleet.defaultParallelism()
            : Integer.parseInt(variant.substring("fleet-".length()));
        AtomicInteger peakConnections = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = connectionSampler(url, database, peakConnections, running);
        long start = System.nanoTime();
        if (variant.equals("sequential")) {
          for (String name : names) {
            Retort.using(dataSource, registry).withSettings(RetortSettings.defaults()
                .withSchema(name).withMigrationSchema(name)).upgrade();
          }
        } else {
          Fleet.Result result = Fleet.ofSchemas(dataSource, registry, names)
              .withParallelism(parallelism).upgrade();
          if (!result.succeeded()) {
            throw new IllegalStateException(variant + ": " + result.failed().get(0).name()
                + " failed: " + result.failed().get(0).error());
          }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        running.set(false);
        sampler.join();
        long heap = ProcessMemory.peakHeapKilobytes();
        figures.add(new Figure(variant, parallelism, millis, heap, peakConnections.get(),
            atHead(dataSource, names, registry)));
        System.err.printf(Locale.ROOT, "%s: %,d ms%n", variant, millis);
      } finally {
        execute(server, "drop database if exists " + database + " with (force)");
      }
    }
    return new Report(schemas, registry.revisions().size(), figures);
  }

  /**
   * The sample's migrations, compiled from its sources with Retort's processor into
   * {@code work}, and the registry the processor generated for them. The benchmark compiles them
   * itself rather than depend on the sample's module, whose registry would then be on the
   * classpath of every other harness here, which compile histories of their own.
   */
  static RevisionRegistry sampleRegistry(Path work) throws Exception {
    Path sources = sampleMigrationSources();
    List<Path> files;
    try (Stream<Path> listed = Files.list(sources)) {
      files = listed.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    }
    Path classes = work.resolve("sample-classes");
    Javac.compile(files, classes, true);
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        FleetBenchmark.class.getClassLoader());
    return (RevisionRegistry) loader.loadClass(SAMPLE_PACKAGE + ".Revisions")
        .getField("REGISTRY").get(null);
  }

  /** The sample's migration folder, from the repository's root or from this module's folder. */
  private static Path sampleMigrationSources() {
    Path relative = Path.of("sample", "src", "main", "java")
        .resolve(SAMPLE_PACKAGE.replace('.', '/'));
    for (Path root : List.of(Path.of(""), Path.of(".."))) {
      Path folder = root.resolve(relative);
      if (Files.isDirectory(folder)) {
        return folder;
      }
    }
    throw new IllegalStateException("The sample's migrations are not in " + relative
        + " nor in ../" + relative + ": run the benchmark from the repository's root");
  }

  /** Counts the schemas whose version table holds the registry's head. */
  private static int atHead(DataSource dataSource, List<String> names,
      RevisionRegistry registry) throws Exception {
    String head = registry.heads().get(0).id();
    int atHead = 0;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String name : names) {
        try (ResultSet row = statement.executeQuery(
            "select version_num from " + name + ".retort_version")) {
          if (row.next() && row.getString(1).equals(head) && !row.next()) {
            atHead++;
          }
        }
      }
    }
    return atHead;
  }

  /** Polls pg_stat_activity for the database's connections while the variant runs. */
  private static Thread connectionSampler(String url, String database, AtomicInteger peak,
      AtomicBoolean running) {
    Thread sampler = new Thread(() -> {
      try (Connection connection = DriverManager.getConnection(url);
          java.sql.PreparedStatement count = connection.prepareStatement(
              "select count(*) - 1 from pg_stat_activity where datname = ?")) {
        count.setString(1, database);
        while (running.get()) {
          try (ResultSet row = count.executeQuery()) {
            row.next();
            peak.accumulateAndGet(row.getInt(1), Math::max);
          }
          Thread.sleep(20);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "connection-sampler");
    sampler.setDaemon(true);
    sampler.start();
    return sampler;
  }

  private static void execute(String server, String sql) throws Exception {
    try (Connection admin = DriverManager.getConnection(server);
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }
}

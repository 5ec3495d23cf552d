package dev.retort.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.SQLDialect;

/**
 * Retort against Flyway and against plain JDBC, each in a new JVM, on the same {@link Workload}:
 * applying it to an empty database, and starting up against a database that is already at head
 * (NOOP). The floors are plain JDBC: for applying, the same statements with one transaction per
 * revision and a one-row state update; for NOOP, opening a connection and reading a one-row
 * version table. Runs are interleaved tool by tool, so a slow moment of the machine does not
 * land on one tool only; each figure is the median of the runs.
 *
 * <p>{@code ./mvnw -q install -DskipTests && ./mvnw -q -pl benchmarks exec:exec
 * -Dbenchmark.main=dev.retort.benchmarks.StartupAndApplyBenchmark -Dbenchmark.revisions=1000};
 * PostgreSQL is measured when {@code RETORT_TEST_POSTGRES_URL} is set ({@code source
 * .ci/start-databases}).
 */
public final class StartupAndApplyBenchmark {

  static final List<String> APPLY_TOOLS = List.of("jdbc-apply", "jooq-apply",
      "jooq-classes-apply", "jooq-state-apply", "retort", "retort-baseline", "flyway-java",
      "flyway-sql");
  static final List<String> NOOP_TOOLS = List.of("jdbc-floor", "jdbc-state-floor",
      "jdbc-registry-floor", "retort", "retort-baseline", "flyway-java", "flyway-sql");

  /**
   * {@code retort-baseline}: Retort as another build of it, to compare a change with the build
   * before it in one run, interleaved like every tool (a shared machine's slow minutes then fall
   * on both). Its value is that build's classpath (Retort's modules and their dependencies); the
   * migrations are this run's. Measured only when the property is set.
   */
  static final String BASELINE_CLASSPATH = "benchmark.baseline.classpath";

  /** The baseline build's classpath, or null when none is given (unset or blank). */
  private static String baselineClasspath() {
    String classpath = System.getProperty(BASELINE_CLASSPATH, "");
    return classpath.isBlank() ? null : classpath;
  }

  /** One child's figures. */
  record Run(long callMicros, long wallMillis, long rssKilobytes, long heapKilobytes,
      long cpuMicros) {}

  /** The medians of one tool's runs in one phase on one database. */
  record Figure(String phase, String database, String tool, long callMicros, long wallMillis,
      long rssKilobytes, long heapKilobytes, long cpuMicros, List<Long> callsMicros) {}

  /**
   * Everything one benchmark run measured.
   *
   * @param steal what {@link MachineSteal} said of each phase on each database, keyed
   *     {@code "apply h2"}
   */
  record Report(int revisions, int runs, List<Figure> figures, int migrationClassesLoadedByNoop,
      Map<String, String> profiles, Map<String, String> steal) {

    Figure figure(String phase, String database, String tool) {
      return measured(phase, database, tool).orElseThrow();
    }

    /** The figure of a tool that may not have run. */
    Optional<Figure> measured(String phase, String database, String tool) {
      return figures.stream().filter(f -> f.phase().equals(phase)
          && f.database().equals(database) && f.tool().equals(tool)).findFirst();
    }

    String asMarkdown() {
      StringBuilder text = new StringBuilder();
      for (String phase : List.of("apply", "noop")) {
        for (String database : figures.stream().filter(f -> f.phase().equals(phase))
            .map(Figure::database).distinct().toList()) {
          String floorTool = phase.equals("apply") ? "jdbc-apply" : "jdbc-floor";
          Figure floor = figure(phase, database, floorTool);
          long stateFloor = measured(phase, database,
              phase.equals("apply") ? "jooq-state-apply" : "jdbc-state-floor")
              .map(Figure::callMicros).orElse(0L);
          // The yardstick of issue 19's targets: jooq-apply for applying, the floor at start-up.
          Figure target = phase.equals("apply")
              ? measured(phase, database, "jooq-apply").orElse(floor)
              : floor;
          text.append(String.format(Locale.ROOT,
              "%n%s, %s, %,d revisions, median of %d runs; %s%n%n",
              phase.equals("apply") ? "Apply (empty database to head)"
                  : "Start-up with nothing to do (database at head)",
              database, revisions, runs, steal.getOrDefault(phase + " " + database,
                  MachineSteal.NOT_KNOWN)));
          text.append("| tool | call | × floor | × state floor | × " + target.tool()
              + ", run by run | process wall time | JVM CPU time | CPU × floor | peak RSS"
              + " | peak heap | every run's call (ms) |\n");
          text.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
          for (Figure figure : figures) {
            if (figure.phase().equals(phase) && figure.database().equals(database)) {
              text.append(String.format(Locale.ROOT,
                  "| %s | %,d ms | %s | %s | %s | %,d ms | %,d ms | %s | %,d MB | %,d MB | %s |%n",
                  figure.tool(), figure.callMicros() / 1000,
                  ratio(figure.callMicros(), floor.callMicros()),
                  ratio(figure.callMicros(), stateFloor),
                  ratio(pairedRatio(figure, target), 1), figure.wallMillis(),
                  figure.cpuMicros() / 1000, ratio(figure.cpuMicros(), floor.cpuMicros()),
                  figure.rssKilobytes() / 1024, figure.heapKilobytes() / 1024,
                  figure.callsMicros().stream().map(micros -> String.valueOf(micros / 1000))
                      .collect(Collectors.joining(", "))));
            }
          }
        }
      }
      text.append(String.format(Locale.ROOT,
          "%nMigration classes loaded by Retort's start-up with nothing to do: %d%n",
          migrationClassesLoadedByNoop));
      profiles.forEach((title, table) -> text.append("\n").append(title).append("\n\n")
          .append(table));
      return text.toString();
    }
  }

  /**
   * The median of the tool's run-by-run ratios to the floor: run i of every tool falls in the
   * same round of the interleaving, so a slow minute of the machine lands on both sides of a
   * ratio, where the ratio of two medians may take them from different minutes. The median is
   * taken as {@link #median} takes it (the upper middle of an even count); NaN without runs.
   */
  static double pairedRatio(Figure figure, Figure floor) {
    int rounds = Math.min(figure.callsMicros().size(), floor.callsMicros().size());
    double[] ratios = new double[rounds];
    for (int run = 0; run < rounds; run++) {
      ratios[run] = (double) figure.callsMicros().get(run) / floor.callsMicros().get(run);
    }
    Arrays.sort(ratios);
    return rounds == 0 ? Double.NaN : ratios[rounds / 2];
  }

  /** {@code value ÷ floor} to two places, or "—" where either is not a measured quantity. */
  static String ratio(double value, double floor) {
    return value > 0 && floor > 0 && Double.isFinite(value / floor)
        ? String.format(Locale.ROOT, "%.2f", value / floor)
        : "—";
  }

  private StartupAndApplyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int revisions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> databases = new ArrayList<>(List.of("h2"));
    if (System.getenv("RETORT_TEST_POSTGRES_URL") != null) {
      databases.add("postgres");
    }
    // -Dbenchmark.databases=postgres: fewer databases, for a shorter run.
    String only = System.getProperty("benchmark.databases", "");
    if (!only.isBlank()) {
      databases.retainAll(List.of(only.split(",")));
    }
    System.out.println("Java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores; children run with "
        + String.join(" ", JVM_OPTIONS));
    Report report = run(revisions, runs, databases,
        Files.createTempDirectory("retort-startup-benchmark"),
        Boolean.getBoolean("benchmark.profile"), tools(System.getProperty("benchmark.tools")));
    System.out.println(report.asMarkdown());
  }

  /**
   * The JVM options of every child, the same for every tool; {@code -Dbenchmark.child.options}
   * (space-separated) adds some, as the smoke test does.
   */
  static final List<String> JVM_OPTIONS = Stream.concat(
      Stream.of("-XX:+UseSerialGC", "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
      Stream.of(System.getProperty("benchmark.child.options", "").trim().split("\\s+"))
          .filter(option -> !option.isEmpty()))
      .toList();

  /**
   * The tools to measure: all by default, or those of {@code -Dbenchmark.tools} (a comma-separated
   * list), always with the floors that the ratios are taken against, and with Retort the floors
   * of writing its state while applying ({@code jooq-state-apply}) and of reading it at start-up,
   * alone ({@code jdbc-state-floor}) and checked against the generated registry ({@code
   * jdbc-registry-floor}).
   */
  static Set<String> tools(String selected) {
    Set<String> tools = new LinkedHashSet<>(List.of("jdbc-apply", "jdbc-floor"));
    if (selected == null || selected.isBlank()) {
      tools.addAll(APPLY_TOOLS);
      tools.addAll(NOOP_TOOLS);
      if (baselineClasspath() == null) {
        tools.remove("retort-baseline");
      }
    } else {
      for (String tool : selected.split(",")) {
        if (!APPLY_TOOLS.contains(tool.strip()) && !NOOP_TOOLS.contains(tool.strip())) {
          throw new IllegalArgumentException("No tool " + tool.strip() + " in -Dbenchmark.tools;"
              + " the tools are " + APPLY_TOOLS + " and " + NOOP_TOOLS);
        }
        tools.add(tool.strip());
      }
    }
    if (tools.contains("retort")) {
      // Retort is also compared with what reading and writing its state costs without it.
      tools.add("jooq-state-apply");
      tools.add("jdbc-state-floor");
      tools.add("jdbc-registry-floor");
    } else {
      for (String floor : List.of("jdbc-state-floor", "jdbc-registry-floor")) {
        if (tools.contains(floor)) {
          throw new IllegalArgumentException(floor + " reads the tables of the database that"
              + " Retort brought to head: add retort to -Dbenchmark.tools");
        }
      }
    }
    return tools;
  }

  /** Every tool. */
  public static Report run(int revisions, int runs, List<String> databases, Path work,
      boolean profile) throws Exception {
    return run(revisions, runs, databases, work, profile, tools(null));
  }

  /**
   * @param profile whether to add one profiled apply run of each of {@link #PROFILED_TOOLS} per
   *     database, whose breakdown the report shows
   * @param tools the tools to measure (see {@link #tools})
   */
  public static Report run(int revisions, int runs, List<String> databases, Path work,
      boolean profile, Set<String> tools) throws Exception {
    Workload workload = new Workload(revisions);
    Path retortClasses = work.resolve("retort-classes");
    Javac.compile(workload.writeRetortSources(work.resolve("retort-src")), retortClasses, true);
    Map<String, Path> flywayClasses = new LinkedHashMap<>();
    Map<String, Path> sqlFolders = new LinkedHashMap<>();
    for (String database : databases) {
      SQLDialect dialect = dialect(database);
      Path sql = work.resolve("sql-" + database);
      workload.writeFlywaySql(sql, dialect);
      sqlFolders.put(database, sql);
      Path classes = work.resolve("flyway-classes-" + database);
      Javac.compile(workload.writeFlywayJavaSources(work.resolve("flyway-src-" + database),
          dialect), classes, false);
      flywayClasses.put(database, classes);
    }

    List<Figure> figures = new ArrayList<>();
    Map<String, String> profiles = new LinkedHashMap<>();
    Map<String, String> steal = new LinkedHashMap<>();
    int migrationClasses = -1;
    for (String database : databases) {
      Map<String, List<Run>> apply = new LinkedHashMap<>();
      Map<String, String> atHead = new LinkedHashMap<>();
      Optional<MachineSteal.Counters> applyStarted = MachineSteal.now();
      for (int run = 0; run < runs; run++) {
        for (String tool : APPLY_TOOLS) {
          if (!tools.contains(tool)) {
            continue;
          }
          String url = freshDatabase(database, tool + run, work);
          apply.computeIfAbsent(tool, t -> new ArrayList<>()).add(launch(tool, url, workload,
              retortClasses, flywayClasses.get(database), sqlFolders.get(database), null));
          verifyApplied(tool, url, revisions);
          String previous = atHead.put(tool, url);
          if (previous != null) {
            dropDatabase(database, previous);
          }
        }
      }
      steal.put("apply " + database, MachineSteal.describe(applyStarted, MachineSteal.now()));
      atHead.put("jdbc-floor", atHead.get("jdbc-apply"));
      for (String floor : List.of("jdbc-state-floor", "jdbc-registry-floor")) {
        if (tools.contains(floor)) {
          // The state floors read Retort's tables: the database Retort brought to head.
          atHead.put(floor, atHead.get("retort"));
        }
      }
      Map<String, List<Run>> noop = new LinkedHashMap<>();
      Optional<MachineSteal.Counters> noopStarted = MachineSteal.now();
      for (int run = 0; run < runs; run++) {
        for (String tool : NOOP_TOOLS) {
          if (!tools.contains(tool)) {
            continue;
          }
          noop.computeIfAbsent(tool, t -> new ArrayList<>()).add(launch(tool, atHead.get(tool),
              workload, retortClasses, flywayClasses.get(database), sqlFolders.get(database),
              null));
        }
      }
      steal.put("noop " + database, MachineSteal.describe(noopStarted, MachineSteal.now()));
      if (profile) {
        for (String tool : PROFILED_TOOLS) {
          if (!tools.contains(tool)) {
            continue;
          }
          String url = freshDatabase(database, tool + "-profiled", work);
          Path recording = work.resolve("profile-" + database + "-" + tool + ".jfr");
          launch(tool, url, workload, retortClasses, flywayClasses.get(database),
              sqlFolders.get(database), null, ProfileSummary.recordingOption(recording));
          profiles.put("Profile of " + tool + " applying " + revisions + " revisions on "
              + database + " (main thread's stack samples, 1 ms apart):",
              new ProfileSummary("main", APPLY_CATEGORIES).add(recording).asMarkdown());
          dropDatabase(database, url);
        }
        for (String tool : PROFILED_NOOP_TOOLS) {
          if (!tools.contains(tool)) {
            continue;
          }
          Path recording = work.resolve("profile-noop-" + database + "-" + tool + ".jfr");
          launch(tool, atHead.get(tool), workload, retortClasses, flywayClasses.get(database),
              sqlFolders.get(database), null, ProfileSummary.recordingOption(recording));
          profiles.put("Profile of " + tool + " starting up with nothing to do on " + database
              + " at " + revisions + " revisions (main thread's stack samples, 1 ms apart):",
              new ProfileSummary("main", NOOP_CATEGORIES).add(recording).asMarkdown());
        }
      }
      if (tools.contains("retort")) {
        Path classLog = work.resolve("class-load-" + database + ".log");
        launch("retort", atHead.get("retort"), workload, retortClasses, null, null, classLog);
        migrationClasses = Math.max(migrationClasses, countMigrationClasses(classLog));
      }
      apply.forEach((tool, measured) -> figures.add(median("apply", database, tool, measured)));
      noop.forEach((tool, measured) -> figures.add(median("noop", database, tool, measured)));
      for (String url : new LinkedHashMap<>(atHead).values()) {
        dropDatabase(database, url);
      }
    }
    return new Report(revisions, runs, figures, migrationClasses, profiles, steal);
  }

  /** The tools whose apply is profiled with {@code -Dbenchmark.profile=true}. */
  static final List<String> PROFILED_TOOLS = List.of("jdbc-apply", "jooq-apply",
      "jooq-classes-apply", "jooq-state-apply", "retort", "retort-baseline");

  /** The tools whose start-up with nothing to do is profiled with {@code -Dbenchmark.profile}. */
  static final List<String> PROFILED_NOOP_TOOLS = List.of("jdbc-floor", "jdbc-state-floor",
      "jdbc-registry-floor", "retort", "retort-baseline");

  /**
   * Where a start-up with nothing to do spends its time, first match wins: opening the
   * connection (the driver's handshake and authentication, and loading the driver), initialising
   * the generated registry, the logger (starting it, and its calls), loading classes elsewhere,
   * Retort's reads of its tables, the rest of Retort (settings, graph, checks), and what the
   * driver does elsewhere (the floor's one query).
   */
  static final List<ProfileSummary.Category> NOOP_CATEGORIES = List.of(
      ProfileSummary.Category.anyFrame("opening the connection", "java.sql.DriverManager.",
          "org.postgresql.Driver.", "org.postgresql.ds.", "org.h2.Driver.",
          "org.h2.jdbcx.JdbcDataSource.", "org.h2.jdbc.JdbcConnection.<init>"),
      ProfileSummary.Category.anyFrame("the generated registry (class initialisation)",
          Workload.RETORT_PACKAGE + "."),
      ProfileSummary.Category.anyFrame("the logger (SLF4J): starting it, and its calls",
          "org.slf4j."),
      ProfileSummary.Category.anyFrame("loading and linking classes", "java.lang.ClassLoader.",
          "jdk.internal.loader.", "java.lang.invoke.", "java.lang.Class.forName"),
      ProfileSummary.Category.anyFrame("Retort: reading its tables (JDBC)",
          "dev.retort.runtime.internal.state.StateReader."),
      ProfileSummary.Category.anyFrame("Retort: settings, graph, checks",
          "dev.retort.runtime."),
      ProfileSummary.Category.anyFrame("the driver, elsewhere (the floor's query)", "org.h2.",
          "org.postgresql."));

  /**
   * Where an apply's time goes, first match wins, in buckets every tool has: loading classes
   * (the migrations', jOOQ's), commits (one per revision for every tool: on PostgreSQL a wait
   * for the server's WAL flush), the revisions' statements (built and rendered by jOOQ, run by
   * the driver, in Retort's migrations or the jOOQ floor's loop), then Retort's own work: its
   * history and version rows (and the state floor's, which writes the same), its lock, and its
   * planning and bookkeeping. What remains is the driver's, for the floors: their statements and
   * their one-row state update.
   */
  static final List<ProfileSummary.Category> APPLY_CATEGORIES = List.of(
      ProfileSummary.Category.anyFrame("loading and linking classes", "java.lang.ClassLoader.",
          "jdk.internal.loader.", "java.lang.invoke.", "java.lang.Class.forName"),
      ProfileSummary.Category.anyFrame("commits", "org.h2.jdbc.JdbcConnection.commit",
          "org.postgresql.jdbc.PgConnection.commit"),
      ProfileSummary.Category.anyFrame("the revisions' statements (jOOQ DSL and the driver)",
          Workload.RETORT_PACKAGE + ".", "dev.retort.benchmarks.Workload.queries",
          "org.jooq.impl.AbstractQuery.execute"),
      ProfileSummary.Category.anyFrame("Retort: history and version rows (JDBC)",
          "dev.retort.runtime.internal.state.StateWriter."),
      ProfileSummary.Category.anyFrame("the state floor's history and version rows (JDBC)",
          "dev.retort.benchmarks.ToolRun$StateRows."),
      ProfileSummary.Category.anyFrame("Retort: the lock",
          "dev.retort.runtime.internal.database.LeaseLock.",
          "dev.retort.runtime.internal.database.SessionLock.",
          "dev.retort.runtime.internal.database.MigrationLock."),
      ProfileSummary.Category.anyFrame("Retort: planning, logging, the state tables' DDL",
          "dev.retort.runtime."),
      ProfileSummary.Category.anyFrame("jOOQ, elsewhere", "org.jooq."),
      ProfileSummary.Category.anyFrame("the driver, elsewhere (the floors' statements and state"
          + " update)", "org.h2.", "org.postgresql."),
      ProfileSummary.Category.anyFrame("Flyway", "org.flywaydb."));

  /**
   * Checks that a tool really applied the workload, so that a tool that silently did nothing
   * (a wrong location, say) cannot look fast: every revision's table must exist.
   */
  private static void verifyApplied(String tool, String url, int revisions) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        java.sql.ResultSet tables = connection.getMetaData().getTables(null, null, "%",
            new String[] {"TABLE"})) {
      int found = 0;
      while (tables.next()) {
        if (tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT).matches("t[0-9]+")) {
          found++;
        }
      }
      if (found != revisions) {
        throw new IllegalStateException(tool + " left " + found + " of " + revisions
            + " tables in " + url);
      }
    }
  }

  private static SQLDialect dialect(String database) {
    return database.equals("h2") ? SQLDialect.H2 : SQLDialect.POSTGRES;
  }

  private static String freshDatabase(String database, String name, Path work) throws Exception {
    if (database.equals("h2")) {
      return "jdbc:h2:file:" + Files.createDirectories(work.resolve("h2-" + name)).resolve("db");
    }
    String server = System.getenv("RETORT_TEST_POSTGRES_URL");
    String databaseName = "bench_" + name.replace('-', '_') + "_" + System.nanoTime();
    try (Connection admin = DriverManager.getConnection(server);
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + databaseName);
    }
    return server.replace("/postgres?", "/" + databaseName + "?");
  }

  private static void dropDatabase(String database, String url) throws Exception {
    if (!database.equals("postgres")) {
      return;
    }
    String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    try (Connection admin = DriverManager.getConnection(System.getenv("RETORT_TEST_POSTGRES_URL"));
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + name);
    }
  }

  private static Run launch(String tool, String url, Workload workload, Path retortClasses,
      Path flywayClasses, Path sqlFolder, Path classLog, String... extraJvmOptions)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of(extraJvmOptions));
    if (classLog != null) {
      command.add("-Xlog:class+load=info:file=" + classLog);
    }
    String classpath = System.getProperty("java.class.path");
    if (tool.equals("retort") || tool.equals("jooq-classes-apply")
        || tool.equals("jooq-state-apply") || tool.equals("jdbc-registry-floor")) {
      classpath = retortClasses + File.pathSeparator + classpath;
    } else if (tool.equals("retort-baseline")) {
      String baseline = baselineClasspath();
      if (baseline == null) {
        throw new IllegalArgumentException("retort-baseline needs -D" + BASELINE_CLASSPATH);
      }
      classpath = retortClasses + File.pathSeparator + baseline;
    } else if (tool.equals("flyway-java")) {
      classpath = flywayClasses + File.pathSeparator + classpath;
    }
    command.addAll(List.of("-cp", classpath, ToolRun.class.getName(), tool, url,
        String.valueOf(workload.revisions())));
    switch (tool) {
      case "flyway-java" -> command.add("classpath:" + Workload.FLYWAY_PACKAGE.replace('.', '/'));
      case "flyway-sql" -> command.add("filesystem:" + sqlFolder);
      case "jdbc-apply" -> command.add(sqlFolder.toString());
      default -> { }
    }
    Path output = Files.createTempFile("retort-tool-run", ".txt");
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(tool + " failed on " + url + ":\n"
          + Files.readString(output));
    }
    long wall = (System.nanoTime() - start) / 1_000_000;
    long call = -1;
    long rss = -1;
    long heap = -1;
    long cpu = -1;
    for (String line : Files.readAllLines(output)) {
      if (line.startsWith("call_us=")) {
        call = Long.parseLong(line.substring("call_us=".length()));
      } else if (line.startsWith("rss_kb=")) {
        rss = Long.parseLong(line.substring("rss_kb=".length()));
      } else if (line.startsWith("heap_kb=")) {
        heap = Long.parseLong(line.substring("heap_kb=".length()));
      } else if (line.startsWith("cpu_us=")) {
        cpu = Long.parseLong(line.substring("cpu_us=".length()));
      }
    }
    Files.delete(output);
    return new Run(call, wall, rss, heap, cpu);
  }

  private static int countMigrationClasses(Path classLog) throws IOException {
    try (var lines = Files.lines(classLog)) {
      return (int) lines.filter(line -> line.contains(" " + Workload.RETORT_PACKAGE + ".V"))
          .count();
    }
  }

  private static Figure median(String phase, String database, String tool, List<Run> runs) {
    return new Figure(phase, database, tool,
        median(runs.stream().mapToLong(Run::callMicros).toArray()),
        median(runs.stream().mapToLong(Run::wallMillis).toArray()),
        median(runs.stream().mapToLong(Run::rssKilobytes).toArray()),
        median(runs.stream().mapToLong(Run::heapKilobytes).toArray()),
        median(runs.stream().mapToLong(Run::cpuMicros).toArray()),
        runs.stream().map(Run::callMicros).toList());
  }

  private static long median(long[] values) {
    Arrays.sort(values);
    return values[values.length / 2];
  }
}

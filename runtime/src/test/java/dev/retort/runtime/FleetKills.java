package dev.retort.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * SIGKILLs a fleet upgrade ({@link FleetProcess}) at random moments, then reruns it in this JVM
 * and checks every schema: at head, and every revision recorded once. The suite runs it small
 * ({@code FleetKillTest}); {@link #main} runs it at the size RELIABILITY.md reports:
 *
 * <pre>
 * java -cp runtime/target/test-classes:runtime/target/classes:DEPENDENCIES \
 *     dev.retort.runtime.FleetKills 200 5 8 6
 * </pre>
 *
 * with {@code RETORT_TEST_POSTGRES_URL} set: schemas, kills, parallelism, revisions.
 */
final class FleetKills {

  /**
   * What a run saw.
   *
   * @param finishedBeforeKill for each kill, how many members had reported when it came
   * @param appliedByRerun the steps the final rerun applied
   * @param checked the schemas checked at head with every revision recorded once
   */
  record Report(List<Integer> finishedBeforeKill, int appliedByRerun, int checked,
      long rerunMillis) {}

  private FleetKills() {}

  public static void main(String[] args) throws Exception {
    int schemas = Integer.parseInt(args[0]);
    int kills = Integer.parseInt(args[1]);
    int parallelism = Integer.parseInt(args[2]);
    int revisions = Integer.parseInt(args[3]);
    String url = TestDatabase.POSTGRES.createUrl();
    long start = System.nanoTime();
    Report report = run(url, schemas, kills, parallelism, revisions, new Random().nextLong());
    System.out.printf("%d schemas x %d revisions, parallelism %d: %d SIGKILLs after %s members"
        + " had reported; the rerun applied %d steps in %d ms; %d schemas checked: at head,"
        + " every revision recorded once; %d s in all%n", schemas, revisions, parallelism,
        kills, report.finishedBeforeKill(), report.appliedByRerun(), report.rerunMillis(),
        report.checked(), (System.nanoTime() - start) / 1_000_000_000L);
  }

  /**
   * Creates the schemas on the database at the URL, kills a fleet process {@code kills} times,
   * each after a random number of members reported, reruns, and checks.
   *
   * @throws AssertionError if a schema is not at head or a revision is recorded twice
   */
  static Report run(String url, int schemas, int kills, int parallelism, int revisions,
      long seed) throws Exception {
    Random random = new Random(seed);
    List<String> names = FleetProcess.schemas("tenant", schemas);
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      for (String name : names) {
        statement.execute("create schema " + name);
      }
    }
    List<Integer> finishedBeforeKill = new ArrayList<>();
    for (int kill = 0; kill < kills; kill++) {
      Path out = Files.createTempFile("retort-fleet", ".out");
      Process process = new ProcessBuilder(ChildJvms.command(List.of("-Xmx256m",
          "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), FleetProcess.class,
          url, "tenant", String.valueOf(schemas), String.valueOf(revisions),
          String.valueOf(parallelism)))
          .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      int killAfter = 1 + random.nextInt(schemas - 1);
      int reported = 0;
      while (process.isAlive() && reported < killAfter) {
        reported = done(out);
        Thread.sleep(5);
      }
      process.destroyForcibly();
      process.waitFor();
      finishedBeforeKill.add(done(out));
      Files.deleteIfExists(out);
    }
    DataSource dataSource = TestDatabase.open(url);
    long rerunStart = System.nanoTime();
    Fleet.Result rerun = Fleet.ofSchemas(dataSource, TestRegistry.chain(revisions).build(),
        names).withParallelism(parallelism).upgrade();
    long rerunMillis = (System.nanoTime() - rerunStart) / 1_000_000;
    if (!rerun.succeeded() || !rerun.notAtHead().isEmpty()) {
      throw new AssertionError("After the kills, the rerun left " + rerun.notAtHead().stream()
          .map(m -> m.name() + ": " + m.error()).toList());
    }
    int checked = 0;
    for (String name : names) {
      Map<String, Integer> counts = DSL.using(dataSource, SQLDialect.POSTGRES).fetch(
          "select revision, count(*) from " + name + ".retort_history where direction = 'up'"
              + " and success group by revision")
          .intoMap(r -> r.get(0, String.class), r -> r.get(1, Integer.class));
      Integer unfinished = DSL.using(dataSource, SQLDialect.POSTGRES).fetchOne(
          "select count(*) from " + name + ".retort_history where finished_at is null").get(0, Integer.class);
      String head = DSL.using(dataSource, SQLDialect.POSTGRES).fetchOne(
          "select string_agg(version_num, ',') from " + name + ".retort_version").get(0, String.class);
      if (counts.size() != revisions || counts.values().stream().anyMatch(c -> c != 1)
          || unfinished != 0 || !TestRegistry.chainId(revisions).equals(head)) {
        throw new AssertionError(name + ": recorded " + counts + ", " + unfinished
            + " unfinished, at " + head);
      }
      checked++;
    }
    return new Report(finishedBeforeKill, rerun.members().stream()
        .mapToInt(m -> m.applied().size()).sum(), checked, rerunMillis);
  }

  private static int done(Path out) throws IOException {
    return (int) Files.readAllLines(out, StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith("DONE ")).count();
  }
}

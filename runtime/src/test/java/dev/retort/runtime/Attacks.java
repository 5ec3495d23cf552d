package dev.retort.runtime;

import dev.retort.runtime.RunnerProcesses.Runner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Reruns issue 11's outside attack against the runtime, on demand (it is no test of the suite:
 * it takes minutes and its kills land at random moments): rounds of sixteen runner processes
 * started at once on one database each, for H2 (a file with AUTO_SERVER=TRUE, the sample's
 * default URL), SQLite and PostgreSQL, and runners killed with SIGKILL at random moments of a
 * thirty-revision upgrade on PostgreSQL, each followed by a runner that must finish the upgrade.
 * It prints one line per round and a summary, writes them to {@code
 * target/reliability/attacks.md}, and exits 1 if any round saw what the docs do not predict.
 * {@code runtime/scripts/attacks} builds and runs it; {@code RETORT_TEST_POSTGRES_URL} must name
 * a PostgreSQL server.
 *
 * <p>Then, in this JVM, upgrade/downgrade cycles of a five-revision chain on each of those
 * databases, and twelve hostile state table names, each of which must be refused with the
 * application's table untouched.
 *
 * <p>Arguments: rounds per database (5), processes per round (16), kills (40), random seed,
 * cycles per database (300), databases ({@code h2,sqlite,postgres}); a count of 0 skips that
 * attack.
 */
final class Attacks {

  private static final int REVISIONS = 30;
  /** Longer than any round: a runner loses its lease only if it stops renewing for this long. */
  private static final Duration LEASE = Duration.ofMinutes(10);
  /** Short, so the runner after a kill on a lease database need not wait long. */
  private static final Duration KILL_LEASE = Duration.ofSeconds(2);

  private final List<String> lines = new ArrayList<>();
  private int unexpected;

  private Attacks() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int processes = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int kills = args.length > 2 ? Integer.parseInt(args[2]) : 40;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : System.nanoTime();
    int cycles = args.length > 4 ? Integer.parseInt(args[4]) : 300;
    List<TestDatabase> databases = java.util.Arrays.stream(
            (args.length > 5 ? args[5] : "h2,sqlite,postgres").split(","))
        .map(name -> TestDatabase.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)))
        .toList();
    Attacks attacks = new Attacks();
    attacks.say("# Attacks, seed " + seed + ", " + Runtime.getRuntime().availableProcessors()
        + " processors, Java " + System.getProperty("java.version"));
    for (TestDatabase database : databases) {
      for (int round = 1; round <= rounds; round++) {
        attacks.concurrentRound(database, round, processes);
      }
    }
    if (kills > 0 && databases.contains(TestDatabase.POSTGRES)) {
      attacks.kills(TestDatabase.POSTGRES, kills, new Random(seed));
    }
    for (TestDatabase database : databases) {
      if (cycles > 0) {
        attacks.cycles(database, cycles);
      }
      attacks.hostileNames(database);
    }
    attacks.say(attacks.unexpected == 0 ? "No unexpected outcome."
        : attacks.unexpected + " unexpected outcomes: see above.");
    Path file = Path.of("target", "reliability", "attacks.md");
    Files.createDirectories(file.getParent());
    Files.write(file, attacks.lines, StandardCharsets.UTF_8);
    System.exit(attacks.unexpected == 0 ? 0 : 1);
  }

  private void say(String line) {
    System.out.println(line);
    System.out.flush();
    lines.add(line);
  }

  /** Sixteen processes at once: each exits 0, one applies every revision once, none else. */
  private void concurrentRound(TestDatabase database, int round, int processes)
      throws Exception {
    String url = database.createUrl();
    List<Runner> runners = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      runners.add(RunnerProcesses.start(url, REVISIONS, 0, LEASE));
    }
    for (Runner runner : runners) {
      runner.await("READY", Duration.ofMinutes(5));
    }
    long started = System.nanoTime();
    runners.forEach(Runner::go);
    int failed = 0;
    int applied = 0;
    int appliers = 0;
    Set<String> failures = new TreeSet<>();
    for (Runner runner : runners) {
      int status = runner.exit(Duration.ofMinutes(15));
      if (status != 0) {
        failed++;
        failures.add(firstLine(runner.transcript(), "FAILED"));
        continue;
      }
      int steps = Integer.parseInt(runner.await("APPLIED ", Duration.ofSeconds(5))
          .substring("APPLIED ".length()));
      applied += steps;
      appliers += steps > 0 ? 1 : 0;
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    DataSource dataSource = TestDatabase.open(url);
    List<String> history = StateRows.history(dataSource);
    boolean once = StateRows.upgrades(dataSource).equals(chain())
        && history.size() == REVISIONS;
    boolean ok = failed == 0 && applied == REVISIONS && appliers == 1 && once
        && StateRows.versions(dataSource).equals(List.of(TestRegistry.chainId(REVISIONS)));
    unexpected += ok ? 0 : 1;
    say("- " + name(database) + " round " + round + ": " + (processes - failed) + " of "
        + processes + " exited 0; " + appliers + " applied " + applied + " revisions; "
        + history.size() + " history rows, each revision " + (once ? "once" : "NOT once")
        + "; " + seconds + " s" + (failures.isEmpty() ? "" : "; failures: " + failures)
        + (ok ? "" : " — UNEXPECTED"));
  }

  /**
   * Runners killed at random moments of an upgrade, on fresh databases (the runner, unlike this
   * JVM, logs each step at INFO): the database is at the
   * last revision that committed, with exactly its tables, and the next runner finishes.
   */
  private void kills(TestDatabase database, int kills, Random random) throws Exception {
    int recovered = 0;
    int beforeFirst = 0;
    int atHead = 0;
    List<Integer> positions = new ArrayList<>();
    for (int kill = 1; kill <= kills; kill++) {
      String url = database.createUrl();
      Runner runner = RunnerProcesses.start(url, REVISIONS, 0, KILL_LEASE);
      runner.await("READY", Duration.ofMinutes(2));
      runner.go();
      // Aim at a random revision: once the runner logs that the one before it committed, kill
      // it (a few more may commit while the log is read); or, for none, during start-up.
      int aim = random.nextInt(REVISIONS + 1);
      if (aim == 0) {
        Thread.sleep(random.nextInt(1_000));
      } else {
        String committed = "-> " + TestRegistry.chainId(aim) + ",";
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!runner.transcript().contains(committed) && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
      }
      runner.kill();
      DataSource dataSource = TestDatabase.open(url);
      List<String> versions = TestDatabase.tables(dataSource).contains("retort_version")
          ? StateRows.versions(dataSource) : List.of();
      int position = versions.isEmpty() ? 0
          : Integer.parseInt(versions.get(0).substring(1));
      positions.add(position);
      beforeFirst += position == 0 ? 1 : 0;
      atHead += position == REVISIONS ? 1 : 0;
      Set<String> tables = new TreeSet<>(TestDatabase.tables(dataSource));
      tables.removeIf(table -> !table.startsWith("t_r"));
      Set<String> expectedTables = new TreeSet<>();
      IntStream.rangeClosed(1, position)
          .forEach(i -> expectedTables.add(TestRegistry.tableOf(TestRegistry.chainId(i))));
      List<MigrationStep> steps = Retort.using(dataSource, TestRegistry.chain(REVISIONS).build())
          .withSettings(RetortSettings.defaults().withLeaseDuration(KILL_LEASE)).upgrade();
      boolean ok = tables.equals(expectedTables) && steps.size() == REVISIONS - position
          && StateRows.upgrades(dataSource).equals(chain());
      if (ok) {
        recovered++;
      } else {
        unexpected++;
        say("- kill " + kill + " at r" + position + ": tables " + tables + ", then "
            + steps.size() + " steps — UNEXPECTED");
      }
    }
    say("- " + name(database) + ": " + kills + " runners killed with SIGKILL at random moments"
        + " (" + beforeFirst + " before the first revision committed, " + atHead
        + " after the last, the rest between; positions " + positions + "); after each the"
        + " database was at the last committed revision with exactly its tables, and the next"
        + " runner finished the upgrade with each revision applied once: " + recovered + " of "
        + kills);
  }

  /** Upgrade to head and downgrade to base, again and again: every step recorded, none lost. */
  private void cycles(TestDatabase database, int cycles) throws Exception {
    DataSource dataSource = database.create();
    Retort retort = Retort.using(dataSource, TestRegistry.chain(5).build());
    long started = System.nanoTime();
    int steps = 0;
    boolean ok = true;
    for (int cycle = 0; cycle < cycles && ok; cycle++) {
      int up = retort.upgrade().size();
      ok = up == 5 && StateRows.versions(dataSource).equals(List.of("r0005"));
      int down = retort.downgrade("base").size();
      ok &= down == 5 && StateRows.versions(dataSource).isEmpty();
      steps += up + down;
    }
    List<String> history = StateRows.history(dataSource);
    ok &= history.size() == steps && history.stream().allMatch(row -> row.contains(" true "))
        && TestDatabase.tables(dataSource).stream().noneMatch(table -> table.startsWith("t_r"));
    unexpected += ok ? 0 : 1;
    say("- " + name(database) + ": " + cycles + " upgrade/downgrade cycles of 5 revisions, "
        + steps + " steps, " + history.size() + " history rows, all successful; at base with no"
        + " table left; " + (System.nanoTime() - started) / 1_000_000_000 + " s"
        + (ok ? "" : " — UNEXPECTED"));
  }

  /** State table names an attacker or a slip would give; each refused, the users kept. */
  private static final List<String> HOSTILE_NAMES = List.of("users", "retort_version; drop table"
      + " users", "users--", "\"users\"", "select", "1st", "", " ", "ümlaut", "a".repeat(64),
      "users.id", "retort_version\n");

  private void hostileNames(TestDatabase database) throws Exception {
    DataSource dataSource = database.create();
    try (java.sql.Connection connection = dataSource.getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("create table users (id integer primary key, name varchar(50))");
      statement.execute("insert into users values (1, 'ada'), (2, 'grace')");
    }
    int refused = 0;
    for (String name : HOSTILE_NAMES) {
      for (String role : List.of("version", "history", "lock")) {
        try {
          RetortSettings settings = switch (role) {
            case "version" -> RetortSettings.defaults().withVersionTable(name);
            case "history" -> RetortSettings.defaults().withHistoryTable(name);
            default -> RetortSettings.defaults().withLockTable(name);
          };
          Retort retort = Retort.using(dataSource, TestRegistry.chain(2).build())
              .withSettings(settings);
          retort.stamp(true, "r0001");
          retort.upgrade();
          // Only a lock table on PostgreSQL, which locks without one, may be a name Retort
          // never touches.
          if (!(database == TestDatabase.POSTGRES && role.equals("lock"))) {
            say("- " + name(database) + ": " + role + " table '" + name + "' was accepted"
                + " — UNEXPECTED");
            unexpected++;
          } else {
            refused++;
          }
        } catch (RetortException | IllegalArgumentException e) {
          refused++;
        }
      }
    }
    List<String> users;
    try (java.sql.Connection connection = dataSource.getConnection()) {
      users = org.jooq.impl.DSL.using(connection, org.jooq.tools.jdbc.JDBCUtils.dialect(connection))
          .fetch("select name from users order by id").getValues(0, String.class);
    }
    boolean kept = users.equals(List.of("ada", "grace"));
    unexpected += kept ? 0 : 1;
    say("- " + name(database) + ": " + HOSTILE_NAMES.size() + " hostile names as the version,"
        + " history and lock table: " + refused + " of " + HOSTILE_NAMES.size() * 3
        + " refused or never used; the users table " + (kept ? "kept its rows" : "CHANGED")
        + (kept ? "" : " — UNEXPECTED"));
  }

  private static List<String> chain() {
    return IntStream.rangeClosed(1, REVISIONS).mapToObj(TestRegistry::chainId).toList();
  }

  private static String name(TestDatabase database) {
    return database == TestDatabase.H2 ? "H2 (file, AUTO_SERVER=TRUE)"
        : database.productName();
  }

  private static String firstLine(String transcript, String prefix) {
    return transcript.lines().filter(line -> line.startsWith(prefix)).findFirst()
        .orElse("exit without a FAILED line");
  }
}

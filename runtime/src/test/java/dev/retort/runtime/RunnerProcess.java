package dev.retort.runtime;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A runner in a JVM of its own, for what threads cannot show: separate connections pools, a
 * process killed with SIGKILL. Started by {@link RunnerProcesses} with a database URL, the length
 * of a {@link TestRegistry#chain}, the revision to make slow (0 for none) and the lease in
 * milliseconds. It prints {@code READY}, waits for a line on standard input so that all runners
 * start together, upgrades to head, prints {@code APPLIED n} and exits 0, or prints {@code
 * FAILED} with the error and exits 1. The slow revision creates its table, prints {@code SLOW}
 * and sleeps for ten minutes, inside its transaction, waiting to be killed.
 */
final class RunnerProcess {

  private RunnerProcess() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int revisions = Integer.parseInt(args[1]);
    int slow = Integer.parseInt(args[2]);
    Duration lease = Duration.ofMillis(Long.parseLong(args[3]));
    TestRegistry.Builder chain = TestRegistry.chain(revisions);
    if (slow > 0) {
      String id = TestRegistry.chainId(slow);
      chain.edit(id).upgrade(db -> {
        db.createTable(DSL.unquotedName(TestRegistry.tableOf(id)))
            .column(DSL.field(DSL.unquotedName("id"), SQLDataType.INTEGER)).execute();
        System.out.println("SLOW");
        System.out.flush();
        sleepTenMinutes(db);
      });
    }
    // The JDK itself sets user.timezone when the default time zone is first read.
    java.util.TimeZone.getDefault();
    Properties before = (Properties) System.getProperties().clone();
    System.out.println("READY");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    try {
      List<MigrationStep> steps = Retort.using(TestDatabase.open(url), chain.build())
          .withSettings(RetortSettings.defaults().withLeaseDuration(lease))
          .upgrade();
      System.out.println("PROPERTIES CHANGED " + changed(before, System.getProperties()));
      System.out.println("APPLIED " + steps.size());
      System.out.flush();
      System.exit(0);
    } catch (RuntimeException e) {
      System.out.println("FAILED " + e);
      e.printStackTrace();
      System.out.flush();
      System.exit(1);
    }
  }

  /** The names of the system properties set, changed or removed since {@code before}. */
  private static Set<String> changed(Properties before, Properties after) {
    Set<String> changed = new TreeSet<>();
    for (String name : after.stringPropertyNames()) {
      if (!after.getProperty(name).equals(before.getProperty(name))) {
        changed.add(name);
      }
    }
    for (String name : before.stringPropertyNames()) {
      if (after.getProperty(name) == null) {
        changed.add(name);
      }
    }
    return changed;
  }

  /** On PostgreSQL the server itself waits, as a slow statement would; elsewhere the JVM. */
  private static void sleepTenMinutes(DSLContext db) {
    if (db.dialect().family() == SQLDialect.POSTGRES) {
      db.execute("select pg_sleep(600)");
      return;
    }
    try {
      Thread.sleep(600_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.cli.CliRunner.Run;
import dev.retort.runtime.Fleet;
import dev.retort.runtime.Status;
import dev.retort.runtime.messages.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort upgrade|check|current --schemas...} on the real PostgreSQL: every schema of a
 * fleet, in parallel, with progress lines, a summary and an exit status that says whether one
 * failed; and one line for every input it cannot work with.
 */
class FleetCommandTest {

  private static String server;
  private static String database;
  private static String url;

  @TempDir Path folder;

  @BeforeAll
  static void createDatabase() throws Exception {
    server = CiPostgres.server();
    database = "retort_fleet_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    try (Connection admin = DriverManager.getConnection(server);
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + database);
    }
    url = CiPostgres.onDatabase(server, database);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (database != null) {
      try (Connection admin = DriverManager.getConnection(server);
          Statement statement = admin.createStatement()) {
        statement.execute("drop database if exists " + database + " with (force)");
      }
    }
  }

  private static void execute(String... statements) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private Run retort(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--url";
    all[args.length + 1] = url;
    return CliRunner.run(all);
  }

  @Test
  void upgrade_onAQuerysSchemas_failsOneWithAConflict_bringsTheOthersToHead_andSaysSo()
      throws Exception {
    for (int i = 1; i <= 6; i++) {
      execute("create schema q_tenant_0" + i);
    }
    execute("create table q_tenant_04.t_c1 (conflict text)");

    Run upgrade = retort("upgrade", "--schemas-query",
        "select nspname from pg_namespace where nspname like 'q\\_tenant\\_%' order by 1",
        "--parallel", "3");

    assertWithMessage(upgrade.printed()).that(upgrade.status()).isEqualTo(1);
    assertThat(upgrade.out()).contains("[6/6] ");
    assertThat(upgrade.out()).contains("q_tenant_01: applied 5 revisions, at head");
    assertThat(upgrade.out()).contains("q_tenant_04: FAILED: Revision c1");
    assertThat(upgrade.out()).contains(CliMessages.fleetSummaryHeading("upgrade", 6, "0:00", 3)
        .substring(0, "upgrade on 6 schemas in".length()));
    assertThat(upgrade.out()).containsMatch("at head +5\\n");
    assertThat(upgrade.out()).containsMatch("failed +1\\n");
    assertThat(upgrade.out()).containsMatch("q_tenant_04 +FAILED +Revision c1");
    assertThat(upgrade.out()).contains(CliMessages.fleetFailedNote(1));
    // The runtime's own step lines name no schema: a fleet run leaves them out.
    assertThat(upgrade.out()).doesNotContain("Running upgrade");
    assertThat(count("select count(*) from q_tenant_06.retort_history where success")).isEqualTo(5);

    Run check = retort("check", "--schemas", "q_tenant_01,q_tenant_04");
    assertWithMessage(check.printed()).that(check.status()).isEqualTo(RetortCli.PENDING);
    assertThat(check.out()).containsMatch("q_tenant_04 +not at head +\\d pending, at ");

    execute("drop table q_tenant_04.t_c1");
    Path list = folder.resolve("tenants.txt");
    Files.writeString(list, "# the fleet\nq_tenant_01\n\nq_tenant_04  # fixed\n");
    Run rerun = retort("upgrade", "--schemas-from", list.toString());
    assertWithMessage(rerun.printed()).that(rerun.status()).isEqualTo(0);
    assertThat(rerun.out()).contains("q_tenant_01: at head");
    assertThat(rerun.out()).containsMatch("q_tenant_04: applied \\d revisions?, at head");
    assertThat(count("select count(*) from q_tenant_04.retort_history where success"
        + " and direction = 'up'")).isEqualTo(5);

    Run current = retort("current", "--schemas", "q_tenant_01,q_tenant_04", "--fail-fast");
    assertWithMessage(current.printed()).that(current.status()).isEqualTo(0);
    assertThat(current.out()).containsMatch("at head +2\\n");
  }

  @Test
  void theLeaseRowLock_isASetting_andAnOption() throws Exception {
    execute("create schema lease_a");
    Path config = folder.resolve("retort.properties");
    Files.writeString(config, "lock=lease-row\n");

    Run upgrade = retort("upgrade", "--config", config.toString(), "--schemas", "lease_a");

    assertWithMessage(upgrade.printed()).that(upgrade.status()).isEqualTo(0);
    assertThat(count("select count(*) from information_schema.tables where table_schema ="
        + " 'lease_a' and table_name = 'retort_lock'")).isEqualTo(1);

    execute("create schema lease_b");
    Run flag = retort("upgrade", "--lock", "lease-row", "--schemas", "lease_b");
    assertWithMessage(flag.printed()).that(flag.status()).isEqualTo(0);
    assertThat(count("select count(*) from information_schema.tables where table_schema ="
        + " 'lease_b' and table_name = 'retort_lock'")).isEqualTo(1);

    Files.writeString(config, "lock=advisory-please\n");
    Run bad = retort("upgrade", "--config", config.toString(), "--schemas", "lease_b");
    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.err()).isEqualTo(CliMessages.ERROR_PREFIX
        + CliMessages.invalidLockKind("advisory-please", config.toString()) + "\n");
  }

  @Test
  void inputAFleetCannotWorkWith_getsOneLine_namingTheFix() throws Exception {
    Path empty = folder.resolve("none.txt");
    Files.writeString(empty, "# nobody yet\n");
    List<List<Object>> cases = List.of(
        List.of(new String[] {"upgrade", "--schemas", ""},
            CliMessages.noSchemasListed("--schemas")),
        List.of(new String[] {"upgrade", "--schemas", "a,b;drop table x"},
            Messages.fleetMemberNotASchema("b;drop table x")),
        List.of(new String[] {"upgrade", "--schemas", "a,b,a"}, Messages.fleetMemberTwice("a")),
        List.of(new String[] {"upgrade", "--schemas-from", empty.toString()},
            CliMessages.noSchemasListed("--schemas-from " + empty)),
        List.of(new String[] {"upgrade", "--schemas-query",
            "select nspname from pg_namespace where false"}, CliMessages.schemasQueryEmpty()),
        List.of(new String[] {"upgrade", "--schemas", "a", "--parallel", "0"},
            CliMessages.parallelAtLeastOne(0)),
        List.of(new String[] {"upgrade", "--parallel", "2"},
            CliMessages.fleetOptionWithoutMembers("--parallel")),
        List.of(new String[] {"check", "--fail-fast"},
            CliMessages.fleetOptionWithoutMembers("--fail-fast")),
        List.of(new String[] {"current", "--schemas", "a", "--schemas-from", empty.toString()},
            CliMessages.severalMemberSources()));
    for (List<Object> each : cases) {
      Run run = retort((String[]) each.get(0));
      assertWithMessage(run.printed()).that(run.status()).isEqualTo(1);
      assertThat(run.err()).isEqualTo(CliMessages.ERROR_PREFIX + each.get(1) + "\n");
    }
    Run missing = retort("upgrade", "--schemas-from", folder.resolve("nofile").toString());
    assertThat(missing.err()).startsWith(CliMessages.ERROR_PREFIX + "Cannot read --schemas-from");
    assertThat(missing.err().lines().count()).isEqualTo(1);
    Run failing = retort("upgrade", "--schemas-query", "selec nspname from pg_namespace");
    assertThat(failing.status()).isEqualTo(1);
    assertThat(failing.err()).startsWith(CliMessages.ERROR_PREFIX + "--schemas-query failed:");
    assertThat(failing.err()).contains("such as select nspname");
    assertThat(failing.err().lines().count()).isEqualTo(1);
  }

  @Test
  void sql_rendersForATenant() {
    Run run = CliRunner.run("sql", "--tenant", "tenant_x", "--dialect", "POSTGRES");

    assertWithMessage(run.printed()).that(run.status()).isEqualTo(0);
    assertThat(run.out()).startsWith("set search_path to tenant_x;\n");
    assertThat(run.out()).contains("insert into tenant_x.retort_version");
  }

  @Test
  void onATerminal_theProgressLineIsRedrawnInPlace() {
    StringWriter printed = new StringWriter();
    FleetReport report = new FleetReport(new PrintWriter(printed), true, "upgrade",
        new LogSink(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
    Fleet.Member done = new Fleet.Member("tenant_1", Fleet.Outcome.DONE, List.of(),
        new Status(List.of(), List.of()), Duration.ofMillis(5), null);
    Fleet.Member failed = new Fleet.Member("tenant_2", Fleet.Outcome.FAILED, List.of(), null,
        Duration.ofMillis(5), new IllegalStateException("boom"));

    report.finished(done, new Fleet.Progress(1000, 1, 812, 0, Duration.ofSeconds(134)));
    report.finished(failed, new Fleet.Progress(1000, 2, 812, 3, Duration.ofSeconds(135)));
    report.summary(new Fleet.Result(List.of(done, failed), Duration.ofSeconds(136)), 8);

    String text = printed.toString();
    assertThat(text).startsWith("\r" + CliMessages.fleetProgress(812, 1000, 0, "2:14") + "\r"
        + CliMessages.fleetProgress(812, 1000, 3, "2:15") + "\n");
    assertThat(text).doesNotContain("[1/1000]");
    assertThat(text).contains(CliMessages.fleetSummaryHeading("upgrade", 2, "2:16", 8));
    assertThat(text).containsMatch("tenant_2 +FAILED +boom");
  }
}

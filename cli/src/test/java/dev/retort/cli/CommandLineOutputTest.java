package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.retort.cli.CliRunner.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** What the command line prints, and how often: one line per error, once; traces on request. */
class CommandLineOutputTest {

  @TempDir Path folder;
  private Path config;
  private String url;

  @BeforeEach
  void writeConfig() throws Exception {
    url = "jdbc:h2:file:" + folder.resolve("db");
    config = folder.resolve("retort.properties");
    Files.writeString(config, "url=" + url + "\nuser=sa\npassword=s3cret-pass\n");
  }

  private Run retort(String... args) {
    String[] withConfig = new String[args.length + 2];
    System.arraycopy(args, 0, withConfig, 0, args.length);
    withConfig[args.length] = "--config";
    withConfig[args.length + 1] = config.toString();
    return CliRunner.run(withConfig);
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "s3cret-pass")) {
      connection.createStatement().execute(sql);
    }
  }

  /** A revision that fails: the runtime logs the failure and throws it; the user reads it once. */
  @Test
  void aFailingRevision_isOneErrorLine_printedOnce_onStandardError() throws Exception {
    assertThat(retort("upgrade", "a1").status()).isEqualTo(0);
    execute("create table t_b1 (id int)");

    Run run = retort("upgrade", "b1");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).startsWith(CliMessages.ERROR_PREFIX + "Revision b1 (Rev_b1) failed in"
        + " upgrade a1 -> b1: ");
    // H2's message spans two lines ("...; SQL statement:\ncreate table ..."): here it is one.
    assertThat(run.err()).contains("SQL statement: create table t_b1");
    assertThat(run.out()).doesNotContain("ERROR");
    assertThat(run.out()).doesNotContain("failed in upgrade");
  }

  @Test
  void withDebug_theFailureIsStillPrintedOnce_followedByItsTrace() throws Exception {
    assertThat(retort("upgrade", "a1").status()).isEqualTo(0);
    execute("create table t_b1 (id int)");

    Run run = retort("upgrade", "b1", "--debug");

    assertThat(run.err().lines().filter(line -> line.startsWith("ERROR")).count()).isEqualTo(1);
    assertThat(run.err()).contains("\tat dev.retort.");
  }

  @Test
  void aWarningWithAnException_isOneLineNamingTheCause_andItsTraceOnlyUnderDebug() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    LogSink sink = new LogSink(new PrintWriter(out, true), new PrintWriter(err, true));
    IllegalStateException cause = new IllegalStateException("This connection has been closed.\n"
        + "Detail: terminated by an administrator");

    sink.log(Level.WARN, "Could not release the migration lock x; closing its connection"
        + " releases it", cause);
    sink.debug(true);
    sink.log(Level.WARN, "Could not renew the lease", cause);

    assertThat(out.toString()).isEqualTo("WARN Could not release the migration lock x; closing"
        + " its connection releases it (This connection has been closed. Detail: terminated by an"
        + " administrator)\nWARN Could not renew the lease\n");
    assertThat(err.toString()).startsWith("java.lang.IllegalStateException: This connection");
    assertThat(err.toString()).contains("\tat dev.retort.cli.CommandLineOutputTest");
  }

  @Test
  void theRuntimesLogLines_goToTheRunsOwnStream_throughTheCommandLinesProvider() {
    assertThat(LoggerFactory.getILoggerFactory().getLogger("dev.retort.runtime.Retort"))
        .isInstanceOf(CommandLineLogger.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream systemOut = System.out;
    ByteArrayOutputStream stray = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    int status;
    try {
      status = RetortCli.run(new String[] {"upgrade", "a1", "--config", config.toString()},
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      System.setOut(systemOut);
    }

    assertThat(status).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("INFO Running upgrade <base> -> a1");
    assertThat(stray.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(Thread.currentThread().getContextClassLoader()).isSameInstanceAs(context);
    assertThat(System.getProperty("org.slf4j.simpleLogger.logFile")).isNull();
  }

  @Test
  void anEmptyUser_inTheEnvironment_meansUnset_soTheUrlsOwnUserIsUsed() throws Exception {
    Files.writeString(config, "url=" + url + ";USER=sa;PASSWORD=s3cret-pass\n");
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("RETORT_USER", "");
    environment.put("RETORT_PASSWORD", "");

    Run run = CliRunner.runWithEnvironment(environment, "upgrade", "a1", "--config",
        config.toString());

    assertWithMessage(run.printed()).that(run.status()).isEqualTo(0);
    assertThat(run.printed()).doesNotContain("Duplicate property");
  }

  @Test
  void onePendingRevision_isSingular() {
    retort("upgrade", "d1");
    retort("upgrade", "c1");

    Run run = retort("check");

    assertThat(run.status()).isEqualTo(RetortCli.PENDING);
    assertThat(run.out()).isEqualTo(CliMessages.pending(1, "c1, d1", "m1") + "\n");
    assertThat(run.out()).contains("1 revision is pending");
    assertThat(run.out()).endsWith("Run upgrade to apply it.\n");
  }

  @Test
  void historyVerbose_withIndicateCurrent_marksTheCurrentRevision() {
    retort("upgrade", "c1");

    Run run = retort("history", "-v", "-i", "-r", "b1:c1");

    assertThat(run.out()).startsWith("Rev: c1 (current)\nParent: b1\n");
    assertThat(run.out()).contains("Rev: b1\nParent: a1\n");
  }

  /** The top-level help shows each command's first description line: a whole sentence. */
  @Test
  void theTopLevelHelp_givesEveryCommandAWholeSentence() {
    Run run = CliRunner.run("--help");

    assertThat(run.out()).contains("  verify     Prove without a database that downgrades undo"
        + " upgrades and merges");
    for (Class<?> command : RetortCli.class.getAnnotation(picocli.CommandLine.Command.class)
        .subcommands()) {
      String[] description = command.getAnnotation(picocli.CommandLine.Command.class)
          .description();
      if (description.length > 0) {
        assertWithMessage(command.getSimpleName()).that(description[0]).endsWith(".");
      }
    }
  }

  @Test
  void theDialect_isAcceptedInAnyCase() {
    Run lower = retort("sql", "base:b1", "--dialect", "postgres");
    Run mixed = retort("verify", "--dialect", "Postgres");

    assertWithMessage(lower.printed()).that(lower.status()).isEqualTo(0);
    assertThat(lower.out()).contains("create table t_b1 (id int);");
    assertWithMessage(mixed.printed()).that(mixed.status()).isEqualTo(0);
  }
}

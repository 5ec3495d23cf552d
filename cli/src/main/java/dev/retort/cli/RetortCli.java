package dev.retort.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code retort}: Alembic's commands for a project whose generated registry is on the classpath.
 * Errors are one readable line on standard error (the trace only with {@code --debug}).
 */
@Command(
    name = "retort",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Database migrations in the model of Alembic, checked by javac.",
    subcommands = {
        UpgradeCommand.class,
        DowngradeCommand.class,
        CurrentCommand.class,
        HistoryCommand.class,
        HeadsCommand.class,
        BranchesCommand.class,
        ShowCommand.class,
        StampCommand.class,
        CheckCommand.class,
        ValidateCommand.class,
        RepairCommand.class,
        SqlCommand.class,
        CreateCommand.class,
        MergeCommand.class,
        GraphCommand.class,
        VerifyCommand.class,
        CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:Success.",
        "1:An error; the message says what and how to fix it. verify: a proof failed.",
        "2:Invalid command line.",
        "3:check: revisions are pending."
    })
public final class RetortCli {

  /** Exit status of {@code check} when something is pending. */
  static final int PENDING = 3;

  private RetortCli() {}

  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err));
  }

  /** Runs one command line and returns its exit status. */
  static int execute(String[] args, PrintStream out, PrintStream err) {
    configureLogging(out);
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine commandLine = new CommandLine(RetortCli.class)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setExecutionExceptionHandler((exception, command, parseResult) -> {
          command.getErr().println("ERROR: " + Secrets.redact(oneLine(exception), null));
          if (debug) {
            exception.printStackTrace(command.getErr());
          }
          return 1;
        });
    if (args.length == 0) {
      commandLine.usage(commandLine.getOut());
      return 2;
    }
    int status = commandLine.execute(args);
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    return status;
  }

  private static String oneLine(Throwable exception) {
    String message = exception.getMessage();
    // Drivers put details on lines of their own (PostgreSQL's "Position: 14").
    return message == null ? exception.getClass().getSimpleName()
        : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * The runtime reports each step through SLF4J; on the command line those lines are the output,
   * so they go to standard output as {@code INFO  Running upgrade a -> b, message (12 ms)}.
   */
  private static void configureLogging(PrintStream out) {
    System.setProperty("org.slf4j.simpleLogger.logFile",
        out == System.err ? "System.err" : "System.out");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
    System.setProperty("org.slf4j.simpleLogger.showShortLogName", "false");
    System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "false");
    // jOOQ reports the database version it detected at INFO; that is not the user's business.
    System.setProperty("org.slf4j.simpleLogger.log.org.jooq", "warn");
  }
}

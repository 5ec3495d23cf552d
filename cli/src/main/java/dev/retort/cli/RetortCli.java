package dev.retort.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

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
        ReviewCommand.class,
        LintCommand.class,
        CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:Success.",
        "1:An error; the message says what and how to fix it. verify: a proof failed. lint: a"
            + " rule is broken.",
        "2:Invalid command line.",
        "3:check: revisions are pending."
    })
public final class RetortCli {

  /** Exit status of {@code check} when something is pending. */
  static final int PENDING = 3;

  /** Copied to every subcommand, so it may come before the command or after it. */
  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  boolean debug;

  private RetortCli() {}

  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err));
  }

  /** Runs one command line and returns its exit status. */
  static int execute(String[] args, PrintStream out, PrintStream err) {
    configureLogging(out);
    CommandLine commandLine = new CommandLine(RetortCli.class)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setParameterExceptionHandler(RetortCli::usageError)
        .setExecutionExceptionHandler((exception, command, parseResult) -> {
          String password = configuredPassword(command);
          command.getErr().println("ERROR: " + Secrets.redact(oneLine(exception), password));
          if (debugRequested(parseResult)) {
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            command.getErr().print(Secrets.redact(trace.toString(), password));
          }
          return 1;
        });
    // Each command's --help lists the exit codes too, not only retort --help.
    UsageMessageSpec top = commandLine.getCommandSpec().usageMessage();
    for (CommandLine subcommand : commandLine.getSubcommands().values()) {
      subcommand.getCommandSpec().usageMessage()
          .exitCodeListHeading(top.exitCodeListHeading())
          .exitCodeList(top.exitCodeList());
    }
    if (args.length == 0) {
      commandLine.usage(commandLine.getOut());
      return 2;
    }
    int status = commandLine.execute(args);
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    return status;
  }

  /**
   * A command line picocli cannot parse: one line saying why, and where the usage is, rather
   * than the whole usage, which would push the reason off the screen.
   */
  private static int usageError(ParameterException exception, String[] args) {
    CommandLine command = exception.getCommandLine();
    List<String> typed = passwordArguments(args, command);
    String password = System.getenv("RETORT_PASSWORD");
    command.getErr().println("ERROR: "
        + Secrets.redactArguments(oneLine(exception), typed, password));
    String suggestion = "";
    if (exception instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      suggestion = "Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "? ";
    }
    command.getErr().println(Secrets.redactArguments(suggestion, typed, password) + "Run '"
        + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Whether --debug was given, before the command or after it. */
  private static boolean debugRequested(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The password the failed command was configured with (flag, environment or file), to mask
   * wherever it appears in an error: an error may quote any value, and not only as password=.
   */
  private static String configuredPassword(CommandLine command) {
    CommandSpec database = command.getCommandSpec().mixins().get("database");
    if (database == null || !(database.userObject() instanceof DatabaseOptions options)) {
      return null;
    }
    try {
      return options.config().password();
    } catch (RuntimeException unreadable) {
      // The configuration itself is what failed; the flag and the environment are still known.
      return options.password != null ? options.password : System.getenv("RETORT_PASSWORD");
    }
  }

  /**
   * The values given to --password, or to any option that looks like a mistyped one (a name
   * starting with --pass or --pwd, as --passwrod or --pass=...), in a command line that did not
   * parse: picocli's message quotes an unknown option and the arguments after it, value and all.
   * The argument after such a flag is its value unless it is one of the commands' own options.
   */
  private static List<String> passwordArguments(String[] args, CommandLine command) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].toLowerCase(Locale.ROOT);
      if (!name.startsWith("--pass") && !name.startsWith("--pwd")) {
        continue;
      }
      int equals = args[i].indexOf('=');
      if (equals >= 0) {
        values.add(args[i].substring(equals + 1));
      } else if (i + 1 < args.length && !isOption(args[i + 1], command)) {
        values.add(args[i + 1]);
      }
    }
    values.removeIf(String::isEmpty);
    return values;
  }

  /** Whether the argument names an option of the command that failed or of a command above it. */
  private static boolean isOption(String argument, CommandLine command) {
    for (CommandLine level = command; level != null; level = level.getParent()) {
      // findOption also takes a name without its dashes; a bare word is a value here.
      if (argument.startsWith("-") && level.getCommandSpec().findOption(argument) != null) {
        return true;
      }
    }
    return false;
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

package dev.retort.cli;

import dev.retort.runtime.PasswordMask;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code retort}: Alembic's commands for a project whose generated registry is on the classpath
 * (the command line's own, or the one {@code classpath=}, {@code RETORT_CLASSPATH} or {@code
 * --classpath} names). Errors are one readable line on standard error (the trace only with
 * {@code --debug}), and no password is ever printed.
 *
 * <p>Run it as a program ({@code java -jar retort-cli-VERSION-all.jar upgrade}, or the {@code
 * retort} launcher), or from Java with {@link #run(String[], PrintStream, PrintStream)}.
 */
@Command(
    name = "retort",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Database migrations in the model of Alembic, checked by javac.",
    subcommands = {
        UpgradeCommand.class,
        DowngradeCommand.class,
        RevertCommand.class,
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

  /** The options that take a JDBC URL, which may carry a password. */
  private static final List<String> URL_OPTIONS = List.of("--url", "--from-database");

  /** Copied to every subcommand, so it may come before the command or after it. */
  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  boolean debug;

  private final Map<String, String> environment;
  private final LogSink sink;
  private List<Path> projectClasspath;
  private URLClassLoader projectLoader;

  private RetortCli(Map<String, String> environment, LogSink sink) {
    this.environment = environment;
    this.sink = sink;
  }

  /** Runs one command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs one command line in this JVM, as {@code retort} would, and returns its exit status: 0
   * success, 1 an error (one {@code ERROR:} line on {@code err}), 2 an invalid command line, 3
   * {@code check} found pending revisions. What the command prints, its log lines included, goes
   * to {@code out}; nothing is printed to {@link System#out}, no system property is set, and the
   * thread's context class loader is restored afterwards. Settings come from {@code
   * ./retort.properties} (or {@code --config}), the environment and the arguments.
   *
   * @param args the arguments after {@code retort}, such as {@code {"upgrade", "head"}}
   * @param out where the command's output goes
   * @param err where errors go
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return execute(args, out, err, System.getenv());
  }

  /** As {@link #run}, with this environment instead of the process's. */
  static int execute(String[] args, PrintStream out, PrintStream err,
      Map<String, String> environment) {
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    LogSink sink = new LogSink(outWriter, errWriter);
    RetortCli cli = new RetortCli(Map.copyOf(environment), sink);
    ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
    Runnable unroute = LogRouting.routeTo(sink);
    try {
      return cli.parseAndRun(args, outWriter, errWriter);
    } finally {
      unroute.run();
      Thread.currentThread().setContextClassLoader(contextLoader);
      cli.closeProjectLoader();
      outWriter.flush();
      errWriter.flush();
    }
  }

  private int parseAndRun(String[] args, PrintWriter out, PrintWriter err) {
    sink.mask(PasswordMask.of(environment.get("RETORT_PASSWORD"), environment.get("RETORT_URL")));
    sink.mask(PasswordMask.of(List.of(), urlArguments(args)));
    CommandLine commandLine = new CommandLine(this)
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(this::usageError)
        .setExecutionStrategy(parseResult -> {
          sink.debug(debugRequested(parseResult));
          return new RunLast().execute(parseResult);
        })
        .setExecutionExceptionHandler((exception, command, parseResult) -> {
          sink.error(sink.secrets().mask(LogSink.oneLine(exception)));
          if (debugRequested(parseResult)) {
            sink.trace(exception);
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
    return commandLine.execute(args);
  }

  /** The environment this run reads its settings from. */
  Map<String, String> environment() {
    return environment;
  }

  /** Where this run prints. */
  LogSink sink() {
    return sink;
  }

  /** Masks these passwords in everything this run prints from now on. */
  void mask(PasswordMask secrets) {
    sink.mask(secrets);
  }

  /**
   * The class loader of the project's classes, made the thread's context class loader for the
   * rest of the run (ServiceLoader finds the registry through it): the command line's own when
   * no classpath is configured.
   *
   * @throws IllegalArgumentException if an entry does not exist
   */
  ClassLoader projectClassLoader(List<Path> classpath) {
    if (classpath.isEmpty()) {
      return Thread.currentThread().getContextClassLoader();
    }
    if (projectLoader == null || !classpath.equals(projectClasspath)) {
      closeProjectLoader();
      List<URL> urls = new ArrayList<>();
      for (Path entry : classpath) {
        urls.addAll(expand(entry));
      }
      projectClasspath = classpath;
      projectLoader = new URLClassLoader("retort-project", urls.toArray(URL[]::new),
          RetortCli.class.getClassLoader());
    }
    Thread.currentThread().setContextClassLoader(projectLoader);
    return projectLoader;
  }

  /** A folder or jar, or for {@code dir/*} the jars in {@code dir}, as {@code java -cp} reads it. */
  private static List<URL> expand(Path entry) {
    try {
      if (entry.getFileName() != null && entry.getFileName().toString().equals("*")) {
        Path folder = entry.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
          throw new IllegalArgumentException(CliMessages.classpathEntryMissing(
              String.valueOf(folder), "classpath, RETORT_CLASSPATH or --classpath"));
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
          for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
            jars.add(jar.toUri().toURL());
          }
        }
        return jars;
      }
      if (!Files.exists(entry)) {
        throw new IllegalArgumentException(CliMessages.classpathEntryMissing(entry.toString(),
            "classpath, RETORT_CLASSPATH or --classpath"));
      }
      return List.of(entry.toUri().toURL());
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closeProjectLoader() {
    if (projectLoader != null) {
      try {
        projectLoader.close();
      } catch (IOException ignored) {
        // Only open jar files to release; the run is over either way.
      }
      projectLoader = null;
    }
  }

  /**
   * A command line picocli cannot parse: one line saying why, and where the usage is, rather
   * than the whole usage, which would push the reason off the screen.
   */
  private int usageError(ParameterException exception, String[] args) {
    CommandLine command = exception.getCommandLine();
    List<String> typed = passwordArguments(args, command);
    PasswordMask secrets = sink.secrets();
    command.getErr().println(CliMessages.ERROR_PREFIX
        + maskArguments(secrets, LogSink.oneLine(exception), typed));
    String suggestion = "";
    if (exception instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      suggestion = CliMessages.didYouMean(unmatched.getSuggestions());
    }
    command.getErr().println(maskArguments(secrets, suggestion, typed)
        + CliMessages.usageHint(command.getCommandSpec().qualifiedName()));
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * The text masked, and each of these command-line values, however short, where picocli's
   * messages quote an argument: {@code 'value'}, or {@code '--flag=value'}.
   */
  private static String maskArguments(PasswordMask mask, String text, List<String> arguments) {
    String masked = text;
    for (String value : arguments) {
      masked = masked.replace("'" + value + "'", "'" + PasswordMask.MASK + "'")
          .replace("=" + value + "'", "=" + PasswordMask.MASK + "'");
    }
    return mask.and(PasswordMask.of(arguments, List.of())).mask(masked);
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
    // A URL typed on the command line may carry a password too.
    for (String url : urlArguments(args)) {
      values.addAll(PasswordMask.passwordsIn(url));
    }
    return values;
  }

  /**
   * The URLs typed on the command line, to --url or to --from-database (create --autogenerate,
   * check --schema), whose passwords are masked from the start of the run.
   */
  private static List<String> urlArguments(String[] args) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      for (String option : URL_OPTIONS) {
        if (args[i].equals(option) && i + 1 < args.length) {
          urls.add(args[i + 1]);
        } else if (args[i].startsWith(option + "=")) {
          urls.add(args[i].substring(option.length() + 1));
        }
      }
    }
    return urls;
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
}

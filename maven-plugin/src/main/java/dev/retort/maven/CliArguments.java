package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line a goal runs: the command, the connection as flags, the goal's own options.
 * And back: the command line's messages, which name its flags, in the words of Maven's {@code
 * -Dretort.*} properties.
 */
final class CliArguments {

  /** Each flag the plugin passes, and the property that sets it in Maven. */
  private static final Map<String, String> PROPERTIES = Map.of(
      "--url", "retort.url",
      "--user", "retort.user",
      "--password", "retort.password",
      "--config", "retort.configFile",
      "--dialect", "retort.dialect");

  private static final Pattern FLAG = Pattern.compile("--(url|user|password|config|dialect)"
      + "(?![\\w-])( (?=jdbc:))?");

  private CliArguments() {}

  /**
   * The arguments of {@code retort COMMAND}, options before the command's own arguments.
   *
   * @param options the command's options and arguments, in order
   * @param debug whether to print a redacted stack trace with an error ({@code mvn -X})
   */
  static List<String> of(String command, Connection connection, List<String> options,
      boolean debug) {
    List<String> args = new ArrayList<>();
    args.add(command);
    add(args, "--config", connection.configFile() == null ? null
        : connection.configFile().toString());
    add(args, "--url", connection.url());
    add(args, "--user", connection.user());
    add(args, "--password", connection.password());
    if (debug) {
      args.add("--debug");
    }
    args.addAll(options);
    return List.copyOf(args);
  }

  /** Adds {@code --flag=value}: one argument, so a value starting with a dash stays a value. */
  static void add(List<String> args, String flag, String value) {
    if (value != null) {
      args.add(flag + "=" + value);
    }
  }

  /**
   * The message with each flag named as the Maven property that sets it: {@code pass --url
   * jdbc:...} reads {@code pass -Dretort.url=jdbc:...}.
   */
  static String inMavenTerms(String message) {
    Matcher flag = FLAG.matcher(message);
    StringBuilder out = new StringBuilder();
    while (flag.find()) {
      String property = "-D" + PROPERTIES.get("--" + flag.group(1))
          + (flag.group(2) == null ? "" : "=");
      flag.appendReplacement(out, Matcher.quoteReplacement(property));
    }
    return flag.appendTail(out).toString();
  }
}

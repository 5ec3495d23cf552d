package dev.retort.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of what the command line prints. A password reaches Retort as an option,
 * in the environment, in the configuration file, or inside the JDBC URL (PostgreSQL's and
 * MariaDB's {@code password=}, H2's {@code PASSWORD=}); drivers and Retort's own messages quote
 * the URL, so every message that may carry one goes through here first.
 *
 * <p>Two rules. Where a password is written, it is always masked, however short: the value of
 * {@code password=} or {@code pwd=}, the password of {@code //user:password@host}, and the value
 * of a password flag as picocli quotes the command line. Anywhere else the configured password is
 * masked only as a whole word (no letter, digit or {@code _} either side) and only when it has at
 * least {@value #SHORTEST_MASKED_ANYWHERE} characters: a short password such as {@code sa} is too
 * likely to be an ordinary word of the message, and {@code postgres} must not turn
 * {@code jdbc:postgresql:} into {@code jdbc:****ql:}. A word equal to the password is masked even
 * where it is a user or database name, since printing it would print the password.
 */
final class Secrets {

  static final String MASK = "****";

  /** Below this length the configured password is masked only where a password is written. */
  static final int SHORTEST_MASKED_ANYWHERE = 6;

  /** {@code password=...} or {@code pwd=...} up to the next separator, in any case. */
  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)((?:password|pwd)\\s*=)[^&;?)\\s]*");

  /** {@code //user:password@host}. */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]*@");

  private Secrets() {}

  /** The text with every password setting in it masked, and the given password as a word. */
  static String redact(String text, String password) {
    if (text == null) {
      return null;
    }
    String masked = URL_PASSWORD.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    masked = USER_INFO.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    if (password != null && password.length() >= SHORTEST_MASKED_ANYWHERE) {
      masked = Pattern.compile("(?<![\\p{Alnum}_])" + Pattern.quote(password) + "(?![\\p{Alnum}_])")
          .matcher(masked).replaceAll(Matcher.quoteReplacement(MASK));
    }
    return masked;
  }

  /**
   * As {@link #redact}, and each of these command-line values, however short, where picocli's
   * messages quote an argument: {@code 'value'}, or {@code '--flag=value'}.
   */
  static String redactArguments(String text, List<String> values, String password) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String value : values) {
      masked = masked.replace("'" + value + "'", "'" + MASK + "'")
          .replace("=" + value + "'", "=" + MASK + "'");
    }
    masked = redact(masked, password);
    for (String value : values) {
      masked = redact(masked, value);
    }
    return masked;
  }
}

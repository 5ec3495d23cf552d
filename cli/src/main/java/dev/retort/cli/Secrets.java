package dev.retort.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of what the command line prints. A password reaches Retort as an option,
 * in the environment, in the configuration file, or inside the JDBC URL (PostgreSQL's and
 * MariaDB's {@code password=}, H2's {@code PASSWORD=}); drivers and Retort's own messages quote
 * the URL, so every message that may carry one goes through here first.
 */
final class Secrets {

  static final String MASK = "****";

  /** {@code password=...} or {@code pwd=...} up to the next separator, in any case. */
  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)((?:password|pwd)\\s*=)[^&;?)\\s]*");

  /** {@code //user:password@host}. */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]*@");

  private Secrets() {}

  /** The text with every password setting in it masked, and the given password wherever it is. */
  static String redact(String text, String password) {
    if (text == null) {
      return null;
    }
    String masked = URL_PASSWORD.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    masked = USER_INFO.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    if (password != null && !password.isEmpty()) {
      masked = masked.replace(password, MASK);
    }
    return masked;
  }
}

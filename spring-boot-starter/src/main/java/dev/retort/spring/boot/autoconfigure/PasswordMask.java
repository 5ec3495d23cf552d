package dev.retort.spring.boot.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of what the starter reports. A password reaches Retort as {@code
 * retort.password} or inside a JDBC URL ({@code password=}, {@code //user:password@host}); a
 * driver's or Spring's message may quote either. The rules are the command line's: where a
 * password is written it is always masked; anywhere else the configured password is masked as a
 * whole word of at least {@value #SHORTEST_MASKED_ANYWHERE} characters, since a shorter one is too
 * likely to be an ordinary word of the message.
 */
final class PasswordMask {

  static final String MASK = "****";

  /** Below this length the configured password is masked only where a password is written. */
  static final int SHORTEST_MASKED_ANYWHERE = 6;

  /** {@code password=...} or {@code pwd=...} up to the next separator, in any case. */
  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)((?:password|pwd)\\s*=)[^&;?)\\s]*");

  /** {@code //user:password@host}. */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]*@");

  private PasswordMask() {}

  /** The text with every written password masked, and the given password as a word. */
  static String mask(String text, String password) {
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

  /** Whether a message anywhere in the exception's causes or suppressed ones would be masked. */
  static boolean reveals(Throwable failure, String password) {
    return reveals(failure, password, 0);
  }

  private static boolean reveals(Throwable failure, String password, int depth) {
    if (failure == null || depth > 32) {
      return false;
    }
    String message = failure.getMessage();
    if (message != null && !message.equals(mask(message, password))) {
      return true;
    }
    for (Throwable suppressed : failure.getSuppressed()) {
      if (reveals(suppressed, password, depth + 1)) {
        return true;
      }
    }
    return failure.getCause() != failure && reveals(failure.getCause(), password, depth + 1);
  }
}

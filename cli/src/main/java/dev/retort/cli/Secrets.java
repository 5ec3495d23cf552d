package dev.retort.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of what the command line prints. A password reaches Retort as an option,
 * in the environment, in the configuration file, or inside the JDBC URL; drivers and Retort's own
 * messages quote the URL, so everything the command line prints goes through here first.
 *
 * <p>The passwords it knows are the configured one and those inside the configured URL, read the
 * way its driver reads them: PostgreSQL's {@code password=} runs to the next {@code &} (and is
 * URL-decoded), as do MariaDB's and MySQL's; H2's {@code PASSWORD=} runs to the next {@code ;};
 * a {@code //user:password@host} part runs to its {@code @}. So a password with {@code ;},
 * {@code ?}, {@code )} or spaces in it is masked whole.
 *
 * <p>Where a password is written, it is always masked, however short: after {@code password=} or
 * {@code pwd=} (any case, also {@code sslpassword=} and the like), and between {@code //user:}
 * and {@code @}; a value this instance does not know is masked there up to the next {@code &},
 * {@code ;} or whitespace. Anywhere else a known password is masked only as a whole word (no
 * letter, digit or {@code _} either side) and only when it has at least {@value
 * #SHORTEST_MASKED_ANYWHERE} characters: a short password such as {@code sa} is too likely to be
 * an ordinary word of the message, and {@code postgres} must not turn {@code jdbc:postgresql:}
 * into {@code jdbc:****ql:}. A word equal to a password is masked even where it is a user or
 * database name, since printing it would print the password.
 */
final class Secrets {

  static final String MASK = "****";

  /** Below this length a password is masked only where a password is written. */
  static final int SHORTEST_MASKED_ANYWHERE = 6;

  private static final String KEY = "(?i)((?:password|pwd)\\s*=)";

  /** A value after {@code password=} that no known password matched. */
  private static final Pattern UNKNOWN_VALUE = Pattern.compile(KEY + "[^&;\\s]*");

  /** {@code //user:password@host}, for a password not known. */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]*@");

  private static final Secrets NONE = new Secrets(List.of());

  /** The known passwords, longest first, so that one inside another is not masked first. */
  private final List<String> values;

  private Secrets(Collection<String> values) {
    List<String> sorted = new ArrayList<>(new LinkedHashSet<>(values));
    sorted.removeIf(value -> value == null || value.isEmpty());
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.values = List.copyOf(sorted);
  }

  static Secrets none() {
    return NONE;
  }

  /** The passwords given, and those that each URL carries as its driver reads it. */
  static Secrets of(Collection<String> passwords, Collection<String> urls) {
    List<String> values = new ArrayList<>();
    for (String password : passwords) {
      if (password != null) {
        values.add(password);
      }
    }
    for (String url : urls) {
      values.addAll(passwordsIn(url));
    }
    return values.isEmpty() ? NONE : new Secrets(values);
  }

  /** The password given and those the URL carries. */
  static Secrets of(String password, String url) {
    List<String> passwords = new ArrayList<>();
    passwords.add(password);
    List<String> urls = new ArrayList<>();
    urls.add(url);
    return of(passwords, urls);
  }

  /** These passwords and the other's. */
  Secrets and(Secrets other) {
    if (other.values.isEmpty()) {
      return this;
    }
    List<String> all = new ArrayList<>(values);
    all.addAll(other.values);
    return new Secrets(all);
  }

  /** The text with every password in it masked. */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String value : values) {
      String quoted = Pattern.quote(value);
      masked = Pattern.compile(KEY + quoted).matcher(masked)
          .replaceAll("$1" + Matcher.quoteReplacement(MASK));
      masked = Pattern.compile("(//[^/:@\\s]*:)" + quoted + "@").matcher(masked)
          .replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    }
    masked = UNKNOWN_VALUE.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    masked = USER_INFO.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    for (String value : values) {
      if (value.length() >= SHORTEST_MASKED_ANYWHERE) {
        masked = Pattern.compile("(?<![\\p{Alnum}_])" + Pattern.quote(value)
            + "(?![\\p{Alnum}_])").matcher(masked).replaceAll(Matcher.quoteReplacement(MASK));
      }
    }
    return masked;
  }

  /** As {@code Secrets.of(password, null).redact(text)}. */
  static String redact(String text, String password) {
    return of(password, null).redact(text);
  }

  /**
   * As {@link #redact}, and each of these command-line values, however short, where picocli's
   * messages quote an argument: {@code 'value'}, or {@code '--flag=value'}.
   */
  String redactArguments(String text, List<String> arguments) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String value : arguments) {
      masked = masked.replace("'" + value + "'", "'" + MASK + "'")
          .replace("=" + value + "'", "=" + MASK + "'");
    }
    return and(new Secrets(arguments)).redact(masked);
  }

  /**
   * The passwords inside a JDBC URL, as its driver reads them: each raw, and URL-decoded where
   * the driver decodes it.
   */
  static List<String> passwordsIn(String url) {
    if (url == null) {
      return List.of();
    }
    Set<String> found = new LinkedHashSet<>();
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")) {
      // H2: ;KEY=VALUE settings after the first ';', each value up to the next ';'.
      int settings = url.indexOf(';');
      if (settings >= 0) {
        addValues(found, url.substring(settings + 1), ";", false);
      }
    } else {
      // PostgreSQL, MariaDB, MySQL and most others: ?key=value&... after the first '?', each
      // value up to the next '&'; PostgreSQL URL-decodes it.
      int query = url.indexOf('?');
      if (query >= 0) {
        addValues(found, url.substring(query + 1), "&", true);
      }
      if (!lower.startsWith("jdbc:postgresql:") && !lower.startsWith("jdbc:mariadb:")
          && !lower.startsWith("jdbc:mysql:")) {
        // Drivers Retort does not know: ';'-separated settings too.
        int settings = url.indexOf(';');
        if (settings >= 0) {
          addValues(found, url.substring(settings + 1), ";", false);
        }
      }
    }
    int authority = url.indexOf("//");
    if (authority >= 0) {
      String rest = url.substring(authority + 2);
      int end = firstOf(rest, "/?;");
      String hostPart = end < 0 ? rest : rest.substring(0, end);
      int at = hostPart.lastIndexOf('@');
      int colon = hostPart.indexOf(':');
      if (at > 0 && colon >= 0 && colon < at) {
        found.add(hostPart.substring(colon + 1, at));
      }
    }
    found.remove("");
    return List.copyOf(found);
  }

  private static void addValues(Set<String> found, String parameters, String separator,
      boolean decoded) {
    for (String parameter : parameters.split(Pattern.quote(separator))) {
      int equals = parameter.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String key = parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      if (key.endsWith("password") || key.equals("pwd")) {
        String value = parameter.substring(equals + 1);
        found.add(value);
        if (decoded) {
          try {
            found.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
          } catch (IllegalArgumentException notEncoded) {
            // The driver refuses such a URL; the raw value is what it would quote.
          }
        }
      }
    }
  }

  private static int firstOf(String text, String characters) {
    int first = -1;
    for (char c : characters.toCharArray()) {
      int at = text.indexOf(c);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }
}

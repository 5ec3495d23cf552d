package dev.retort.runtime;

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
 * Keeps passwords out of what is printed: a message, a log line, an exception. A password reaches
 * a tool as a setting of its own or inside a JDBC URL, and drivers quote the URL in their errors,
 * so everything a tool prints about a connection goes through a mask first.
 *
 * <pre>{@code
 * PasswordMask mask = PasswordMask.of(password, url);
 * log.error(mask.mask(e.getMessage()));
 * }</pre>
 *
 * <p>The passwords a mask knows are the ones given and those inside the URLs, read the way each
 * driver reads them: PostgreSQL's {@code password=} runs to the next {@code &} (and is
 * URL-decoded), as do MariaDB's and MySQL's; H2's {@code PASSWORD=} runs to the next {@code ;};
 * a {@code //user:password@host} part runs to its {@code @}. So a password with {@code ;}, {@code
 * ?}, {@code )} or spaces in it is masked whole.
 *
 * <p>Where a password is written, it is always masked, however short: after {@code password=} or
 * {@code pwd=} (any case, also {@code sslpassword=} and the like), and between {@code //user:} and
 * {@code @}; a value the mask does not know is masked there up to the next {@code &}, {@code ;} or
 * whitespace. Anywhere else a known password is masked only as a whole word (no letter, digit or
 * {@code _} either side) and only when it has at least {@value #SHORTEST_MASKED_ANYWHERE}
 * characters: a short password such as {@code sa} is too likely to be an ordinary word of the
 * message, and {@code postgres} must not turn {@code jdbc:postgresql:} into {@code jdbc:****ql:}.
 * A word equal to a password is masked even where it is a user or database name, since printing
 * it would print the password. Instances are immutable and thread-safe; {@link #toString()} shows
 * no password.
 */
public final class PasswordMask {

  /** What a password is replaced with. */
  public static final String MASK = "****";

  /** Below this length a known password is masked only where a password is written. */
  public static final int SHORTEST_MASKED_ANYWHERE = 6;

  private static final String KEY = "(?i)((?:password|pwd)\\s*=)";

  /** A value after {@code password=} that no known password matched. */
  private static final Pattern UNKNOWN_VALUE = Pattern.compile(KEY + "[^&;\\s]*");

  /** {@code //user:password@host}, for a password not known. */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]*@");

  /** How deep {@link #reveals} looks into causes and suppressed exceptions. */
  private static final int MAX_DEPTH = 32;

  private static final PasswordMask NONE = new PasswordMask(List.of());

  /** The known passwords, longest first, so that one inside another is not masked first. */
  private final List<String> values;

  private PasswordMask(Collection<String> values) {
    List<String> sorted = new ArrayList<>(new LinkedHashSet<>(values));
    sorted.removeIf(value -> value == null || value.isEmpty());
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.values = List.copyOf(sorted);
  }

  /** A mask that knows no password: it masks only where a password is written. */
  public static PasswordMask none() {
    return NONE;
  }

  /**
   * A mask for a password and a URL.
   *
   * @param password the password given beside the URL, or {@code null}
   * @param url a JDBC URL, whose passwords are read as its driver reads them, or {@code null}
   */
  public static PasswordMask of(String password, String url) {
    List<String> passwords = new ArrayList<>();
    passwords.add(password);
    List<String> urls = new ArrayList<>();
    urls.add(url);
    return of(passwords, urls);
  }

  /**
   * A mask for the passwords given and those each URL carries.
   *
   * @param passwords passwords; {@code null} elements are ignored
   * @param urls JDBC URLs; {@code null} elements are ignored
   */
  public static PasswordMask of(Collection<String> passwords, Collection<String> urls) {
    List<String> values = new ArrayList<>();
    for (String password : passwords) {
      if (password != null) {
        values.add(password);
      }
    }
    for (String url : urls) {
      values.addAll(passwordsIn(url));
    }
    return values.isEmpty() ? NONE : new PasswordMask(values);
  }

  /** A mask that knows these passwords and the other mask's. */
  public PasswordMask and(PasswordMask other) {
    if (other.values.isEmpty()) {
      return this;
    }
    List<String> all = new ArrayList<>(values);
    all.addAll(other.values);
    return new PasswordMask(all);
  }

  /**
   * The text with every password in it masked.
   *
   * @return {@code null} for {@code null}
   */
  public String mask(String text) {
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

  /**
   * Whether the message of the exception, of a cause or of a suppressed exception (at any depth)
   * would be masked: such an exception must not be printed, nor chained to one that is.
   */
  public boolean reveals(Throwable failure) {
    return reveals(failure, 0);
  }

  private boolean reveals(Throwable failure, int depth) {
    if (failure == null || depth > MAX_DEPTH) {
      return false;
    }
    String message = failure.getMessage();
    if (message != null && !message.equals(mask(message))) {
      return true;
    }
    for (Throwable suppressed : failure.getSuppressed()) {
      if (reveals(suppressed, depth + 1)) {
        return true;
      }
    }
    return failure.getCause() != failure && reveals(failure.getCause(), depth + 1);
  }

  /**
   * The passwords inside a JDBC URL, as its driver reads them: each raw, and URL-decoded where the
   * driver decodes it.
   *
   * @param url a JDBC URL, or {@code null}
   */
  public static List<String> passwordsIn(String url) {
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
        // Drivers not known here: ';'-separated settings too.
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

  /** How many passwords the mask knows; never a password. */
  @Override
  public String toString() {
    return "PasswordMask[" + values.size() + " known]";
  }
}

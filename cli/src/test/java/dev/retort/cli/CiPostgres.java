package dev.retort.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server that {@code .ci/start-databases} starts, for the command line's tests.
 * Without it a test is skipped on a developer's machine and fails in CI ({@code CI=true}).
 */
final class CiPostgres {

  private static final Pattern URL =
      Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?(.*))?");

  private CiPostgres() {}

  /** The server's URL, from {@code RETORT_TEST_POSTGRES_URL}, as its superuser. */
  static String server() {
    String server = System.getenv("RETORT_TEST_POSTGRES_URL");
    if (server == null || server.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("RETORT_TEST_POSTGRES_URL is not set, but CI=true:"
            + " source .ci/start-databases before ./mvnw verify");
      }
      Assumptions.abort("RETORT_TEST_POSTGRES_URL is not set");
    }
    return server;
  }

  /** The URL of another database on the server, with the server URL's parameters (its user=). */
  static String onDatabase(String server, String database) {
    Matcher url = matching(server);
    return url.group(1) + "/" + database + (url.group(3) == null ? "" : url.group(3));
  }

  /** The URL of another database on the server, without parameters, for a user of one's own. */
  static String onDatabaseAsNobody(String server, String database) {
    return matching(server).group(1) + "/" + database;
  }

  private static Matcher matching(String server) {
    Matcher url = URL.matcher(server);
    if (!url.matches()) {
      throw new IllegalStateException("RETORT_TEST_POSTGRES_URL is not a jdbc:postgresql:// URL: "
          + server);
    }
    return url;
  }
}

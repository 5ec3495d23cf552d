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

  /**
   * Whether this JVM has said why its PostgreSQL tests are skipped: surefire shows a skip's
   * reason only in its XML, so the first skip says it on the console, once.
   */
  private static final java.util.concurrent.atomic.AtomicBoolean SKIP_SAID =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** The server's URL, from {@code RETORT_TEST_POSTGRES_URL}, as its superuser. */
  static String server() {
    return server(System.getenv(), System.out, SKIP_SAID);
  }

  /**
   * The server's URL from this environment; without one, fails in CI and otherwise skips the
   * test, saying why on the console the first time ({@code said} remembers it).
   */
  static String server(java.util.Map<String, String> environment,
      java.io.PrintStream console, java.util.concurrent.atomic.AtomicBoolean said) {
    String server = environment.get("RETORT_TEST_POSTGRES_URL");
    if (server == null || server.isBlank()) {
      if ("true".equalsIgnoreCase(environment.get("CI"))) {
        throw new IllegalStateException("RETORT_TEST_POSTGRES_URL is not set, but CI=true:"
            + " source .ci/start-databases before ./mvnw verify");
      }
      if (said.compareAndSet(false, true)) {
        console.println(SKIP_NOTICE);
      }
      Assumptions.abort("RETORT_TEST_POSTGRES_URL is not set");
    }
    return server;
  }

  /** The one console line that says why the PostgreSQL tests are skipped. */
  static final String SKIP_NOTICE = "SKIPPED: the PostgreSQL tests of this module, because"
      + " RETORT_TEST_POSTGRES_URL is not set; run `source .ci/start-databases` first to run"
      + " them (with CI=true they fail instead of skipping).";

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

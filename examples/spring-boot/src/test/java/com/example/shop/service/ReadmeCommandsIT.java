package com.example.shop.service;

import static com.google.common.truth.Truth.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Runs the commands of this module's README from the repository's root, as a reader would, on the
 * jar this build packaged: the start line on embedded H2 and the {@code curl} lines against it,
 * and the PostgreSQL line against a new database on the CI server (its URL and user replaced by
 * the server's), then once more with Spring's AOT-generated initialization. Only {@code
 * SERVER_PORT=0} is added, so that the test never needs port 8080 (the {@code curl} lines go to
 * the port the service reports), and {@code JAVA_TOOL_OPTIONS} asks the JVM for a quicker start.
 * The tests run at once: each service has a port and a database of its own.
 */
@Execution(ExecutionMode.CONCURRENT)
class ReadmeCommandsIT {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path ROOT = MODULE.getParent().getParent();
  private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
  private static final String ADA =
      "[{\"id\":1,\"email\":\"ada@example.com\",\"name\":\"Ada\",\"emailVerified\":false}]";

  @Test
  void theBuildLine_buildsThisModule_andTheStartLine_startsTheJarItPackages() throws Exception {
    List<String> start = block(0);
    String module = ROOT.relativize(MODULE).toString().replace('\\', '/');

    assertThat(start.get(0)).isEqualTo("./mvnw -q -pl " + module + " -am package -DskipTests");
    assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).contains(start.get(0));
    assertThat(start.get(1)).isEqualTo("java -jar " + module
        + "/target/retort-example-spring-boot.jar");
    assertThat(Files.isRegularFile(ROOT.resolve(module)
        .resolve("target/retort-example-spring-boot.jar"))).isTrue();
  }

  @Test
  void onEmbeddedH2_theServiceMigratesAtStartUp_andServesTheCurlLines() throws Exception {
    try (Service service = Service.start(block(0).get(1))) {
      assertThat(service.output()).contains("Applied 7 revisions");
      List<String> answers = curl(service.port());

      assertThat(answers.get(0)).contains("\"email\":\"ada@example.com\"");
      assertThat(answers.get(1)).contains("\"status\":\"PLACED\"");
      assertThat(answers.get(2)).isEqualTo(ADA);
      assertThat(readme()).contains("`/users` answers `" + ADA + "`");
      assertThat(answers.get(3))
          .isEqualTo("[{\"email\":\"ada@example.com\",\"orders\":1,\"spent\":12.50}]");
      assertThat(answers.get(4)).contains("\"current\":[{\"id\":\"e7f4b2c9a016\"");
    }
  }

  @Test
  void onPostgresql_theReadmeLine_migratesANewDatabase_andTheNextStart_withAot_findsNothingToDo()
      throws Exception {
    String server = postgresServer();
    Matcher parts = Pattern.compile("(jdbc:postgresql://[^/?]+)/[^?]*\\?(?:.*&)?user=([^&]+).*")
        .matcher(server);
    assertThat(parts.matches()).isTrue();
    String database = "example_readme_" + UUID.randomUUID().toString().replace("-", "")
        .substring(0, 12);
    execute(server, "create database " + database);
    try {
      String line = block(2).get(0)
          .replaceFirst("SPRING_DATASOURCE_URL=\\S+",
              "SPRING_DATASOURCE_URL=" + parts.group(1) + "/" + database)
          .replaceFirst("SPRING_DATASOURCE_USERNAME=\\S+",
              "SPRING_DATASOURCE_USERNAME=" + parts.group(2));
      try (Service service = Service.start(line)) {
        assertThat(service.output()).contains("Applied 7 revisions");
        assertThat(curl(service.port()).get(2)).isEqualTo(ADA);
      }
      // The next start, with Spring's AOT-generated initialization this time.
      try (Service again = Service.start(
          line.replaceFirst(" java ", " java -Dspring.aot.enabled=true "))) {
        assertThat(again.output()).contains("Starting AOT-processed ShopServiceApplication");
        assertThat(again.output()).contains("Nothing to upgrade: the database is at e7f4b2c9a016");
        assertThat(curl(again.port()).get(2)).contains("\"email\":\"ada@example.com\"");
      }
    } finally {
      execute(server, "drop database if exists " + database + " with (force)");
    }
  }

  // ---- the README ----

  private static String readme() throws IOException {
    return Files.readString(MODULE.resolve("README.md"));
  }

  /** The lines of the README's {@code index}th bash block. */
  private static List<String> block(int index) throws IOException {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : readme().split("\n")) {
      if (line.equals("```bash")) {
        current = new ArrayList<>();
      } else if (line.equals("```") && current != null) {
        blocks.add(current);
        current = null;
      } else if (current != null && !line.isBlank()) {
        current.add(line.strip());
      }
    }
    return blocks.get(index);
  }

  /** The README's curl lines, sent to the port the service reported, and what each printed. */
  private static List<String> curl(int port) throws Exception {
    List<String> answers = new ArrayList<>();
    for (String line : block(1)) {
      assertThat(line).startsWith("curl -s ");
      Process curl = new ProcessBuilder("bash", "-c",
          line.replace("localhost:8080", "localhost:" + port))
          .directory(ROOT.toFile()).redirectErrorStream(true).start();
      String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(curl.waitFor()).isEqualTo(0);
      answers.add(answer.strip());
    }
    return answers;
  }

  // ---- PostgreSQL ----

  private static String postgresServer() {
    String server = System.getenv("RETORT_TEST_POSTGRES_URL");
    if (server == null || server.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("RETORT_TEST_POSTGRES_URL is not set, but CI=true:"
            + " source .ci/start-databases before ./mvnw verify");
      }
      Assumptions.abort("RETORT_TEST_POSTGRES_URL is not set; source .ci/start-databases");
    }
    return server;
  }

  private static void execute(String url, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** A README line running in bash from the repository's root, until it is closed. */
  private static final class Service implements AutoCloseable {

    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final int port;
    private volatile boolean ready;

    private Service(Process process) throws IOException {
      this.process = process;
      // Only a service that hangs without a word meets this: it is stopped, and the output so
      // far fails the test, rather than the build waiting for ever.
      CompletableFuture<Void> watchdog = new CompletableFuture<>();
      watchdog.completeOnTimeout(null, 5, TimeUnit.MINUTES).thenRun(() -> {
        if (!ready) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      });
      BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Integer found = null;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        Matcher started = STARTED.matcher(line);
        if (started.find()) {
          found = Integer.valueOf(started.group(1));
        }
        if (found != null && line.contains("Started ShopServiceApplication")) {
          break;
        }
      }
      if (found == null || !output.toString().contains("Started ShopServiceApplication")) {
        throw new AssertionError("The service did not start:\n" + output);
      }
      this.port = found;
      ready = true;
      watchdog.complete(null);
      Thread drain = new Thread(() -> {
        try {
          lines.transferTo(Writer.nullWriter());
        } catch (IOException closed) {
          // The service was stopped.
        }
      });
      drain.setDaemon(true);
      drain.start();
    }

    static Service start(String line) throws IOException {
      ProcessBuilder bash = new ProcessBuilder("bash", "-c", line)
          .directory(ROOT.toFile()).redirectErrorStream(true);
      bash.environment().put("SERVER_PORT", "0");
      bash.environment().put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
      return new Service(bash.start());
    }

    String output() {
      return output.toString();
    }

    int port() {
      return port;
    }

    /** Stops the service and the shell that started it; forcibly if they do not stop. */
    @Override
    public void close() {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (process.waitFor(1, TimeUnit.MINUTES)) {
          return;
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}

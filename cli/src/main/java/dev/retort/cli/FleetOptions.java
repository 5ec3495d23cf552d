package dev.retort.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import picocli.CommandLine.Option;

/**
 * The options that turn a command into a fleet run: which schemas (a list, a file or a query),
 * how many at once, and whether the first failure stops the rest.
 */
final class FleetOptions {

  @Option(names = "--schemas", paramLabel = "A,B,C", split = ",", description = "Run on each"
      + " of these schemas of the database (its state tables and its tables in it), in"
      + " parallel.")
  List<String> schemas;

  @Option(names = "--schemas-from", paramLabel = "FILE", description = "As --schemas, with the"
      + " names from a file, one per line (# starts a comment).")
  Path schemasFrom;

  @Option(names = "--schemas-query", paramLabel = "SQL", description = "As --schemas, with the"
      + " names a query on the database returns in its first column, e.g. \"select nspname from"
      + " pg_namespace where nspname like 'tenant_%'\".")
  String schemasQuery;

  @Option(names = "--parallel", paramLabel = "N", description = "With --schemas...: how many"
      + " schemas at once (default: twice the processors, at most 8).")
  Integer parallel;

  @Option(names = "--fail-fast", description = "With --schemas...: once a schema fails, start"
      + " no other (by default every schema runs whatever the others do).")
  boolean failFast;

  /**
   * Whether a fleet was asked for.
   *
   * @throws IllegalArgumentException if several lists are given, or --parallel or --fail-fast
   *     without one, or --parallel below 1
   */
  boolean requested() {
    long sources = Arrays.asList(schemas, schemasFrom, schemasQuery).stream()
        .filter(source -> source != null).count();
    if (sources > 1) {
      throw new IllegalArgumentException(CliMessages.severalMemberSources());
    }
    if (sources == 0 && parallel != null) {
      throw new IllegalArgumentException(CliMessages.fleetOptionWithoutMembers("--parallel"));
    }
    if (sources == 0 && failFast) {
      throw new IllegalArgumentException(CliMessages.fleetOptionWithoutMembers("--fail-fast"));
    }
    if (parallel != null && parallel < 1) {
      throw new IllegalArgumentException(CliMessages.parallelAtLeastOne(parallel));
    }
    return sources == 1;
  }

  /**
   * The schemas named, in order.
   *
   * @throws IllegalArgumentException if there are none, the file cannot be read or the query
   *     fails
   */
  List<String> members(DataSource database) {
    if (schemas != null) {
      return nonEmpty(schemas.stream().map(String::strip).filter(s -> !s.isEmpty()).toList(),
          "--schemas");
    }
    if (schemasFrom != null) {
      try {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(schemasFrom)) {
          int comment = line.indexOf('#');
          String name = (comment < 0 ? line : line.substring(0, comment)).strip();
          if (!name.isEmpty()) {
            names.add(name);
          }
        }
        return nonEmpty(names, "--schemas-from " + schemasFrom);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            CliMessages.cannotReadSchemasFile(schemasFrom, String.valueOf(e.getMessage())), e);
      }
    }
    List<String> names = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(schemasQuery)) {
      while (rows.next()) {
        String name = rows.getString(1);
        if (name != null) {
          names.add(name.strip());
        }
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException(
          CliMessages.schemasQueryFailed(LogSink.oneLine(e)), e);
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException(CliMessages.schemasQueryEmpty());
    }
    return names;
  }

  private static List<String> nonEmpty(List<String> names, String option) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException(CliMessages.noSchemasListed(option));
    }
    return names;
  }
}

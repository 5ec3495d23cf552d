package dev.retort.cli;

import dev.retort.autogenerate.Autogenerate;
import dev.retort.runtime.OfflineSchema;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.Status;
import dev.retort.runtime.UrlDataSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.jooq.Meta;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;
import picocli.CommandLine.Option;

/**
 * The two schemas autogenerate compares, as the options choose them. What the migrations build:
 * the schema at the current head, computed from the registry without a database, or with {@code
 * --against-database} the configured database, which must be at head. What is wanted: the schema
 * file ({@code --schema FILE}, or {@code schema.file} in retort.properties), or with {@code
 * --from-database URL} a live database, connected with the configured user and password.
 */
final class SchemaSources {

  /** The retort.properties key naming the schema file, relative to the properties file. */
  static final String SCHEMA_FILE_KEY = "schema.file";

  @Option(names = "--schema", paramLabel = "FILE", arity = "0..1", fallbackValue = "",
      description = "The schema file: DDL of the schema wanted at head (default: schema.file in"
          + " the configuration file). check --schema compares with it.")
  String schemaFile;

  @Option(names = "--against-database",
      description = "Compare with the configured database, which must be at head, instead of"
          + " the schema the migrations build (computed without a database).")
  boolean againstDatabase;

  @Option(names = "--from-database", paramLabel = "JDBC_URL",
      description = "Take the wanted schema from this database instead of the schema file"
          + " (user and password as configured): on an empty history, a baseline revision.")
  String fromDatabase;

  @Option(names = "--dialect", paramLabel = "DIALECT",
      description = "jOOQ dialect of the schema file and the migrations (default: from the URL,"
          + " or H2 without one).")
  SQLDialect dialect;

  /** The dialect: the option, else the configured URL's, else H2. */
  SQLDialect dialect(Config config) {
    if (dialect != null) {
      return dialect;
    }
    String url = fromDatabase != null && config.url() == null ? fromDatabase : config.url();
    return url == null ? SQLDialect.H2 : JDBCUtils.dialect(url);
  }

  /**
   * The schema the revisions up to {@code revises} build; empty for none.
   *
   * @throws IllegalArgumentException if a revision is not in the compiled registry
   */
  Meta migrations(DatabaseOptions database, Config config, Autogenerate autogenerate,
      List<String> revises, java.io.PrintWriter err) {
    if (againstDatabase) {
      Retort retort = database.retort();
      Status status = retort.check();
      if (!status.upToDate()) {
        throw new IllegalStateException(CliMessages.targetNotUpToDate(
            status.current().stream().map(RevisionInfo::id).toList()));
      }
      return live(config.requireUrl(), config, autogenerate.dialect());
    }
    if (revises.isEmpty()) {
      return DSL.using(autogenerate.dialect()).meta(new Query[0]);
    }
    Retort offline = database.retort("jdbc:offline:");
    for (String id : revises) {
      if (offline.registry().revision(id).isEmpty()) {
        throw new IllegalArgumentException(CliMessages.notInCompiledRegistry(id));
      }
    }
    OfflineSchema.Schema schema = OfflineSchema.of(offline.registry(), autogenerate.dialect(),
        settings(config)).schemaAt(revises.toArray(String[]::new));
    for (OfflineSchema.LeftOut leftOut : schema.leftOut()) {
      err.println(CliMessages.leftOutOfComparison(leftOut.revision().id(),
          leftOut.statement().orElse(null), leftOut.reason()));
    }
    return schema.meta();
  }

  /**
   * The schema wanted: the live database of {@code --from-database}, or the schema file.
   *
   * @throws IllegalArgumentException if no schema file is configured
   */
  Meta wanted(Config config, Autogenerate autogenerate) {
    if (fromDatabase != null) {
      return live(fromDatabase, config, autogenerate.dialect());
    }
    return autogenerate.schemaFile(schemaFile(config));
  }

  /** Whether {@code --schema} was given, with or without a file. */
  boolean schemaRequested() {
    return schemaFile != null;
  }

  /** The schema file, from the option or the configuration file. */
  Path schemaFile(Config config) {
    if (schemaFile != null && !schemaFile.isEmpty()) {
      return Path.of(schemaFile);
    }
    Properties properties = new Properties();
    if (Files.exists(config.file())) {
      try (Reader reader = Files.newBufferedReader(config.file())) {
        properties.load(reader);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            CliMessages.cannotReadConfiguration(config.file(), e.getMessage()), e);
      }
    }
    String file = properties.getProperty(SCHEMA_FILE_KEY);
    if (file == null || file.isBlank()) {
      throw new IllegalArgumentException(CliMessages.noSchemaFile(SCHEMA_FILE_KEY, config.file()));
    }
    return config.file().toAbsolutePath().getParent().resolve(file.strip());
  }

  private static RetortSettings settings(Config config) {
    return RetortSettings.defaults().withSchema(config.schema())
        .withVersionTable(config.versionTable()).withHistoryTable(config.historyTable());
  }

  /** A live database's schema, read whole before the connection closes. */
  private static Meta live(String url, Config config, SQLDialect dialect) {
    UrlDataSource dataSource = UrlDataSource.of(url, config.user(), config.password());
    try (Connection connection = dataSource.getConnection()) {
      String schema = connection.getSchema();
      Meta meta = DSL.using(connection, dialect).meta()
          .filterSchemas(s -> schema == null || s.getName().equalsIgnoreCase(schema));
      return DSL.using(dialect).meta(meta.ddl().queries());
    } catch (SQLException e) {
      throw new IllegalStateException(CliMessages.cannotReadSchema(url, e.getMessage()), e);
    }
  }
}

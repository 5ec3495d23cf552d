package dev.retort.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The history every benchmark uses, written for each tool: revision i creates table {@code ti};
 * every 10th also adds a column to the previous table and indexes it. Retort's migrations use
 * the jOOQ DSL, as Retort's users write them; the other tools get the very statements that DSL
 * renders for the database, so every tool runs the same SQL.
 */
public final class Workload {

  static {
    // Rendering the statements is the first use of jOOQ here; its banner is not a figure.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  /** The package the Retort migrations are generated in. */
  public static final String RETORT_PACKAGE = "bench.retort";

  /** The package Flyway's Java migrations are generated in (its classpath location). */
  public static final String FLYWAY_PACKAGE = "bench.flyway";

  private final int revisions;

  public Workload(int revisions) {
    this.revisions = revisions;
  }

  public int revisions() {
    return revisions;
  }

  public static String id(int i) {
    return "r" + i;
  }

  /** Revision i's statements, built with the same DSL calls the Retort migration makes. */
  static List<Query> queries(DSLContext db, int i) {
    List<Query> queries = new ArrayList<>();
    queries.add(db.createTable("t" + i)
        .column("id", SQLDataType.INTEGER.nullable(false))
        .column("name", SQLDataType.VARCHAR(100))
        .primaryKey("id"));
    if (i % 10 == 0) {
      queries.add(db.alterTable("t" + (i - 1)).addColumn("c" + i, SQLDataType.INTEGER));
      queries.add(db.createIndex("ix" + i).on("t" + (i - 1), "c" + i));
    }
    return queries;
  }

  /** Revision i's statements as SQL text for the dialect (i from 1). */
  public List<String> statements(int i, SQLDialect dialect) {
    return queries(DSL.using(dialect), i).stream().map(Query::getSQL).toList();
  }

  /** Writes the Retort migrations, one class per revision as {@code retort create} would. */
  public List<Path> writeRetortSources(Path root) throws IOException {
    Path folder = packageFolder(root, RETORT_PACKAGE);
    List<Path> files = new ArrayList<>(revisions);
    for (int i = 1; i <= revisions; i++) {
      String revises = i == 1 ? "" : ", revises = \"" + id(i - 1) + "\"";
      String indexed = i % 10 != 0 ? "" : """
                db.alterTable("t%1$d").addColumn("c%2$d", SQLDataType.INTEGER).execute();
                db.createIndex("ix%2$d").on("t%1$d", "c%2$d").execute();
          """.formatted(i - 1, i);
      String unindexed = i % 10 != 0 ? "" : """
                db.dropIndex("ix%2$d").on("t%1$d").execute();
                db.alterTable("t%1$d").dropColumn("c%2$d").execute();
          """.formatted(i - 1, i);
      Path file = folder.resolve("V" + i + ".java");
      Files.writeString(file, """
          package %1$s;

          import dev.retort.annotations.Revision;
          import dev.retort.runtime.Migration;
          import org.jooq.DSLContext;
          import org.jooq.impl.SQLDataType;

          @Revision(id = "%2$s"%3$s, message = "Create t%4$d")
          public final class V%4$d implements Migration {
            @Override
            public void upgrade(DSLContext db) {
              db.createTable("t%4$d")
                  .column("id", SQLDataType.INTEGER.nullable(false))
                  .column("name", SQLDataType.VARCHAR(100))
                  .primaryKey("id")
                  .execute();
          %5$s  }

            @Override
            public void downgrade(DSLContext db) {
          %6$s    db.dropTable("t%4$d").execute();
            }
          }
          """.formatted(RETORT_PACKAGE, id(i), revises, i, indexed, unindexed));
      files.add(file);
    }
    return files;
  }

  /** Writes Flyway Java migrations running the dialect's statements through JDBC. */
  public List<Path> writeFlywayJavaSources(Path root, SQLDialect dialect) throws IOException {
    Path folder = packageFolder(root, FLYWAY_PACKAGE);
    List<Path> files = new ArrayList<>(revisions);
    for (int i = 1; i <= revisions; i++) {
      StringBuilder body = new StringBuilder();
      for (String sql : statements(i, dialect)) {
        body.append("      statement.execute(\"").append(sql.replace("\"", "\\\""))
            .append("\");\n");
      }
      Path file = folder.resolve("V" + i + "__Create_t" + i + ".java");
      Files.writeString(file, """
          package %1$s;

          import java.sql.Statement;
          import org.flywaydb.core.api.migration.BaseJavaMigration;
          import org.flywaydb.core.api.migration.Context;

          public final class V%2$d__Create_t%2$d extends BaseJavaMigration {
            @Override
            public void migrate(Context context) throws Exception {
              try (Statement statement = context.getConnection().createStatement()) {
          %3$s      }
            }
          }
          """.formatted(FLYWAY_PACKAGE, i, body));
      files.add(file);
    }
    return files;
  }

  /** Writes Flyway SQL migrations with the dialect's statements. */
  public void writeFlywaySql(Path folder, SQLDialect dialect) throws IOException {
    Files.createDirectories(folder);
    for (int i = 1; i <= revisions; i++) {
      StringBuilder script = new StringBuilder();
      for (String sql : statements(i, dialect)) {
        script.append(sql).append(";\n");
      }
      Files.writeString(folder.resolve("V" + i + "__Create_t" + i + ".sql"), script);
    }
  }

  private static Path packageFolder(Path root, String packageName) throws IOException {
    return Files.createDirectories(root.resolve(packageName.replace('.', '/')));
  }
}

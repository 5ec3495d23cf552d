package dev.retort.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DDLExportConfiguration;
import org.jooq.DDLFlag;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Schema;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The schema a project expects at head: a DDL script, or the schema of jOOQ-generated classes.
 * To be compared with what the migrations build, it is created in a database of the same kind,
 * so that both are read back the same way.
 */
public final class ExpectedSchema {

  private final String description;
  private final java.util.function.Function<DSLContext, List<Query>> statements;

  private ExpectedSchema(String description,
      java.util.function.Function<DSLContext, List<Query>> statements) {
    this.description = description;
    this.statements = statements;
  }

  /** A DDL script, statements separated by semicolons, in the dialect of the database. */
  public static ExpectedSchema ddl(String script) {
    return new ExpectedSchema("the DDL script", db -> List.of(db.parser().parse(script).queries()));
  }

  /** A DDL script in a file. */
  public static ExpectedSchema ddlFile(Path file) {
    try {
      String script = Files.readString(file);
      ExpectedSchema schema = ddl(script);
      return new ExpectedSchema("the DDL script " + file, schema.statements);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the expected schema " + file, e);
    }
  }

  /** The tables of a jOOQ-generated schema ({@code Public.PUBLIC}, say). */
  public static ExpectedSchema of(Schema schema) {
    // Tables, keys and indexes only, unqualified: created in the test database's own schema.
    return new ExpectedSchema("the jOOQ schema " + schema.getName(),
        db -> List.of(DSL.using(db.configuration().derive(new Settings().withRenderSchema(false)))
            .ddl(schema, new DDLExportConfiguration().flags(DDLFlag.TABLE, DDLFlag.PRIMARY_KEY,
                DDLFlag.UNIQUE, DDLFlag.FOREIGN_KEY, DDLFlag.CHECK, DDLFlag.INDEX))
            .queries()));
  }

  List<Query> statements(DSLContext db) {
    return statements.apply(db);
  }

  @Override
  public String toString() {
    return description;
  }
}

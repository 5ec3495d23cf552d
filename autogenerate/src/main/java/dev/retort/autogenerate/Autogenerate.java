package dev.retort.autogenerate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jooq.Meta;
import org.jooq.SQLDialect;

/**
 * Compares the schema the migrations build with the schema a project wants, and writes the
 * revision for the difference: Alembic's autogenerate, without a database. Immutable.
 *
 * <pre>{@code
 * Autogenerate autogenerate = Autogenerate.of(SQLDialect.POSTGRES);
 * Meta migrations = OfflineSchema.of(Revisions.REGISTRY, SQLDialect.POSTGRES).schemaAt("heads").meta();
 * SchemaDiff diff = autogenerate.compare(migrations, autogenerate.schemaFile(Path.of("schema.sql")));
 * assertThat(diff.detected()).isEmpty();      // a drift check in a test
 * }</pre>
 *
 * <p>Names are compared as a person writes them: a plain name regardless of case ({@code users}
 * is the {@code USERS} H2 stores), a quoted one exactly. Retort's own tables ({@code
 * retort_version}, {@code retort_history}, {@code retort_lock}) are never part of a comparison.
 */
public final class Autogenerate {

  private static final Set<String> RETORT_TABLES =
      Set.of("retort_version", "retort_history", "retort_lock");

  private final SQLDialect dialect;
  private final Predicate<String> ignoredTables;

  private Autogenerate(SQLDialect dialect, Predicate<String> ignoredTables) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.ignoredTables = ignoredTables;
  }

  /** Autogenerate for a dialect: the schema file is parsed in it, fallback SQL rendered in it. */
  public static Autogenerate of(SQLDialect dialect) {
    return new Autogenerate(dialect,
        table -> RETORT_TABLES.contains(table.toLowerCase(Locale.ROOT)));
  }

  /**
   * A copy that also leaves out the tables (and views) whose name, as the database or file
   * spells it, the predicate accepts: the state tables under other names, say.
   */
  public Autogenerate ignoringTables(Predicate<String> tables) {
    return new Autogenerate(dialect, ignoredTables.or(tables));
  }

  /** The dialect the schema file is parsed in and fallback SQL is rendered in. */
  public SQLDialect dialect() {
    return dialect;
  }

  /**
   * The schema a file of DDL statements declares, parsed by jOOQ's parser in the dialect and
   * interpreted without a database.
   *
   * @throws SchemaFileException if the file cannot be read, a statement cannot be parsed, or a
   *     statement does not apply to the schema before it; one line naming the file and line
   */
  public Meta schemaFile(Path file) {
    return SchemaFile.load(file, dialect);
  }

  /**
   * What differs between the schema the migrations build and the schema wanted, and the revision
   * that makes the one into the other: its upgrade goes from {@code migrations} to {@code
   * wanted}, its downgrade back.
   *
   * @param migrations the schema at head (from the DDL interpreter, or a database at head)
   * @param wanted the schema wanted (from {@link #schemaFile}, or a live database's meta data)
   */
  public SchemaDiff compare(Meta migrations, Meta wanted) {
    ModelReader reader = new ModelReader(dialect);
    Predicate<String> kept = ignoredTables.negate();
    SchemaModel current = reader.read(migrations, kept);
    SchemaModel target = reader.read(wanted, kept);
    return SchemaDiff.of(Comparison.changes(current, target),
        new JavaWriter(new FallbackSql(dialect)));
  }
}

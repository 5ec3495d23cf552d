package dev.retort.jooq;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.meta.SchemaDefinition;
import org.jooq.meta.h2.H2Database;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * A jOOQ-meta database whose schema is what the project's migrations build: jOOQ's code
 * generator gets {@code Tables}, {@code Keys}, records and the rest straight from the {@code
 * @Revision} classes, with no database server and no SQL scripts. Name it in the code
 * generator's configuration:
 *
 * <pre>{@code
 * <database>
 *   <name>dev.retort.jooq.RetortDatabase</name>
 *   <properties>
 *     <property><key>dialect</key><value>POSTGRES</value></property>
 *   </properties>
 * </database>
 * }</pre>
 *
 * <p>It finds the registry on the generator's classpath, applies every revision to a private
 * in-memory H2 database in the compatibility mode of the configured dialect, drops Retort's
 * state tables (unless {@code includeStateTables} is {@code true}), and lets jOOQ's H2 support
 * read the result. The properties are described in {@link CodegenSettings}.
 *
 * <p>H2 imitates a dialect only so far: statements and types only the production database has
 * (PostgreSQL's range and network types, {@code CREATE INDEX CONCURRENTLY}, partial indexes)
 * fail the generation naming the revision, a type H2 knows by another name comes out as H2
 * stores it ({@code jsonb} as {@code JSON}), and a migration that branches on {@code
 * db.dialect()} takes its H2 branch here.
 */
public class RetortDatabase extends H2Database {

  /** H2's own schemas, and those its compatibility modes add; never the migrations'. */
  private static final Set<String> SYSTEM_SCHEMAS = Set.of("INFORMATION_SCHEMA", "PG_CATALOG");

  private Connection connection;
  private CodegenSettings settings;

  /** Creates the database; jOOQ's generator configures it afterwards. */
  public RetortDatabase() {}

  /**
   * jOOQ-meta's queries on the database at head. Where H2 folds unquoted names to lower case
   * (the modes of PostgreSQL and MySQL), its own {@code INFORMATION_SCHEMA} is in lower case
   * too, so the queries name it unquoted.
   */
  @Override
  protected DSLContext create0() {
    Connection atHead = connection();
    return settings.dialect().lowerCase()
        ? DSL.using(atHead, SQLDialect.H2,
            new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER))
        : DSL.using(atHead, SQLDialect.H2);
  }

  /** The in-memory database at head, built on first use. */
  private Connection connection() {
    if (connection == null) {
      try {
        settings = CodegenSettings.from(getProperties());
        connection = SchemaAtHead.build(settings, Registries.find(settings.registry()));
      } catch (IllegalArgumentException | IllegalStateException ours) {
        // A property, the registry or a migration: the message says which, and the fix.
        throw new DataAccessException(ours.getMessage(), ours);
      } catch (SQLException | RuntimeException e) {
        throw new DataAccessException(Messages.cannotApply(String.valueOf(e.getMessage())), e);
      }
    }
    return connection;
  }

  /** Closes the connection, which ends the in-memory database. */
  @Override
  public void close() {
    JDBCUtils.safeClose(connection);
    connection = null;
    super.close();
  }

  /** The schemas the migrations created, without H2's own. */
  @Override
  protected List<SchemaDefinition> getSchemata0() throws SQLException {
    List<SchemaDefinition> schemata = new ArrayList<>(super.getSchemata0());
    schemata.removeIf(schema ->
        SYSTEM_SCHEMAS.contains(schema.getName().toUpperCase(Locale.ROOT)));
    return schemata;
  }

  /** H2's default schema without a name, unless {@code unqualifiedSchema} says otherwise. */
  @Override
  public String getOutputSchema(String inputCatalog, String inputSchema) {
    String outputSchema = super.getOutputSchema(inputCatalog, inputSchema);
    return unqualified(outputSchema) ? "" : outputSchema;
  }

  /** As {@link #getOutputSchema(String, String)}, for generators that still call this one. */
  @Override
  @Deprecated
  public String getOutputSchema(String inputSchema) {
    String outputSchema = super.getOutputSchema(inputSchema);
    return unqualified(outputSchema) ? "" : outputSchema;
  }

  private boolean unqualified(String schema) {
    return (settings == null || settings.unqualifiedDefaultSchema())
        && "PUBLIC".equalsIgnoreCase(schema);
  }
}

package dev.retort.testing;

import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * A live database's schema, without Retort's own tables (named as the settings name them), read
 * through jOOQ's {@code meta()}.
 */
final class LiveSchema {

  private final Set<String> retortTables;

  LiveSchema(RetortSettings settings) {
    this.retortTables = Set.of(lower(settings.versionTable()), lower(settings.historyTable()),
        lower(settings.lockTable()));
  }

  SchemaSnapshot snapshot(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      DSLContext db = DSL.using(connection, JDBCUtils.dialect(connection));
      String schema = connection.getSchema();
      Meta meta = db.meta().filterSchemas(s -> schema == null || s.getName().equalsIgnoreCase(
          schema));
      return SchemaSnapshot.of(meta, table -> !isRetorts(table));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the test database's schema: "
          + e.getMessage(), e);
    }
  }

  /** The DDL that would turn one live schema into another, for a failure message. */
  String migration(DataSource from, DataSource to) {
    try (Connection source = from.getConnection(); Connection target = to.getConnection()) {
      DSLContext db = DSL.using(source, JDBCUtils.dialect(source));
      Meta fromMeta = withoutRetortTables(db.meta(), source.getSchema());
      Meta toMeta = withoutRetortTables(DSL.using(target, JDBCUtils.dialect(target)).meta(),
          target.getSchema());
      return fromMeta.migrateTo(toMeta).toString();
    } catch (SQLException | RuntimeException e) {
      return "(no DDL: " + e.getMessage() + ")";
    }
  }

  private Meta withoutRetortTables(Meta meta, String schema) {
    return meta.filterSchemas(s -> schema == null || s.getName().equalsIgnoreCase(schema))
        .filterTables(table -> !isRetorts(table));
  }

  private boolean isRetorts(Table<?> table) {
    return retortTables.contains(lower(table.getName()));
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}

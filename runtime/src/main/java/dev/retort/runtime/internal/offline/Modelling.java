package dev.retort.runtime.internal.offline;

import java.util.List;
import org.jooq.Query;

/**
 * A migration's recorded statements as jOOQ's DDL interpreter can take them, or why it cannot.
 */
public sealed interface Modelling {

  /**
   * Statements the interpreter can be given.
   *
   * @param ddl the DDL, parsed, in order
   * @param changesData whether the migration also writes data (INSERT, UPDATE, DELETE, MERGE,
   *     TRUNCATE), which leaves the schema as it is but is not modelled
   * @param leftOut statements the parser cannot read that define what the model has no place
   *     for (functions, procedures, triggers, types, roles)
   */
  record Modelled(List<Ddl> ddl, boolean changesData, List<String> leftOut)
      implements Modelling {
    public Modelled {
      ddl = List.copyOf(ddl);
      leftOut = List.copyOf(leftOut);
    }
  }

  /** The migration reads data: what it runs depends on the database's contents. */
  record ReadsData(String read) implements Modelling {}

  /** The migration runs statements that are neither DDL nor data changes (CALL, ANALYZE). */
  record NotDdl(String verb, String sql) implements Modelling {}

  /** The parser cannot read a DDL statement that may change tables. */
  record Unreadable(String sql, String reason) implements Modelling {}

  /** The migration threw while its statements were recorded. */
  record Threw(RuntimeException failure) implements Modelling {}

  /** One DDL statement, as rendered and as the interpreter takes it. */
  record Ddl(String sql, Query query) {}
}

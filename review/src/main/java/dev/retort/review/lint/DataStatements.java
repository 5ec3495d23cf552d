package dev.retort.review.lint;

import dev.retort.review.schema.Names;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Query;
import org.jooq.impl.QOM;

/** The table an {@code UPDATE} or {@code DELETE} changes, and whether it says which rows. */
final class DataStatements {

  static final String UPDATE = "UPDATE";
  static final String DELETE = "DELETE FROM";

  private DataStatements() {}

  /** A data change the rules judge. */
  record DataChange(String verb, String table, boolean everyRow) {}

  static Optional<DataChange> of(Query query) {
    if (query instanceof QOM.Update<?> update) {
      return Optional.of(new DataChange(UPDATE, Names.key(update.$table()),
          everyRow(update.$where())));
    }
    if (query instanceof QOM.Delete<?> delete) {
      return Optional.of(new DataChange(DELETE, Names.key(delete.$from()),
          everyRow(delete.$where())));
    }
    return Optional.empty();
  }

  private static boolean everyRow(Condition where) {
    return where == null || where instanceof QOM.True;
  }
}

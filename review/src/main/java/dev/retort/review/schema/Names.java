package dev.retort.review.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jooq.Name;
import org.jooq.Named;

/**
 * How the review names tables, columns, constraints and indexes, and matches them: the parts of
 * the qualified name without quotes, joined by dots, in lower case, as {@code
 * dev.retort.runtime.SchemaSnapshot} compares schemas. A migration may write {@code ORDERS} in one
 * statement and {@code orders} in the next; both name one table.
 */
public final class Names {

  private Names() {}

  /** The key of anything jOOQ names: a table, a constraint, an index. */
  public static String key(Named named) {
    return key(named.getQualifiedName());
  }

  /** The key of a name, its empty parts (an unnamed default schema) left out. */
  public static String key(Name name) {
    return fold(Arrays.stream(name.getName()).filter(part -> part != null && !part.isEmpty())
        .collect(Collectors.joining(".")));
  }

  /** The unqualified key of a field: its own name, without its table's. */
  public static String column(Named field) {
    return fold(field.getUnqualifiedName().last());
  }

  static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}

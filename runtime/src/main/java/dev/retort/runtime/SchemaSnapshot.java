package dev.retort.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Index;
import org.jooq.Meta;
import org.jooq.Table;
import org.jooq.UniqueKey;

/**
 * A schema as comparable text: one line per table, column, key and index, sorted, so that two
 * schemas are equal exactly when their lines are, whatever order the tables were created or the
 * columns added in. Indexes are compared by table, columns and uniqueness, not by name. Built from any jOOQ {@link Meta}: a live database's ({@code db.meta()}) or
 * the DDL interpreter's.
 */
public final class SchemaSnapshot {

  private final List<String> lines;

  private SchemaSnapshot(List<String> lines) {
    this.lines = List.copyOf(lines);
  }

  /** The tables of the meta data that the filter accepts. */
  public static SchemaSnapshot of(Meta meta, Predicate<Table<?>> include) {
    TreeSet<String> lines = new TreeSet<>();
    for (Table<?> table : meta.getTables()) {
      if (!include.test(table)) {
        continue;
      }
      String name = lower(table.getName());
      lines.add("table " + name);
      for (Field<?> field : table.fields()) {
        lines.add("column " + name + "." + lower(field.getName()) + " "
            + lower(field.getDataType().getCastTypeName())
            + (field.getDataType().nullable() ? "" : " not null"));
      }
      UniqueKey<?> primaryKey = table.getPrimaryKey();
      if (primaryKey != null) {
        lines.add("primary key " + name + " (" + columns(primaryKey.getFields()) + ")");
      }
      for (UniqueKey<?> unique : table.getUniqueKeys()) {
        lines.add("unique " + name + " (" + columns(unique.getFields()) + ")");
      }
      for (ForeignKey<?, ?> reference : table.getReferences()) {
        lines.add("foreign key " + name + " (" + columns(reference.getFields()) + ") references "
            + lower(reference.getKey().getTable().getName()) + " ("
            + columns(reference.getKeyFields()) + ")");
      }
      for (Index index : table.getIndexes()) {
        // Without its name: databases name the indexes behind constraints themselves, and H2
        // renames them whenever it rebuilds a table, so the name would differ run to run.
        lines.add("index " + name + (index.getUnique() ? " unique" : "") + " ("
            + index.getFields().stream()
            .map(sort -> lower(sort.getName())).reduce((a, b) -> a + ", " + b).orElse("")
            + ")");
      }
    }
    return new SchemaSnapshot(new ArrayList<>(lines));
  }

  /** Every table the meta data holds. */
  public static SchemaSnapshot of(Meta meta) {
    return of(meta, table -> true);
  }

  /** The snapshot's lines, sorted: one per table, column, key and index. */
  public List<String> lines() {
    return lines;
  }

  /**
   * What differs, as lines this snapshot lacks ({@code +}, present in the other) and has that the
   * other lacks ({@code -}); empty when the two are equal.
   */
  public List<String> differenceTo(SchemaSnapshot other) {
    List<String> difference = new ArrayList<>();
    for (String line : lines) {
      if (!other.lines.contains(line)) {
        difference.add("- " + line);
      }
    }
    for (String line : other.lines) {
      if (!lines.contains(line)) {
        difference.add("+ " + line);
      }
    }
    return difference;
  }

  private static String columns(Collection<? extends Field<?>> fields) {
    return fields.stream().map(field -> lower(field.getName()))
        .reduce((a, b) -> a + ", " + b).orElse("");
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SchemaSnapshot snapshot && snapshot.lines.equals(lines);
  }

  @Override
  public int hashCode() {
    return lines.hashCode();
  }

  @Override
  public String toString() {
    return String.join("\n", lines);
  }
}

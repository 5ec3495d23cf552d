package dev.retort.review.schema;

import dev.retort.review.schema.Change.Column;
import dev.retort.review.schema.Change.Constraint;
import dev.retort.review.schema.Change.ConstraintKind;
import dev.retort.review.schema.Change.Index;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.Check;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Meta;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;

/**
 * What differs between two schemas, as {@link Change}s in a fixed order: tables by name, and
 * within a table its columns in table order, then its constraints, then its indexes. A table or
 * column that disappears while exactly one other appears in its place, with the same columns or
 * the same type at the same position, was renamed: one statement cannot do anything else that
 * looks like that.
 */
public final class SchemaDiff {

  private final DSLContext renderer;

  /** A diff that writes types, defaults and conditions as the dialect of {@code renderer} does. */
  public SchemaDiff(DSLContext renderer) {
    this.renderer = renderer;
  }

  /** A diff in a dialect. */
  public static SchemaDiff in(org.jooq.SQLDialect dialect) {
    return new SchemaDiff(DSL.using(dialect));
  }

  /** The changes that lead from {@code before} to {@code after}. */
  public List<Change> between(Meta before, Meta after) {
    Map<String, Table<?>> old = tables(before);
    Map<String, Table<?>> now = tables(after);
    List<String> gone = old.keySet().stream().filter(key -> !now.containsKey(key)).toList();
    List<String> come = now.keySet().stream().filter(key -> !old.containsKey(key)).toList();
    Map<String, String> renamedFrom = new HashMap<>();
    if (gone.size() == 1 && come.size() == 1
        && columnNames(old.get(gone.get(0))).equals(columnNames(now.get(come.get(0))))) {
      renamedFrom.put(come.get(0), gone.get(0));
    }
    List<Change> changes = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(old.keySet());
    names.addAll(now.keySet());
    for (String name : names) {
      if (renamedFrom.containsValue(name)) {
        continue;
      }
      String from = renamedFrom.get(name);
      if (from != null) {
        changes.add(new Change.TableRenamed(from, name));
        compare(name, old.get(from), now.get(name), changes);
      } else if (!now.containsKey(name)) {
        changes.add(new Change.TableDropped(name));
      } else if (!old.containsKey(name)) {
        created(name, now.get(name), changes);
      } else {
        compare(name, old.get(name), now.get(name), changes);
      }
    }
    return changes;
  }

  private void created(String name, Table<?> table, List<Change> changes) {
    changes.add(new Change.TableCreated(name));
    for (Field<?> field : table.fields()) {
      changes.add(new Change.ColumnAdded(name, column(field)));
    }
    constraints(table, Map.of()).values()
        .forEach(constraint -> changes.add(new Change.ConstraintAdded(name, constraint)));
    indexes(table, Map.of()).values()
        .forEach(index -> changes.add(new Change.IndexCreated(name, index)));
  }

  private void compare(String name, Table<?> old, Table<?> now, List<Change> changes) {
    Map<String, Column> before = columns(old);
    Map<String, Column> after = columns(now);
    List<String> gone = before.keySet().stream().filter(c -> !after.containsKey(c)).toList();
    List<String> come = after.keySet().stream().filter(c -> !before.containsKey(c)).toList();
    // Old column names as they are called after this change, for the constraints and indexes.
    Map<String, String> renamed = new HashMap<>();
    if (gone.size() == 1 && come.size() == 1
        && List.copyOf(before.keySet()).indexOf(gone.get(0))
            == List.copyOf(after.keySet()).indexOf(come.get(0))
        && before.get(gone.get(0)).type().equals(after.get(come.get(0)).type())) {
      renamed.put(gone.get(0), come.get(0));
      changes.add(new Change.ColumnRenamed(name, gone.get(0), come.get(0)));
    }
    for (Map.Entry<String, Column> entry : before.entrySet()) {
      if (!after.containsKey(entry.getKey()) && !renamed.containsKey(entry.getKey())) {
        changes.add(new Change.ColumnDropped(name, entry.getValue()));
      }
    }
    for (Map.Entry<String, Column> entry : after.entrySet()) {
      String column = entry.getKey();
      String oldName = renamed.entrySet().stream().filter(e -> e.getValue().equals(column))
          .map(Map.Entry::getKey).findFirst().orElse(column);
      Column was = before.get(oldName);
      if (was == null) {
        changes.add(new Change.ColumnAdded(name, entry.getValue()));
        continue;
      }
      Column is = entry.getValue();
      if (!was.type().equals(is.type())) {
        changes.add(new Change.ColumnTypeChanged(name, column, was.type(), is.type()));
      }
      if (was.nullable() != is.nullable()) {
        changes.add(new Change.NullabilityChanged(name, column, is.nullable()));
      }
      if (!Objects.equals(was.defaultValue(), is.defaultValue())) {
        changes.add(new Change.DefaultChanged(name, column, was.defaultValue(),
            is.defaultValue()));
      }
    }
    Map<String, Constraint> oldConstraints = constraints(old, renamed);
    Map<String, Constraint> newConstraints = constraints(now, Map.of());
    oldConstraints.forEach((key, constraint) -> {
      if (!newConstraints.containsKey(key)) {
        changes.add(new Change.ConstraintDropped(name, constraint));
      }
    });
    newConstraints.forEach((key, constraint) -> {
      if (!oldConstraints.containsKey(key)) {
        changes.add(new Change.ConstraintAdded(name, constraint));
      }
    });
    Map<String, Index> oldIndexes = indexes(old, renamed);
    Map<String, Index> newIndexes = indexes(now, Map.of());
    oldIndexes.forEach((key, index) -> {
      if (!newIndexes.containsKey(key)) {
        changes.add(new Change.IndexDropped(name, index));
      }
    });
    newIndexes.forEach((key, index) -> {
      if (!oldIndexes.containsKey(key)) {
        changes.add(new Change.IndexCreated(name, index));
      }
    });
  }

  private static Map<String, Table<?>> tables(Meta meta) {
    Map<String, Table<?>> tables = new TreeMap<>();
    for (Table<?> table : meta.getTables()) {
      tables.put(Names.key(table), table);
    }
    return tables;
  }

  private static List<String> columnNames(Table<?> table) {
    return List.of(table.fields()).stream().map(Names::column).toList();
  }

  private Map<String, Column> columns(Table<?> table) {
    Map<String, Column> columns = new LinkedHashMap<>();
    for (Field<?> field : table.fields()) {
      Column column = column(field);
      columns.put(column.name(), column);
    }
    return columns;
  }

  private Column column(Field<?> field) {
    Field<?> defaultValue = field.getDataType().defaulted()
        ? field.getDataType().defaultValue() : null;
    return new Column(Names.column(field),
        ColumnType.of(field.getDataType(), renderer.configuration()),
        field.getDataType().nullable(),
        defaultValue == null ? null : renderer.renderInlined(defaultValue),
        field.getDataType().identity());
  }

  /**
   * A table's constraints keyed by kind and name, or for an unnamed one by kind, columns and
   * detail; columns renamed by the statement are called by their new names.
   */
  private Map<String, Constraint> constraints(Table<?> table, Map<String, String> renamed) {
    Map<String, Constraint> constraints = new TreeMap<>();
    UniqueKey<?> primaryKey = table.getPrimaryKey();
    if (primaryKey != null) {
      add(constraints, new Constraint(ConstraintKind.PRIMARY_KEY, name(primaryKey.getName()),
          columns(primaryKey.getFields(), renamed), ""));
    }
    for (UniqueKey<?> unique : table.getUniqueKeys()) {
      add(constraints, new Constraint(ConstraintKind.UNIQUE, name(unique.getName()),
          columns(unique.getFields(), renamed), ""));
    }
    for (ForeignKey<?, ?> reference : table.getReferences()) {
      UniqueKey<?> key = reference.getKey();
      String referenced = key == null ? "?"
          : Names.key(key.getTable()) + " (" + String.join(", ", columns(reference.getKeyFields(),
              Map.of())) + ")";
      add(constraints, new Constraint(ConstraintKind.FOREIGN_KEY, name(reference.getName()),
          columns(reference.getFields(), renamed), referenced));
    }
    for (Check<?> check : table.getChecks()) {
      add(constraints, new Constraint(ConstraintKind.CHECK, name(check.getName()), List.of(),
          renderer.renderInlined(check.condition())));
    }
    return constraints;
  }

  private static void add(Map<String, Constraint> constraints, Constraint constraint) {
    String key = constraint.kind() + " " + (constraint.name().isEmpty()
        ? constraint.columns() + " " + constraint.detail() : constraint.name());
    constraints.put(key, constraint);
  }

  private static Map<String, Index> indexes(Table<?> table, Map<String, String> renamed) {
    Map<String, Index> indexes = new TreeMap<>();
    for (org.jooq.Index index : table.getIndexes()) {
      List<String> columns = index.getFields().stream().map(SortField::getName)
          .map(Names::fold).map(column -> renamed.getOrDefault(column, column)).toList();
      Index shape = new Index(name(index.getName()), columns, index.getUnique());
      indexes.put(shape.name().isEmpty() ? columns.toString() : shape.name(), shape);
    }
    return indexes;
  }

  private static List<String> columns(List<? extends Field<?>> fields,
      Map<String, String> renamed) {
    return fields.stream().map(Names::column)
        .map(column -> renamed.getOrDefault(column, column)).toList();
  }

  private static String name(String name) {
    return name == null ? "" : Names.fold(name);
  }
}

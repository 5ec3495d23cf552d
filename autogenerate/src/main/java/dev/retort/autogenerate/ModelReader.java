package dev.retort.autogenerate;

import dev.retort.autogenerate.SchemaModel.Check;
import dev.retort.autogenerate.SchemaModel.Column;
import dev.retort.autogenerate.SchemaModel.ForeignKey;
import dev.retort.autogenerate.SchemaModel.Index;
import dev.retort.autogenerate.SchemaModel.Key;
import dev.retort.autogenerate.SchemaModel.Sequence;
import dev.retort.autogenerate.SchemaModel.Table;
import dev.retort.autogenerate.SchemaModel.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Meta;
import org.jooq.Named;
import org.jooq.Nullability;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.TableOptions.TableType;
import org.jooq.UniqueKey;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Reads a jOOQ {@link Meta} (the DDL interpreter's, a schema file's, or a live database's) into
 * the {@link SchemaModel} autogenerate compares. What a database adds on its own is left out:
 * the indexes behind its keys, and the nullability of primary key columns is made explicit.
 */
final class ModelReader {

  private final SQLDialect dialect;
  private final DSLContext renderer;

  ModelReader(SQLDialect dialect) {
    this.dialect = dialect;
    // Comparable text of conditions, defaults and queries: names as written, values inline.
    this.renderer = DSL.using(dialect, new Settings()
        .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
        .withRenderFormatted(false)
        .withRenderSchema(false));
  }

  /** The tables, views and sequences of the meta data that the filter keeps. */
  SchemaModel read(Meta meta, Predicate<String> keepTable) {
    SortedMap<Ident, Table> tables = new TreeMap<>();
    SortedMap<Ident, View> views = new TreeMap<>();
    for (org.jooq.Table<?> table : meta.getTables()) {
      if (!keepTable.test(table.getName())) {
        continue;
      }
      Ident name = ident(table);
      if (table.getTableType() == TableType.VIEW
          || table.getTableType() == TableType.MATERIALIZED_VIEW) {
        if (table.getOptions().select() != null) {
          views.put(name, new View(name, table.getOptions().select(),
              Dialects.comparableSql(comparable(table.getOptions().select())),
              comment(table.getComment())));
        }
        continue;
      }
      tables.put(name, table(table, name));
    }
    SortedMap<Ident, Sequence> sequences = new TreeMap<>();
    for (org.jooq.Sequence<?> sequence : meta.getSequences()) {
      Ident name = ident(sequence);
      Long increment = number(sequence.getIncrementBy());
      sequences.put(name, new Sequence(name, sequence.getDataType(),
          Dialects.sequenceFlag("start", number(sequence.getStartWith()), increment),
          Dialects.sequenceFlag("increment", increment, increment),
          Dialects.sequenceFlag("min", number(sequence.getMinvalue()), increment),
          Dialects.sequenceFlag("max", number(sequence.getMaxvalue()), increment),
          Dialects.sequenceFlag("cache", number(sequence.getCache()), increment),
          sequence.getCycle()));
    }
    return new SchemaModel(tables, views, sequences);
  }

  private Table table(org.jooq.Table<?> table, Ident name) {
    UniqueKey<?> primary = table.getPrimaryKey();
    Key primaryKey = primary == null ? null : new Key(constraintName(primary), idents(
        primary.getFields()));
    Set<Ident> primaryColumns = primaryKey == null ? Set.of() : Set.copyOf(primaryKey.columns());
    List<Column> columns = new ArrayList<>();
    for (Field<?> field : table.fields()) {
      columns.add(column(field, primaryColumns));
    }
    List<Key> uniqueKeys = new ArrayList<>();
    for (UniqueKey<?> unique : table.getUniqueKeys()) {
      if (!unique.isPrimary()) {
        uniqueKeys.add(new Key(constraintName(unique), idents(unique.getFields())));
      }
    }
    uniqueKeys.sort(Comparator.comparing(key -> key.columns().toString()));
    List<ForeignKey> foreignKeys = new ArrayList<>();
    for (org.jooq.ForeignKey<?, ?> reference : table.getReferences()) {
      foreignKeys.add(new ForeignKey(constraintName(reference), idents(reference.getFields()),
          ident(reference.getKey().getTable()), idents(reference.getKeyFields())));
    }
    foreignKeys.sort(Comparator.comparing(key -> key.columns().toString()));
    List<Check> checks = new ArrayList<>();
    for (org.jooq.Check<?> check : table.getChecks()) {
      checks.add(new Check(constraintName(check), check.condition(),
          comparable(check.condition())));
    }
    checks.sort(Comparator.comparing(Check::sql));
    Set<String> constraintNames = new HashSet<>();
    table.getKeys().forEach(key -> constraintNames.add(lower(key.getName())));
    table.getReferences().forEach(key -> constraintNames.add(lower(key.getName())));
    List<Index> indexes = new ArrayList<>();
    for (org.jooq.Index index : table.getIndexes()) {
      if (behindConstraint(index, constraintNames)) {
        continue;
      }
      List<Ident> indexColumns = new ArrayList<>();
      List<Boolean> descending = new ArrayList<>();
      for (SortField<?> field : index.getFields()) {
        indexColumns.add(ident(field.$field()));
        descending.add(field.getOrder() == SortOrder.DESC);
      }
      indexes.add(new Index(ident(index), indexColumns, descending, index.getUnique()));
    }
    indexes.sort(Comparator.comparing(index -> index.columns().toString()));
    return new Table(name, columns, primaryKey, uniqueKeys, foreignKeys, checks, indexes,
        comment(table.getComment()));
  }

  private Column column(Field<?> field, Set<Ident> primaryColumns) {
    Ident name = ident(field);
    var type = field.getDataType();
    // The interpreter leaves an inline primary key's columns nullable; a database never does.
    boolean nullable = type.nullable() && !primaryColumns.contains(name);
    Field<?> defaultValue = type.defaulted() ? type.defaultValue() : null;
    return new Column(name, bare(type), TypeKey.of(type, dialect), nullable, defaultValue,
        defaultValue == null ? null : Dialects.comparableDefault(comparable(defaultValue)),
        type.identity(), comment(field.getComment()));
  }

  /** The type alone: without its nullability, identity or default, which the column holds. */
  private static <T> DataType<T> bare(DataType<T> type) {
    return type.nullability(Nullability.DEFAULT).identity(false).default_((Field<T>) null);
  }

  /**
   * Whether a database made the index for a key: it is named as the key is (PostgreSQL, MariaDB),
   * or after it ({@code FK_ORDERS_USER_INDEX_8} on H2).
   */
  private static boolean behindConstraint(org.jooq.Index index, Set<String> constraintNames) {
    String name = lower(index.getName());
    if (constraintNames.contains(name)) {
      return true;
    }
    int suffix = name.lastIndexOf("_index_");
    return suffix > 0 && constraintNames.contains(name.substring(0, suffix));
  }

  private Ident ident(Named named) {
    return Ident.of(named.getUnqualifiedName(), dialect);
  }

  /** A constraint's name, or null when the schema leaves naming it to the database. */
  private Ident constraintName(Named constraint) {
    String name = constraint.getName();
    return name == null || name.isEmpty() ? null : ident(constraint);
  }

  private List<Ident> idents(List<? extends Field<?>> fields) {
    return fields.stream().map(this::ident).toList();
  }

  private String comparable(QueryPart part) {
    return renderer.renderInlined(part).replaceAll("\\s+", " ").strip();
  }

  private Long number(Field<?> value) {
    if (value == null) {
      return null;
    }
    if (value instanceof org.jooq.Param<?> param && param.getValue() instanceof Number number) {
      return number.longValue();
    }
    return Long.valueOf(comparable(value));
  }

  private static String comment(String comment) {
    return comment == null || comment.isEmpty() ? null : comment;
  }

  private static String lower(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }
}

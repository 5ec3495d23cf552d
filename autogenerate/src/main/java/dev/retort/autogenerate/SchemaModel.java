package dev.retort.autogenerate;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Select;

/**
 * A schema as autogenerate compares it: tables with their columns, keys, checks, indexes and
 * comments, views and sequences, each named by an {@link Ident}. Built from any jOOQ {@code Meta}
 * by {@link ModelReader}; compared by {@link Comparison}.
 */
record SchemaModel(SortedMap<Ident, Table> tables, SortedMap<Ident, View> views,
    SortedMap<Ident, Sequence> sequences) {

  /** A table and what belongs to it. {@code primaryKey} is null when it has none. */
  record Table(Ident name, List<Column> columns, Key primaryKey, List<Key> uniqueKeys,
      List<ForeignKey> foreignKeys, List<Check> checks, List<Index> indexes, String comment) {

    Optional<Column> column(Ident column) {
      return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    Table withForeignKeys(List<ForeignKey> keys) {
      return new Table(name, columns, primaryKey, uniqueKeys, keys, checks, indexes, comment);
    }
  }

  /**
   * A column.
   *
   * @param type its jOOQ type, without nullability, default or identity
   * @param typeKey the type as comparable text ({@link TypeKey})
   * @param defaultValue the default, or null
   * @param defaultKey the default as comparable text, or null
   */
  record Column(Ident name, DataType<?> type, String typeKey, boolean nullable,
      Field<?> defaultValue, String defaultKey, boolean identity, String comment) {

    Column withNullable(boolean isNullable) {
      return new Column(name, type, typeKey, isNullable, defaultValue, defaultKey, identity,
          comment);
    }
  }

  /** A primary or unique key; {@code name} is null when the schema does not name it. */
  record Key(Ident name, List<Ident> columns) {}

  /** A foreign key; {@code name} is null when the schema does not name it. */
  record ForeignKey(Ident name, List<Ident> columns, Ident referencedTable,
      List<Ident> referencedColumns) {}

  /**
   * A check constraint.
   *
   * @param sql the condition as comparable text
   */
  record Check(Ident name, Condition condition, String sql) {}

  /** An index; a column of it is descending when {@code descending} holds its position. */
  record Index(Ident name, List<Ident> columns, List<Boolean> descending, boolean unique) {}

  /**
   * A view.
   *
   * @param sql its query as comparable text
   */
  record View(Ident name, Select<?> query, String sql, String comment) {}

  /** A sequence; a null flag is the database's default. */
  record Sequence(Ident name, DataType<?> type, Long startWith, Long incrementBy, Long minValue,
      Long maxValue, Long cache, boolean cycle) {}
}

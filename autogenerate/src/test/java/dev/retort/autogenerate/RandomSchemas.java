package dev.retort.autogenerate;

import dev.retort.autogenerate.Corpus.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random schemas and random edits of them, as schema pairs: tables with a primary key and
 * columns of the common types, nullable or not, with or without defaults; unique keys, checks,
 * indexes, and foreign keys to earlier tables. An edit adds or drops tables, columns, keys,
 * checks and indexes, and changes types, nullability and defaults; what depends on a dropped
 * column goes with it. Each pair is named by its seed, which rebuilds it.
 */
final class RandomSchemas {

  private static final String[] TYPES = {"integer", "bigint", "varchar(20)", "varchar(80)",
      "decimal(10, 2)", "decimal(14, 4)", "boolean", "date", "timestamp", "smallint"};

  private static final String[][] FAMILIES = {
      {"smallint", "integer", "bigint", "decimal(10, 2)", "decimal(14, 4)"},
      {"varchar(20)", "varchar(80)"},
      {"date", "timestamp"},
      {"boolean"}};

  /** A column as the DDL declares it. */
  private record Column(String name, String type, boolean notNull, String defaultValue) {
    String ddl() {
      return name + " " + type + (defaultValue == null ? "" : " default " + defaultValue)
          + (notNull ? " not null" : "");
    }
  }

  /** A table as the DDL declares it; a foreign key is a column referencing a table's id. */
  private static final class Table {
    final String name;
    final List<Column> columns = new ArrayList<>();
    final List<String> uniques = new ArrayList<>();
    final List<String> checks = new ArrayList<>();
    final List<String> indexes = new ArrayList<>();
    final List<String[]> foreignKeys = new ArrayList<>();

    Table(String name) {
      this.name = name;
    }

    Table copy() {
      Table copy = new Table(name);
      copy.columns.addAll(columns);
      copy.uniques.addAll(uniques);
      copy.checks.addAll(checks);
      copy.indexes.addAll(indexes);
      copy.foreignKeys.addAll(foreignKeys);
      return copy;
    }

    boolean uses(String column) {
      return uniques.contains(column) || checks.contains(column) || indexes.contains(column)
          || foreignKeys.stream().anyMatch(key -> key[0].equals(column));
    }
  }

  private final Random random;
  private int names;

  private RandomSchemas(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} pairs from seeds {@code base}, {@code base + 1}, ... */
  static List<Pair> pairs(long base, int count) {
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pairs.add(new RandomSchemas(base + i).pair(base + i));
    }
    return pairs;
  }

  private Pair pair(long seed) {
    List<Table> a = new ArrayList<>();
    int tables = 1 + random.nextInt(3);
    for (int i = 0; i < tables; i++) {
      a.add(table(a));
    }
    List<Table> b = new ArrayList<>();
    a.forEach(table -> b.add(table.copy()));
    String before = ddl(a);
    String after = before;
    for (int edits = 1 + random.nextInt(3); edits > 0 || after.equals(before); edits--) {
      edit(b);
      after = ddl(b);
    }
    return new Pair("seed " + seed, before, after);
  }

  private Table table(List<Table> earlier) {
    Table table = new Table("t" + names++);
    table.columns.add(new Column("id", "bigint", true, null));
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      addColumn(table, earlier);
    }
    return table;
  }

  private void addColumn(Table table, List<Table> others) {
    String name = "c" + names++;
    if (!others.isEmpty() && random.nextInt(5) == 0) {
      Table referenced = others.get(random.nextInt(others.size()));
      table.columns.add(new Column(name, "bigint", random.nextBoolean(), null));
      table.foreignKeys.add(new String[] {name, referenced.name});
      return;
    }
    String type = TYPES[random.nextInt(TYPES.length)];
    table.columns.add(new Column(name, type, random.nextInt(3) == 0,
        random.nextInt(3) == 0 ? defaultFor(type) : null));
    switch (random.nextInt(6)) {
      case 0 -> table.uniques.add(name);
      case 1 -> table.indexes.add(name);
      case 2 -> {
        if (type.equals("integer") || type.equals("bigint") || type.equals("smallint")) {
          table.checks.add(name);
        }
      }
      default -> { }
    }
  }

  /**
   * Another type of the same family: a change across families (text to number, boolean to date)
   * is one PostgreSQL refuses without a USING clause, which the review note asks a person for.
   */
  private String sameFamily(String type) {
    for (String[] family : FAMILIES) {
      if (List.of(family).contains(type)) {
        return family[random.nextInt(family.length)];
      }
    }
    return type;
  }

  private String defaultFor(String type) {
    return switch (type) {
      case "boolean" -> random.nextBoolean() ? "true" : "false";
      case "date" -> "date '2024-01-0" + (1 + random.nextInt(9)) + "'";
      case "timestamp" -> "current_timestamp";
      default -> type.startsWith("varchar") ? "'v" + random.nextInt(100) + "'"
          : Integer.toString(random.nextInt(100));
    };
  }

  private void edit(List<Table> schema) {
    Table table = schema.get(random.nextInt(schema.size()));
    switch (random.nextInt(9)) {
      case 0 -> schema.add(table(schema));
      case 1 -> {
        boolean referenced = schema.stream().anyMatch(other -> other != table
            && other.foreignKeys.stream().anyMatch(key -> key[1].equals(table.name)));
        if (schema.size() > 1 && !referenced) {
          schema.remove(table);
        }
      }
      case 2 -> addColumn(table, schema.subList(0, schema.indexOf(table)));
      case 3 -> {
        if (table.columns.size() > 2) {
          Column dropped = table.columns.remove(1 + random.nextInt(table.columns.size() - 1));
          table.uniques.remove(dropped.name());
          table.checks.remove(dropped.name());
          table.indexes.remove(dropped.name());
          table.foreignKeys.removeIf(key -> key[0].equals(dropped.name()));
        }
      }
      default -> {
        if (table.columns.size() < 2) {
          return;
        }
        int index = 1 + random.nextInt(table.columns.size() - 1);
        Column column = table.columns.get(index);
        boolean keyed = table.foreignKeys.stream().anyMatch(key -> key[0].equals(column.name()));
        switch (random.nextInt(5)) {
          case 0 -> {
            if (!keyed && !table.uses(column.name())) {
              String type = sameFamily(column.type());
              table.columns.set(index, new Column(column.name(), type, column.notNull(),
                  column.defaultValue() == null ? null : defaultFor(type)));
            }
          }
          case 1 -> table.columns.set(index, new Column(column.name(), column.type(),
              !column.notNull(), column.defaultValue()));
          case 2 -> {
            if (!keyed) {
              table.columns.set(index, new Column(column.name(), column.type(),
                  column.notNull(), column.defaultValue() == null ? defaultFor(column.type())
                      : null));
            }
          }
          case 3 -> {
            if (!table.indexes.remove(column.name()) && !keyed) {
              table.indexes.add(column.name());
            }
          }
          default -> {
            if (!table.uniques.remove(column.name()) && !keyed) {
              table.uniques.add(column.name());
            }
          }
        }
      }
    }
  }

  private static String ddl(List<Table> schema) {
    StringBuilder ddl = new StringBuilder();
    for (Table table : schema) {
      List<String> elements = new ArrayList<>();
      table.columns.forEach(column -> elements.add(column.ddl()));
      elements.add("constraint pk_" + table.name + " primary key (id)");
      for (String unique : table.uniques) {
        elements.add("constraint uk_" + table.name + "_" + unique + " unique (" + unique + ")");
      }
      for (String check : table.checks) {
        elements.add("constraint ck_" + table.name + "_" + check + " check (" + check
            + " >= 0)");
      }
      for (String[] key : table.foreignKeys) {
        elements.add("constraint fk_" + table.name + "_" + key[0] + " foreign key (" + key[0]
            + ") references " + key[1] + " (id)");
      }
      ddl.append("create table ").append(table.name).append(" (")
          .append(String.join(", ", elements)).append(");\n");
      for (String index : table.indexes) {
        ddl.append("create index ix_").append(table.name).append('_').append(index)
            .append(" on ").append(table.name).append(" (").append(index).append(");\n");
      }
    }
    return ddl.toString();
  }
}

package dev.retort.review.schema;

import java.util.List;

/**
 * One change a statement or a revision makes to the schema, as the DDL interpreter models it:
 * what the review's "schema change" lists, and what the linter's rules judge. Tables and columns
 * are named by their {@link Names} keys.
 */
public sealed interface Change {

  /** The table the change is made to, under its name after the change. */
  String table();

  /** One line for a report: {@code +} added, {@code -} removed, {@code ~} changed. */
  String describe();

  /** A column as a change describes it. */
  record Column(String name, ColumnType type, boolean nullable, String defaultValue,
      boolean identity) {

    /** Whether the column has a default or an identity that fills it. */
    public boolean filled() {
      return defaultValue != null || identity;
    }

    String describe() {
      return type + (identity ? " generated as identity" : "") + (nullable ? "" : " not null")
          + (defaultValue == null ? "" : " default " + defaultValue);
    }
  }

  /** What kind of constraint a {@link Constraint} is. */
  enum ConstraintKind {
    PRIMARY_KEY("primary key"),
    UNIQUE("unique"),
    FOREIGN_KEY("foreign key"),
    CHECK("check");

    private final String words;

    ConstraintKind(String words) {
      this.words = words;
    }

    /** How a report writes it: {@code foreign key}. */
    public String words() {
      return words;
    }
  }

  /**
   * A constraint on a table.
   *
   * @param name its name; empty when the database names it
   * @param columns the constrained columns; empty for a check
   * @param detail what a foreign key references ({@code users (id)}) or a check's condition
   */
  record Constraint(ConstraintKind kind, String name, List<String> columns, String detail) {

    String describe(String table) {
      String what = kind == ConstraintKind.CHECK
          ? table + " (" + detail + ")"
          : table + " (" + String.join(", ", columns) + ")"
              + (kind == ConstraintKind.FOREIGN_KEY ? " references " + detail : "");
      return kind.words() + " " + what + (name.isEmpty() ? "" : " " + name);
    }
  }

  /** An index of a table. */
  record Index(String name, List<String> columns, boolean unique) {

    String describe(String table) {
      return (unique ? "unique index " : "index ") + table + " (" + String.join(", ", columns)
          + ")" + (name.isEmpty() ? "" : " " + name);
    }
  }

  /** A table created. Its columns, constraints and indexes follow as changes of their own. */
  record TableCreated(String table) implements Change {
    @Override
    public String describe() {
      return "+ table " + table;
    }
  }

  /** A table dropped, with everything in it. */
  record TableDropped(String table) implements Change {
    @Override
    public String describe() {
      return "- table " + table;
    }
  }

  /** A table renamed from {@code from}. */
  record TableRenamed(String from, String table) implements Change {
    @Override
    public String describe() {
      return "~ table " + from + " renamed to " + table;
    }
  }

  /** A column added (also each column of a table created). */
  record ColumnAdded(String table, Column column) implements Change {
    @Override
    public String describe() {
      return "+ column " + table + "." + column.name() + " " + column.describe();
    }
  }

  /** A column dropped. */
  record ColumnDropped(String table, Column column) implements Change {
    @Override
    public String describe() {
      return "- column " + table + "." + column.name() + " " + column.describe();
    }
  }

  /** A column renamed from {@code from} to {@code column}. */
  record ColumnRenamed(String table, String from, String column) implements Change {
    @Override
    public String describe() {
      return "~ column " + table + "." + from + " renamed to " + column;
    }
  }

  /** A column's type changed. */
  record ColumnTypeChanged(String table, String column, ColumnType from, ColumnType to)
      implements Change {
    @Override
    public String describe() {
      return "~ column " + table + "." + column + " type " + from + " -> " + to;
    }
  }

  /** A column made {@code NOT NULL} ({@code nullable} false) or nullable again. */
  record NullabilityChanged(String table, String column, boolean nullable) implements Change {
    @Override
    public String describe() {
      return "~ column " + table + "." + column + (nullable ? " drop not null" : " set not null");
    }
  }

  /** A column's default set, changed or dropped; null stands for no default. */
  record DefaultChanged(String table, String column, String from, String to) implements Change {
    @Override
    public String describe() {
      return "~ column " + table + "." + column + " default "
          + (from == null ? "set to " + to : to == null ? from + " dropped" : from + " -> " + to);
    }
  }

  /** A constraint added (also each constraint of a table created). */
  record ConstraintAdded(String table, Constraint constraint) implements Change {
    @Override
    public String describe() {
      return "+ " + constraint.describe(table);
    }
  }

  /** A constraint dropped. */
  record ConstraintDropped(String table, Constraint constraint) implements Change {
    @Override
    public String describe() {
      return "- " + constraint.describe(table);
    }
  }

  /** An index created (also each index of a table created). */
  record IndexCreated(String table, Index index) implements Change {
    @Override
    public String describe() {
      return "+ " + index.describe(table);
    }
  }

  /** An index dropped. */
  record IndexDropped(String table, Index index) implements Change {
    @Override
    public String describe() {
      return "- " + index.describe(table);
    }
  }
}

package dev.retort.autogenerate;

import java.util.List;
import java.util.stream.Collectors;

/** Every sentence autogenerate prints or writes, in one place; tests assert against these. */
public final class Messages {

  private Messages() {}

  /** What {@code create --autogenerate} and {@code check --schema} print when nothing differs. */
  public static final String NO_CHANGES = "No changes in schema detected.";

  // ---- detected changes, in Alembic's manner ----

  static String addedTable(Ident table) {
    return "Detected added table '" + table + "'";
  }

  static String removedTable(Ident table) {
    return "Detected removed table '" + table + "'";
  }

  static String addedColumn(Ident table, Ident column) {
    return "Detected added column '" + table + "." + column + "'";
  }

  static String removedColumn(Ident table, Ident column) {
    return "Detected removed column '" + table + "." + column + "'";
  }

  static String typeChange(Ident table, Ident column, String from, String to) {
    return "Detected type change from " + from + " to " + to + " on '" + table + "." + column
        + "'";
  }

  static String nullability(Ident table, Ident column, boolean notNull) {
    return "Detected " + (notNull ? "NOT NULL" : "NULL") + " on column '" + table + "." + column
        + "'";
  }

  static String defaultChange(Ident table, Ident column, String from, String to) {
    if (to == null) {
      return "Detected removed default " + from + " on '" + table + "." + column + "'";
    }
    return from == null
        ? "Detected added default " + to + " on '" + table + "." + column + "'"
        : "Detected default change from " + from + " to " + to + " on '" + table + "." + column
            + "'";
  }

  static String key(String verb, String kind, Ident name, List<Ident> columns, Ident table) {
    return "Detected " + verb + " " + kind + (name == null ? "" : " '" + name + "'") + " ("
        + names(columns) + ") on '" + table + "'";
  }

  static String foreignKey(String verb, Ident name, List<Ident> columns, Ident referenced,
      List<Ident> referencedColumns, Ident table) {
    return "Detected " + verb + " foreign key" + (name == null ? "" : " '" + name + "'") + " ("
        + names(columns) + ") -> " + referenced + " (" + names(referencedColumns) + ") on '"
        + table + "'";
  }

  static String check(String verb, Ident name, String condition, Ident table) {
    return "Detected " + verb + " check constraint" + (name == null ? "" : " '" + name + "'")
        + " (" + condition + ") on '" + table + "'";
  }

  static String addedIndex(Ident index, Ident table, List<Ident> columns, boolean unique) {
    return "Detected added " + (unique ? "unique " : "") + "index '" + index + "' on '" + table
        + "' (" + names(columns) + ")";
  }

  static String removedIndex(Ident index, Ident table) {
    return "Detected removed index '" + index + "' on '" + table + "'";
  }

  static String renamed(String kind, Ident from, Ident to, Ident table) {
    return "Detected renamed " + kind + " '" + from + "' to '" + to + "' on '" + table + "'";
  }

  static String tableComment(Ident table) {
    return "Detected changed comment on table '" + table + "'";
  }

  static String columnComment(Ident table, Ident column) {
    return "Detected changed comment on column '" + table + "." + column + "'";
  }

  static String sequence(String verb, Ident sequence) {
    return "Detected " + verb + " sequence '" + sequence + "'";
  }

  static String view(String verb, Ident view) {
    return "Detected " + verb + " view '" + view + "'";
  }

  // ---- review notes: written as // review: in the file and printed as warnings ----

  static String droppedTable(Ident table) {
    return "dropping table " + table + " deletes its rows; the downgrade recreates the table"
        + " empty.";
  }

  static String droppedColumn(Ident table, Ident column) {
    return "dropping column " + table + "." + column + " deletes its values; the downgrade"
        + " adds the column back empty.";
  }

  static String probablyRenamed(Ident table, Ident from, Ident to) {
    return "column " + table + "." + from + " is dropped and " + table + "." + to + " of the same"
        + " type added: probably a rename. If so, replace both with db.alterTable(\"" + table.name()
        + "\").renameColumn(\"" + from.name() + "\").to(\"" + to.name() + "\").execute(); which"
        + " keeps the data.";
  }

  static String narrowing(Ident table, Ident column, String from, String to) {
    return "changing " + table + "." + column + " from " + from + " to " + to + " may not keep"
        + " every value: the upgrade fails, or cuts values, where one does not fit.";
  }

  static String conversion(Ident table, Ident column, String from, String to) {
    return "changing " + table + "." + column + " from " + from + " to " + to + " converts its"
        + " values: PostgreSQL refuses it without a cast (write it with db.execute(\"alter table "
        + table + " alter column " + column + " type " + to + " using ...\")), and values that"
        + " do not convert make the upgrade fail.";
  }

  static String notNullWithoutDefault(Ident table, Ident column) {
    return "adding NOT NULL column " + table + "." + column + " without a default fails on a"
        + " table with rows: give it a default, or add it nullable, fill it, then set NOT NULL.";
  }

  static String notNullOnExisting(Ident table, Ident column) {
    return "setting NOT NULL on " + table + "." + column + " fails if a row holds NULL there:"
        + " fill those rows first.";
  }

  static String constraintOnExisting(String kind, Ident table) {
    return "adding a " + kind + " to " + table + " fails if its existing rows break it: check"
        + " the data first.";
  }

  static String unnamedDrop(String kind, Ident table, Ident assumed) {
    return "the " + kind + " on " + table + " has no name in the schema, so the database named"
        + " it; this drops it as " + assumed + ", the name PostgreSQL gives: check the name your"
        + " database gave it.";
  }

  static String dataNotRestored() {
    return "this restores the structure only: the upgrade deleted data that the downgrade"
        + " cannot bring back.";
  }

  static String asSql(String what) {
    return "written as SQL: the jOOQ DSL cannot express " + what + "; check it runs on every"
        + " database you target.";
  }

  // ---- errors ----

  static String unreadableFile(String file, String reason) {
    return "Cannot read the schema file " + file + ": " + reason + ". Fix the path (the schema"
        + ".file key in retort.properties, or --schema); nothing was written.";
  }

  static String unparsable(String file, int line, String statement, String reason) {
    return file + ":" + line + ": cannot parse '" + statement + "': " + reason + ". Fix the"
        + " statement; nothing was written.";
  }

  static String notApplicable(String file, int line, String statement, String reason) {
    return file + ":" + line + ": '" + statement + "' does not apply to the statements before"
        + " it: " + reason + ". Fix the schema file; nothing was written.";
  }

  private static String names(List<Ident> columns) {
    return columns.stream().map(Ident::toString).collect(Collectors.joining(", "));
  }
}

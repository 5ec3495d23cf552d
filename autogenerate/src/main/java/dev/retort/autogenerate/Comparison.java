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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The changes that turn one schema into another, unordered: what is in the wanted schema and not
 * in the current one is added, what is only in the current one is dropped, and what both have is
 * altered where it differs. Keys, checks and indexes are matched by what they are (columns,
 * references, condition), so a name the database chose does not make them differ; a name both
 * schemas give and that differs is a rename.
 */
final class Comparison {

  private Comparison() {}

  static List<Op> changes(SchemaModel current, SchemaModel wanted) {
    List<Op> ops = new ArrayList<>();
    for (Sequence sequence : current.sequences().values()) {
      Sequence other = wanted.sequences().get(sequence.name());
      if (other == null) {
        ops.add(new Op.DropSequence(sequence));
      } else if (!sameFlags(sequence, other)) {
        ops.add(new Op.AlterSequence(sequence, other));
      }
    }
    for (Sequence sequence : wanted.sequences().values()) {
      if (!current.sequences().containsKey(sequence.name())) {
        ops.add(new Op.CreateSequence(sequence));
      }
    }
    for (Table table : current.tables().values()) {
      Table other = wanted.tables().get(table.name());
      if (other == null) {
        ops.add(new Op.DropTable(table));
      } else {
        compareTables(table, other, ops);
      }
    }
    for (Table table : wanted.tables().values()) {
      if (!current.tables().containsKey(table.name())) {
        ops.add(new Op.CreateTable(table));
      }
    }
    for (View view : current.views().values()) {
      View other = wanted.views().get(view.name());
      if (other == null || !other.sql().equals(view.sql())) {
        ops.add(new Op.DropView(view));
      }
    }
    for (View view : wanted.views().values()) {
      View other = current.views().get(view.name());
      if (other == null || !other.sql().equals(view.sql())) {
        ops.add(new Op.CreateView(view));
      }
    }
    return ops;
  }

  private static boolean sameFlags(Sequence a, Sequence b) {
    return Objects.equals(a.startWith(), b.startWith())
        && Objects.equals(a.incrementBy(), b.incrementBy())
        && Objects.equals(a.minValue(), b.minValue())
        && Objects.equals(a.maxValue(), b.maxValue())
        && Objects.equals(a.cache(), b.cache())
        && a.cycle() == b.cycle();
  }

  private static void compareTables(Table current, Table wanted, List<Op> ops) {
    Ident table = current.name();
    for (Column column : current.columns()) {
      Optional<Column> other = wanted.column(column.name());
      if (other.isEmpty()) {
        ops.add(new Op.DropColumn(table, column));
      } else {
        compareColumns(table, column, other.get(), ops);
      }
    }
    for (Column column : wanted.columns()) {
      if (current.column(column.name()).isEmpty()) {
        ops.add(new Op.AddColumn(table, column));
      }
    }
    List<Key> currentPrimary = current.primaryKey() == null ? List.of()
        : List.of(current.primaryKey());
    List<Key> wantedPrimary = wanted.primaryKey() == null ? List.of()
        : List.of(wanted.primaryKey());
    match(table, currentPrimary, wantedPrimary, Key::columns, Key::name,
        Op.DropPrimaryKey::new, Op.AddPrimaryKey::new, ops);
    match(table, current.uniqueKeys(), wanted.uniqueKeys(), Key::columns, Key::name,
        Op.DropUnique::new, Op.AddUnique::new, ops);
    match(table, current.foreignKeys(), wanted.foreignKeys(),
        key -> List.of(key.columns(), key.referencedTable(), key.referencedColumns()),
        ForeignKey::name, Op.DropForeignKey::new, Op.AddForeignKey::new, ops);
    match(table, current.checks(), wanted.checks(), check -> Dialects.comparableSql(check.sql()),
        Check::name, Op.DropCheck::new,
        Op.AddCheck::new, ops);
    for (Index index : current.indexes()) {
      Optional<Index> same = wanted.indexes().stream()
          .filter(other -> sameIndex(index, other)).findFirst();
      if (same.isEmpty()) {
        ops.add(new Op.DropIndex(table, index));
      } else if (renamed(index.name(), same.get().name())) {
        ops.add(new Op.RenameIndex(table, index.name(), same.get().name()));
      }
    }
    for (Index index : wanted.indexes()) {
      if (current.indexes().stream().noneMatch(other -> sameIndex(index, other))) {
        ops.add(new Op.CreateIndex(table, index));
      }
    }
    if (!Objects.equals(current.comment(), wanted.comment())) {
      ops.add(new Op.CommentOnTable(table, current.comment(), wanted.comment()));
    }
  }

  private static void compareColumns(Ident table, Column current, Column wanted, List<Op> ops) {
    if (!current.typeKey().equals(wanted.typeKey())) {
      ops.add(new Op.AlterType(table, current, wanted));
    }
    if (current.nullable() != wanted.nullable()) {
      ops.add(new Op.AlterNullability(table, wanted, !wanted.nullable()));
    }
    // An identity column's default is the database's own generator.
    if (!Objects.equals(current.defaultKey(), wanted.defaultKey())
        && !(current.identity() && wanted.identity())) {
      ops.add(new Op.AlterDefault(table, current, wanted));
    }
    if (!Objects.equals(current.comment(), wanted.comment())) {
      ops.add(new Op.CommentOnColumn(table, current.name(), current.comment(),
          wanted.comment()));
    }
  }

  private static boolean sameIndex(Index a, Index b) {
    return a.columns().equals(b.columns()) && a.descending().equals(b.descending())
        && a.unique() == b.unique();
  }

  /** Constraints matched by what they are; a differing name both schemas give is a rename. */
  private static <C> void match(Ident table, List<C> current, List<C> wanted,
      Function<C, Object> identity, Function<C, Ident> name,
      BiFunction<Ident, C, Op> drop, BiFunction<Ident, C, Op> add, List<Op> ops) {
    List<C> unmatched = new ArrayList<>(wanted);
    for (C constraint : current) {
      Optional<C> same = unmatched.stream()
          .filter(other -> identity.apply(other).equals(identity.apply(constraint)))
          .findFirst();
      if (same.isEmpty()) {
        ops.add(drop.apply(table, constraint));
        continue;
      }
      unmatched.remove(same.get());
      if (renamed(name.apply(constraint), name.apply(same.get()))) {
        ops.add(new Op.RenameConstraint(table, name.apply(constraint), name.apply(same.get())));
      }
    }
    for (C constraint : unmatched) {
      ops.add(add.apply(table, constraint));
    }
  }

  private static boolean renamed(Ident from, Ident to) {
    return from != null && to != null && !from.equals(to);
  }
}

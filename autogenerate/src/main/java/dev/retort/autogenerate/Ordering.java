package dev.retort.autogenerate;

import dev.retort.autogenerate.SchemaModel.ForeignKey;
import dev.retort.autogenerate.SchemaModel.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts changes in an order that applies: what depends on a thing is dropped before it and
 * created after it. Views and foreign keys are dropped first; sequences and tables created
 * before columns, which come before keys, indexes and then foreign keys; columns, tables and
 * sequences are dropped last. New tables are created so that each comes after the tables it
 * references (a foreign key among tables that reference each other in a circle is added after
 * all of them), and dropped tables go in the reverse order. Within a phase changes keep the
 * order of their tables' names, so the output is deterministic.
 */
final class Ordering {

  private Ordering() {}

  static List<Op> order(List<Op> changes) {
    List<Op> ops = new ArrayList<>();
    Set<List<Object>> addedKeys = new HashSet<>();
    List<Table> created = new ArrayList<>();
    List<Table> dropped = new ArrayList<>();
    for (Op op : changes) {
      if (op instanceof Op.CreateTable create) {
        created.add(create.definition());
      } else if (op instanceof Op.DropTable drop) {
        dropped.add(drop.definition());
      } else {
        ops.add(op);
        if (op instanceof Op.AddUnique add) {
          addedKeys.add(List.of(add.table(), add.key().columns()));
        } else if (op instanceof Op.AddPrimaryKey add) {
          addedKeys.add(List.of(add.table(), add.key().columns()));
        }
      }
    }
    // Tables to drop, in the order they could be created; dropped in the reverse of it.
    List<Op> drops = new ArrayList<>();
    for (Op op : creationOrder(dropped, Set.of())) {
      if (op instanceof Op.CreateTable create) {
        drops.add(0, new Op.DropTable(create.definition()));
      } else {
        drops.add(0, op.inverse());
      }
    }
    ops.addAll(drops);
    ops.addAll(creationOrder(created, addedKeys));
    List<Op> sorted = new ArrayList<>(ops);
    // A stable sort by phase keeps the creation and drop orders computed above.
    sorted.sort(Comparator.comparingInt(Ordering::phase));
    return sorted;
  }

  /**
   * CREATE TABLE statements, each after the new tables it references, and the foreign keys that
   * cannot be declared in them (a circle, or a key that is only added later) as ALTER TABLE.
   */
  private static List<Op> creationOrder(List<Table> tables, Set<List<Object>> addedKeys) {
    Map<Ident, Table> pending = new LinkedHashMap<>();
    tables.stream().sorted(Comparator.comparing(Table::name))
        .forEach(table -> pending.put(table.name(), table));
    Set<Ident> allNew = new HashSet<>(pending.keySet());
    List<Op> creates = new ArrayList<>();
    List<Op> laterKeys = new ArrayList<>();
    while (!pending.isEmpty()) {
      Table next = pending.values().stream()
          .filter(table -> table.foreignKeys().stream()
              .noneMatch(key -> waitsFor(table, key, pending)))
          .findFirst()
          // A circle: the first table goes now, its keys to the others in the circle later.
          .orElse(pending.values().iterator().next());
      pending.remove(next.name());
      List<ForeignKey> inline = new ArrayList<>();
      for (ForeignKey key : next.foreignKeys()) {
        boolean later = waitsFor(next, key, pending) || (!allNew.contains(key.referencedTable())
            && addedKeys.contains(List.of(key.referencedTable(), key.referencedColumns())));
        if (later) {
          laterKeys.add(new Op.AddForeignKey(next.name(), key));
        } else {
          inline.add(key);
        }
      }
      creates.add(new Op.CreateTable(next.withForeignKeys(inline)));
    }
    creates.addAll(laterKeys);
    return creates;
  }

  /** Whether a table's key references another table that is still to be created. */
  private static boolean waitsFor(Table table, ForeignKey key, Map<Ident, Table> pending) {
    return !key.referencedTable().equals(table.name())
        && pending.containsKey(key.referencedTable());
  }

  /** The phase of each kind of change; NOT NULL is dropped early and set late. */
  private static final Map<Class<? extends Op>, Integer> PHASES = Map.ofEntries(
      Map.entry(Op.DropView.class, 0),
      Map.entry(Op.DropForeignKey.class, 1),
      Map.entry(Op.DropIndex.class, 2),
      Map.entry(Op.DropCheck.class, 2),
      Map.entry(Op.DropUnique.class, 2),
      Map.entry(Op.DropPrimaryKey.class, 3),
      Map.entry(Op.CreateSequence.class, 5),
      Map.entry(Op.AlterSequence.class, 5),
      Map.entry(Op.CreateTable.class, 6),
      Map.entry(Op.AddColumn.class, 7),
      Map.entry(Op.AlterType.class, 8),
      Map.entry(Op.AlterDefault.class, 8),
      Map.entry(Op.RenameConstraint.class, 10),
      Map.entry(Op.RenameIndex.class, 10),
      Map.entry(Op.AddPrimaryKey.class, 11),
      Map.entry(Op.AddUnique.class, 12),
      Map.entry(Op.AddCheck.class, 12),
      Map.entry(Op.CreateIndex.class, 12),
      Map.entry(Op.AddForeignKey.class, 13),
      Map.entry(Op.DropColumn.class, 14),
      Map.entry(Op.DropTable.class, 15),
      Map.entry(Op.DropSequence.class, 16),
      Map.entry(Op.CreateView.class, 17),
      Map.entry(Op.CommentOnTable.class, 18),
      Map.entry(Op.CommentOnColumn.class, 18));

  private static int phase(Op op) {
    if (op instanceof Op.AlterNullability alter) {
      return alter.notNull() ? 9 : 4;
    }
    return PHASES.get(op.getClass());
  }
}

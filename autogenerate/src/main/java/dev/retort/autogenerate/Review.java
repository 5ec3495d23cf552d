package dev.retort.autogenerate;

import dev.retort.autogenerate.SchemaModel.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a person must decide: the notes written as {@code // review:} above a statement and
 * printed as warnings. Data that a change deletes, a drop and add that is probably a rename, a
 * type that narrows, and a constraint that existing rows may break.
 */
final class Review {

  /** Types that hold every value of the types listed after them, by family. */
  private static final List<List<String>> WIDENING = List.of(
      List.of("tinyint", "smallint", "integer", "bigint", "decimal"),
      List.of("real", "double"),
      List.of("char", "varchar", "clob"),
      List.of("binary", "varbinary", "blob"));

  private Review() {}

  /**
   * The notes for a change.
   *
   * @param all every change of the same direction, to find drop-and-add pairs
   * @param inverseOfDataLoss whether this change undoes one that deleted data
   */
  static List<String> notes(Op op, List<Op> all, boolean inverseOfDataLoss) {
    List<String> notes = new ArrayList<>();
    if (op instanceof Op.DropTable drop) {
      notes.add(Messages.droppedTable(drop.table()));
    } else if (op instanceof Op.DropColumn drop) {
      notes.add(Messages.droppedColumn(drop.table(), drop.column().name()));
      for (Op other : all) {
        if (other instanceof Op.AddColumn add && add.table().equals(drop.table())
            && add.column().typeKey().equals(drop.column().typeKey())) {
          notes.add(Messages.probablyRenamed(drop.table(), drop.column().name(),
              add.column().name()));
        }
      }
    } else if (op instanceof Op.AddColumn add) {
      Column column = add.column();
      if (!column.nullable() && column.defaultValue() == null && !column.identity()) {
        notes.add(Messages.notNullWithoutDefault(add.table(), column.name()));
      }
    } else if (op instanceof Op.AlterType alter && !sameFamily(alter.from(), alter.to())) {
      notes.add(Messages.conversion(alter.table(), alter.to().name(), alter.from().typeKey(),
          alter.to().typeKey()));
    } else if (op instanceof Op.AlterType alter && narrows(alter.from(), alter.to())) {
      notes.add(Messages.narrowing(alter.table(), alter.to().name(), alter.from().typeKey(),
          alter.to().typeKey()));
    } else if (op instanceof Op.AlterNullability alter && alter.notNull()) {
      notes.add(Messages.notNullOnExisting(alter.table(), alter.column().name()));
    } else if (op instanceof Op.AddUnique add) {
      notes.add(Messages.constraintOnExisting("unique constraint", add.table()));
    } else if (op instanceof Op.AddPrimaryKey add) {
      notes.add(Messages.constraintOnExisting("primary key", add.table()));
    } else if (op instanceof Op.AddCheck add) {
      notes.add(Messages.constraintOnExisting("check constraint", add.table()));
    } else if (op instanceof Op.CreateIndex create && create.index().unique()) {
      notes.add(Messages.constraintOnExisting("unique index", create.table()));
    }
    if (inverseOfDataLoss) {
      notes.add(Messages.dataNotRestored());
    }
    return notes;
  }

  /** Whether a change deletes data that its inverse cannot bring back. */
  static boolean losesData(Op op) {
    return op instanceof Op.DropTable || op instanceof Op.DropColumn
        || (op instanceof Op.AlterType alter && narrows(alter.from(), alter.to()));
  }

  /** Whether two types are of one family (numbers, text, binary), which convert implicitly. */
  static boolean sameFamily(Column from, Column to) {
    String fromBase = TypeKey.base(from.type());
    String toBase = TypeKey.base(to.type());
    return fromBase.equals(toBase) || WIDENING.stream()
        .anyMatch(family -> family.contains(fromBase) && family.contains(toBase));
  }

  /** Whether a type change may not keep every value. */
  static boolean narrows(Column from, Column to) {
    String fromBase = TypeKey.base(from.type());
    String toBase = TypeKey.base(to.type());
    for (List<String> family : WIDENING) {
      int fromRank = family.indexOf(fromBase);
      int toRank = family.indexOf(toBase);
      if (fromRank >= 0 && toRank >= 0) {
        if (toRank > fromRank) {
          return toBase.equals("decimal") && bounded(to) && to.type().precision() < 19;
        }
        if (toRank < fromRank) {
          return true;
        }
        return smaller(from, to);
      }
    }
    return !fromBase.equals(toBase) || smaller(from, to);
  }

  /** Whether the new type has a smaller length, precision or scale than the old. */
  private static boolean smaller(Column from, Column to) {
    var a = from.type();
    var b = to.type();
    if (a.hasLength() && b.hasLength()) {
      return bounded(to) && (!bounded(from) || b.length() < a.length());
    }
    if (a.hasPrecision() && b.hasPrecision() && b.precisionDefined()) {
      return a.precisionDefined() && (b.precision() < a.precision()
          || (b.hasScale() && b.scale() < a.scale()));
    }
    return false;
  }

  private static boolean bounded(Column column) {
    var type = column.type();
    return type.hasLength() ? type.lengthDefined() && type.length() > 0
        : type.precisionDefined() && type.precision() > 0;
  }
}

package dev.retort.autogenerate;

import dev.retort.autogenerate.SchemaModel.Check;
import dev.retort.autogenerate.SchemaModel.Column;
import dev.retort.autogenerate.SchemaModel.ForeignKey;
import dev.retort.autogenerate.SchemaModel.Index;
import dev.retort.autogenerate.SchemaModel.Key;
import dev.retort.autogenerate.SchemaModel.Sequence;
import dev.retort.autogenerate.SchemaModel.Table;
import dev.retort.autogenerate.SchemaModel.View;

/**
 * One change to a schema, as one statement will make it. Every change knows its inverse, so a
 * downgrade is the inverses of the upgrade's changes, put in an order that applies.
 */
sealed interface Op {

  /** The change that undoes this one. */
  Op inverse();

  /** The table it changes, or null for a view or sequence. */
  Ident table();

  record CreateTable(Table definition) implements Op {
    public Op inverse() {
      return new DropTable(definition);
    }

    public Ident table() {
      return definition.name();
    }
  }

  record DropTable(Table definition) implements Op {
    public Op inverse() {
      return new CreateTable(definition);
    }

    public Ident table() {
      return definition.name();
    }
  }

  record AddColumn(Ident table, Column column) implements Op {
    public Op inverse() {
      return new DropColumn(table, column);
    }
  }

  record DropColumn(Ident table, Column column) implements Op {
    public Op inverse() {
      return new AddColumn(table, column);
    }
  }

  /** A new type for a column; {@code from} and {@code to} differ only in type. */
  record AlterType(Ident table, Column from, Column to) implements Op {
    public Op inverse() {
      return new AlterType(table, to, from);
    }
  }

  /** NOT NULL added ({@code notNull}) or removed. */
  record AlterNullability(Ident table, Column column, boolean notNull) implements Op {
    public Op inverse() {
      return new AlterNullability(table, column, !notNull);
    }
  }

  /** A new default, or none when {@code to} has none. */
  record AlterDefault(Ident table, Column from, Column to) implements Op {
    public Op inverse() {
      return new AlterDefault(table, to, from);
    }
  }

  record AddPrimaryKey(Ident table, Key key) implements Op {
    public Op inverse() {
      return new DropPrimaryKey(table, key);
    }
  }

  record DropPrimaryKey(Ident table, Key key) implements Op {
    public Op inverse() {
      return new AddPrimaryKey(table, key);
    }
  }

  record AddUnique(Ident table, Key key) implements Op {
    public Op inverse() {
      return new DropUnique(table, key);
    }
  }

  record DropUnique(Ident table, Key key) implements Op {
    public Op inverse() {
      return new AddUnique(table, key);
    }
  }

  record AddForeignKey(Ident table, ForeignKey key) implements Op {
    public Op inverse() {
      return new DropForeignKey(table, key);
    }
  }

  record DropForeignKey(Ident table, ForeignKey key) implements Op {
    public Op inverse() {
      return new AddForeignKey(table, key);
    }
  }

  record AddCheck(Ident table, Check check) implements Op {
    public Op inverse() {
      return new DropCheck(table, check);
    }
  }

  record DropCheck(Ident table, Check check) implements Op {
    public Op inverse() {
      return new AddCheck(table, check);
    }
  }

  /** A constraint of the same definition under another name. */
  record RenameConstraint(Ident table, Ident from, Ident to) implements Op {
    public Op inverse() {
      return new RenameConstraint(table, to, from);
    }
  }

  record CreateIndex(Ident table, Index index) implements Op {
    public Op inverse() {
      return new DropIndex(table, index);
    }
  }

  record DropIndex(Ident table, Index index) implements Op {
    public Op inverse() {
      return new CreateIndex(table, index);
    }
  }

  record RenameIndex(Ident table, Ident from, Ident to) implements Op {
    public Op inverse() {
      return new RenameIndex(table, to, from);
    }
  }

  /** A table's comment; null is none. */
  record CommentOnTable(Ident table, String from, String to) implements Op {
    public Op inverse() {
      return new CommentOnTable(table, to, from);
    }
  }

  /** A column's comment; null is none. */
  record CommentOnColumn(Ident table, Ident column, String from, String to) implements Op {
    public Op inverse() {
      return new CommentOnColumn(table, column, to, from);
    }
  }

  record CreateSequence(Sequence sequence) implements Op {
    public Op inverse() {
      return new DropSequence(sequence);
    }

    public Ident table() {
      return null;
    }
  }

  record DropSequence(Sequence sequence) implements Op {
    public Op inverse() {
      return new CreateSequence(sequence);
    }

    public Ident table() {
      return null;
    }
  }

  record AlterSequence(Sequence from, Sequence to) implements Op {
    public Op inverse() {
      return new AlterSequence(to, from);
    }

    public Ident table() {
      return null;
    }
  }

  record CreateView(View view) implements Op {
    public Op inverse() {
      return new DropView(view);
    }

    public Ident table() {
      return null;
    }
  }

  record DropView(View view) implements Op {
    public Op inverse() {
      return new CreateView(view);
    }

    public Ident table() {
      return null;
    }
  }
}

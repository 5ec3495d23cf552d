package dev.retort.autogenerate;

/** The line autogenerate prints for each change it detected, in Alembic's manner. */
final class Detection {

  private Detection() {}

  static String of(Op op) {
    if (op instanceof Op.CreateTable create) {
      return Messages.addedTable(create.table());
    } else if (op instanceof Op.DropTable drop) {
      return Messages.removedTable(drop.table());
    } else if (op instanceof Op.AddColumn add) {
      return Messages.addedColumn(add.table(), add.column().name());
    } else if (op instanceof Op.DropColumn drop) {
      return Messages.removedColumn(drop.table(), drop.column().name());
    } else if (op instanceof Op.AlterType alter) {
      return Messages.typeChange(alter.table(), alter.to().name(), alter.from().typeKey(),
          alter.to().typeKey());
    } else if (op instanceof Op.AlterNullability alter) {
      return Messages.nullability(alter.table(), alter.column().name(), alter.notNull());
    } else if (op instanceof Op.AlterDefault alter) {
      return Messages.defaultChange(alter.table(), alter.to().name(), alter.from().defaultKey(),
          alter.to().defaultKey());
    } else if (op instanceof Op.AddPrimaryKey add) {
      return Messages.key("added", "primary key", add.key().name(), add.key().columns(),
          add.table());
    } else if (op instanceof Op.DropPrimaryKey drop) {
      return Messages.key("removed", "primary key", drop.key().name(), drop.key().columns(),
          drop.table());
    } else if (op instanceof Op.AddUnique add) {
      return Messages.key("added", "unique constraint", add.key().name(), add.key().columns(),
          add.table());
    } else if (op instanceof Op.DropUnique drop) {
      return Messages.key("removed", "unique constraint", drop.key().name(),
          drop.key().columns(), drop.table());
    } else if (op instanceof Op.AddForeignKey add) {
      return Messages.foreignKey("added", add.key().name(), add.key().columns(),
          add.key().referencedTable(), add.key().referencedColumns(), add.table());
    } else if (op instanceof Op.DropForeignKey drop) {
      return Messages.foreignKey("removed", drop.key().name(), drop.key().columns(),
          drop.key().referencedTable(), drop.key().referencedColumns(), drop.table());
    } else if (op instanceof Op.AddCheck add) {
      return Messages.check("added", add.check().name(), add.check().sql(), add.table());
    } else if (op instanceof Op.DropCheck drop) {
      return Messages.check("removed", drop.check().name(), drop.check().sql(), drop.table());
    } else if (op instanceof Op.RenameConstraint rename) {
      return Messages.renamed("constraint", rename.from(), rename.to(), rename.table());
    } else if (op instanceof Op.CreateIndex create) {
      return Messages.addedIndex(create.index().name(), create.table(),
          create.index().columns(), create.index().unique());
    } else if (op instanceof Op.DropIndex drop) {
      return Messages.removedIndex(drop.index().name(), drop.table());
    } else if (op instanceof Op.RenameIndex rename) {
      return Messages.renamed("index", rename.from(), rename.to(), rename.table());
    } else if (op instanceof Op.CommentOnTable comment) {
      return Messages.tableComment(comment.table());
    } else if (op instanceof Op.CommentOnColumn comment) {
      return Messages.columnComment(comment.table(), comment.column());
    } else if (op instanceof Op.CreateSequence create) {
      return Messages.sequence("added", create.sequence().name());
    } else if (op instanceof Op.DropSequence drop) {
      return Messages.sequence("removed", drop.sequence().name());
    } else if (op instanceof Op.AlterSequence alter) {
      return Messages.sequence("changed", alter.to().name());
    } else if (op instanceof Op.CreateView create) {
      return Messages.view("added", create.view().name());
    } else if (op instanceof Op.DropView drop) {
      return Messages.view("removed", drop.view().name());
    }
    throw new IllegalArgumentException("No description for " + op);
  }
}

package dev.retort.autogenerate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.retort.autogenerate.SchemaModel.Check;
import dev.retort.autogenerate.SchemaModel.Column;
import dev.retort.autogenerate.SchemaModel.ForeignKey;
import dev.retort.autogenerate.SchemaModel.Index;
import dev.retort.autogenerate.SchemaModel.Key;
import dev.retort.autogenerate.SchemaModel.Sequence;
import dev.retort.autogenerate.SchemaModel.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.QOM;

/**
 * Writes each change as the jOOQ DSL a person writes: {@code db.createTable(...).column(...)
 * .constraints(...)}, {@code db.alterTable(...).addColumn(...)}, {@code db.createIndex(...)}.
 * Plain names are strings; quoted names are {@code DSL.quotedName(...)}. A change the DSL
 * cannot express (a column type without an {@code SQLDataType} constant) is written as {@code
 * db.execute("...")} in the configured dialect, with a review note saying why.
 */
final class JavaWriter {

  static final ClassName DSL = ClassName.get("org.jooq.impl", "DSL");

  /** One statement's code, and the review notes the writer adds to it. */
  record Written(CodeBlock code, List<String> notes) {}

  private final FallbackSql fallback;

  JavaWriter(FallbackSql fallback) {
    this.fallback = fallback;
  }

  Written write(Op op) {
    List<String> notes = new ArrayList<>();
    CodeBlock code = code(op, notes);
    return new Written(code, notes);
  }

  private CodeBlock code(Op op, List<String> notes) {
    if (op instanceof Op.CreateTable create) {
      return createTable(create.definition(), notes);
    } else if (op instanceof Op.DropTable drop) {
      return statement(CodeBlock.of("db.dropTable($L)", name(drop.table())));
    } else if (op instanceof Op.AddColumn add) {
      Optional<CodeBlock> type = columnType(add.column());
      if (type.isEmpty()) {
        return sql(op, "the type " + add.column().typeKey(), notes);
      }
      CodeBlock code = statement(CodeBlock.of("$L.addColumn($L, $L)", alter(add.table()),
          name(add.column().name()), type.get()));
      return add.column().comment() == null ? code : CodeBlock.builder().add(code)
          .add(columnComment(add.table(), add.column().name(), add.column().comment())).build();
    } else if (op instanceof Op.DropColumn drop) {
      return statement(CodeBlock.of("$L.dropColumn($L)", alter(drop.table()),
          name(drop.column().name())));
    } else if (op instanceof Op.AlterType alter) {
      Optional<CodeBlock> type = TypeExpressions.of(alter.to().type(), alter.to().typeKey());
      if (type.isEmpty()) {
        return sql(op, "the type " + alter.to().typeKey(), notes);
      }
      return statement(CodeBlock.of("$L.alter($L).set($L)", alter(alter.table()),
          name(alter.to().name()), type.get()));
    } else if (op instanceof Op.AlterNullability alter) {
      return statement(CodeBlock.of("$L.alter($L).$L()", alter(alter.table()),
          name(alter.column().name()), alter.notNull() ? "setNotNull" : "dropNotNull"));
    } else if (op instanceof Op.AlterDefault alter) {
      Column to = alter.to();
      if (to.defaultValue() == null) {
        return statement(CodeBlock.of("$L.alter($L).dropDefault()", alter(alter.table()),
            name(to.name())));
      }
      Optional<CodeBlock> type = TypeExpressions.of(to.type(), to.typeKey());
      if (type.isEmpty()) {
        return sql(op, "a default of the type " + to.typeKey(), notes);
      }
      return statement(CodeBlock.of("$L.alter($T.field($L, $L)).setDefault($L)",
          alter(alter.table()), DSL, nameObject(to.name()), type.get(),
          defaultValue(to, type.get(), notes)));
    } else if (op instanceof Op.AddPrimaryKey add) {
      return statement(CodeBlock.of("$L.add($L)", alter(add.table()),
          primaryKey(add.table(), add.key(), true)));
    } else if (op instanceof Op.DropPrimaryKey drop) {
      return statement(CodeBlock.of("$L.dropPrimaryKey($L)", alter(drop.table()),
          dropName("primary key", drop.table(), drop.key().name(), "pkey", List.of(), notes)));
    } else if (op instanceof Op.AddUnique add) {
      return statement(CodeBlock.of("$L.add($L)", alter(add.table()),
          unique(add.table(), add.key(), true)));
    } else if (op instanceof Op.DropUnique drop) {
      return statement(CodeBlock.of("$L.dropUnique($L)", alter(drop.table()),
          dropName("unique constraint", drop.table(), drop.key().name(), "key",
              drop.key().columns(), notes)));
    } else if (op instanceof Op.AddForeignKey add) {
      return statement(CodeBlock.of("$L.add($L)", alter(add.table()),
          foreignKey(add.table(), add.key(), true)));
    } else if (op instanceof Op.DropForeignKey drop) {
      return statement(CodeBlock.of("$L.dropForeignKey($L)", alter(drop.table()),
          dropName("foreign key", drop.table(), drop.key().name(), "fkey", drop.key().columns(),
              notes)));
    } else if (op instanceof Op.AddCheck add) {
      return statement(CodeBlock.of("$L.add($L)", alter(add.table()),
          check(add.table(), add.check(), true)));
    } else if (op instanceof Op.DropCheck drop) {
      return statement(CodeBlock.of("$L.dropConstraint($L)", alter(drop.table()),
          dropName("check constraint", drop.table(), drop.check().name(), "check", List.of(),
              notes)));
    } else if (op instanceof Op.RenameConstraint rename) {
      return statement(CodeBlock.of("$L.renameConstraint($L).to($L)", alter(rename.table()),
          name(rename.from()), name(rename.to())));
    } else if (op instanceof Op.CreateIndex create) {
      return createIndex(create.table(), create.index());
    } else if (op instanceof Op.DropIndex drop) {
      return statement(CodeBlock.of("db.dropIndex($L).on($L)", name(drop.index().name()),
          name(drop.table())));
    } else if (op instanceof Op.RenameIndex rename) {
      return statement(CodeBlock.of("$L.renameIndex($L).to($L)", alter(rename.table()),
          name(rename.from()), name(rename.to())));
    } else if (op instanceof Op.CommentOnTable comment) {
      return statement(CodeBlock.of("db.commentOnTable($L).is($S)", name(comment.table()),
          comment.to() == null ? "" : comment.to()));
    } else if (op instanceof Op.CommentOnColumn comment) {
      return columnComment(comment.table(), comment.column(),
          comment.to() == null ? "" : comment.to());
    } else if (op instanceof Op.CreateSequence create) {
      return createSequence(create.sequence());
    } else if (op instanceof Op.DropSequence drop) {
      return statement(CodeBlock.of("db.dropSequence($L)", name(drop.sequence().name())));
    } else if (op instanceof Op.AlterSequence alter) {
      return alterSequence(alter.from(), alter.to());
    } else if (op instanceof Op.CreateView create) {
      return statement(CodeBlock.of("db.createView($L).as($S)", name(create.view().name()),
          fallback.query(create.view().query())));
    } else if (op instanceof Op.DropView drop) {
      return statement(CodeBlock.of("db.dropView($L)", name(drop.view().name())));
    }
    throw new IllegalArgumentException("No Java for " + op);
  }

  private CodeBlock createTable(Table table, List<String> notes) {
    CodeBlock.Builder code = CodeBlock.builder().add("db.createTable($L)", name(table.name()));
    code.indent().indent();
    for (Column column : table.columns()) {
      Optional<CodeBlock> type = columnType(column);
      if (type.isEmpty()) {
        return sql(new Op.CreateTable(table), "the type " + column.typeKey() + " of column "
            + column.name(), notes);
      }
      code.add("\n.column($L, $L)", name(column.name()), type.get());
    }
    List<CodeBlock> constraints = new ArrayList<>();
    if (table.primaryKey() != null) {
      constraints.add(primaryKey(table.name(), table.primaryKey(), false));
    }
    table.uniqueKeys().forEach(key -> constraints.add(unique(table.name(), key, false)));
    table.foreignKeys().forEach(key -> constraints.add(foreignKey(table.name(), key, false)));
    table.checks().forEach(check -> constraints.add(check(table.name(), check, false)));
    if (!constraints.isEmpty()) {
      code.add("\n.constraints(");
      code.indent().indent();
      for (int i = 0; i < constraints.size(); i++) {
        code.add("\n$L$L", constraints.get(i), i + 1 < constraints.size() ? "," : ")");
      }
      code.unindent().unindent();
    }
    code.add("\n.execute();\n").unindent().unindent();
    for (Index index : table.indexes()) {
      code.add(createIndex(table.name(), index));
    }
    if (table.comment() != null) {
      code.add(statement(CodeBlock.of("db.commentOnTable($L).is($S)", name(table.name()),
          table.comment())));
    }
    for (Column column : table.columns()) {
      if (column.comment() != null) {
        code.add(columnComment(table.name(), column.name(), column.comment()));
      }
    }
    return code.build();
  }

  /** The column's type with its nullability, default and identity. */
  private Optional<CodeBlock> columnType(Column column) {
    Optional<CodeBlock> type = TypeExpressions.of(column.type(), column.typeKey());
    if (type.isEmpty()) {
      return type;
    }
    CodeBlock.Builder code = CodeBlock.builder().add(type.get());
    if (!column.nullable()) {
      code.add(".nullable(false)");
    }
    if (column.identity()) {
      code.add(".identity(true)");
    } else if (column.defaultValue() != null) {
      code.add(".defaultValue($L)", defaultValue(column, type.get(), new ArrayList<>()));
    }
    return Optional.of(code.build());
  }

  /**
   * A default as a typed field: {@code DSL.inline("PLACED", SQLDataType.VARCHAR(20))}, {@code
   * DSL.currentLocalDateTime()}, or the expression as SQL for anything else.
   */
  private CodeBlock defaultValue(Column column, CodeBlock type, List<String> notes) {
    Field<?> value = column.defaultValue();
    if (value instanceof QOM.Cast<?> cast && cast.$field() instanceof Param<?>) {
      value = cast.$field();
    }
    if (value instanceof Param<?> param) {
      Object literal = param.getValue();
      if (literal == null) {
        return CodeBlock.of("$T.inline(null, $L)", DSL, type);
      }
      if (literal instanceof Boolean || literal instanceof Integer || literal instanceof Long) {
        return CodeBlock.of("$T.inline($L, $L)", DSL, literal, type);
      }
      return CodeBlock.of("$T.inline($S, $L)", DSL, literal.toString(), type);
    }
    String base = TypeKey.base(column.type());
    if (value instanceof QOM.CurrentTimestamp<?> && base.equals("timestamp")) {
      return CodeBlock.of("$T.currentLocalDateTime()", DSL);
    }
    if (value instanceof QOM.CurrentTimestamp<?> && base.equals("timestamp with time zone")) {
      return CodeBlock.of("$T.currentOffsetDateTime()", DSL);
    }
    if (value instanceof QOM.CurrentDate<?> && base.equals("date")) {
      return CodeBlock.of("$T.currentLocalDate()", DSL);
    }
    notes.add(Messages.asSql("the default " + column.defaultKey()));
    return CodeBlock.of("$T.field($S, $L)", DSL, fallback.expression(value), type);
  }

  private CodeBlock primaryKey(Ident table, Key key, boolean alwaysNamed) {
    return CodeBlock.of("$L.primaryKey($L)",
        constraint(key.name(), alwaysNamed, table, "pkey", List.of()), names(key.columns()));
  }

  private CodeBlock unique(Ident table, Key key, boolean alwaysNamed) {
    return CodeBlock.of("$L.unique($L)",
        constraint(key.name(), alwaysNamed, table, "key", key.columns()), names(key.columns()));
  }

  private CodeBlock foreignKey(Ident table, ForeignKey key, boolean alwaysNamed) {
    List<Ident> referenced = new ArrayList<>(List.of(key.referencedTable()));
    referenced.addAll(key.referencedColumns());
    return CodeBlock.of("$L.foreignKey($L).references($L)",
        constraint(key.name(), alwaysNamed, table, "fkey", key.columns()), names(key.columns()),
        names(referenced));
  }

  private CodeBlock check(Ident table, Check check, boolean alwaysNamed) {
    return CodeBlock.of("$L.check($T.condition($S))",
        constraint(check.name(), alwaysNamed, table, "check", List.of()), DSL, check.sql());
  }

  /**
   * {@code DSL.constraint("name")}, or {@code DSL} alone for an unnamed constraint in a new
   * table; a constraint added to an existing table gets the name PostgreSQL would give it, so
   * that its downgrade can drop it by name.
   */
  private CodeBlock constraint(Ident name, boolean alwaysNamed, Ident table, String kind,
      List<Ident> columns) {
    if (name == null && !alwaysNamed) {
      return CodeBlock.of("$T", DSL);
    }
    Ident named = name != null ? name
        : Ident.plain(Dialects.defaultConstraintName(kind, table, columns));
    return CodeBlock.of("$T.constraint($L)", DSL, name(named));
  }

  private CodeBlock dropName(String what, Ident table, Ident name, String kind,
      List<Ident> columns, List<String> notes) {
    if (name != null) {
      return name(name);
    }
    Ident assumed = Ident.plain(Dialects.defaultConstraintName(kind, table, columns));
    if (!fallback.namesConstraintsPredictably()) {
      notes.add(Messages.unnamedDrop(what, table, assumed));
    }
    return name(assumed);
  }

  private CodeBlock createIndex(Ident table, Index index) {
    String verb = index.unique() ? "createUniqueIndex" : "createIndex";
    CodeBlock indexName = index.name() == null ? CodeBlock.of("") : name(index.name());
    if (!index.descending().contains(true)) {
      List<Ident> all = new ArrayList<>(List.of(table));
      all.addAll(index.columns());
      return statement(CodeBlock.of("db.$L($L).on($L)", verb, indexName, names(all)));
    }
    CodeBlock.Builder fields = CodeBlock.builder();
    for (int i = 0; i < index.columns().size(); i++) {
      fields.add(", $T.field($L)$L", DSL, nameObject(index.columns().get(i)),
          index.descending().get(i) ? ".desc()" : ".asc()");
    }
    return statement(CodeBlock.of("db.$L($L).on($T.table($L)$L)", verb, indexName, DSL,
        nameObject(table), fields.build()));
  }

  private CodeBlock createSequence(Sequence sequence) {
    CodeBlock.Builder code = CodeBlock.builder().add("db.createSequence($L)",
        name(sequence.name()));
    flag(code, "startWith", sequence.startWith());
    flag(code, "incrementBy", sequence.incrementBy());
    flag(code, "minvalue", sequence.minValue());
    flag(code, "maxvalue", sequence.maxValue());
    flag(code, "cache", sequence.cache());
    if (sequence.cycle()) {
      code.add(".cycle()");
    }
    return statement(code.build());
  }

  private CodeBlock alterSequence(Sequence from, Sequence to) {
    CodeBlock.Builder code = CodeBlock.builder().add("db.alterSequence($L)", name(to.name()));
    changed(code, "restartWith", "restart", from.startWith(), to.startWith());
    changed(code, "incrementBy", "incrementBy(1)", from.incrementBy(), to.incrementBy());
    changed(code, "minvalue", "noMinvalue", from.minValue(), to.minValue());
    changed(code, "maxvalue", "noMaxvalue", from.maxValue(), to.maxValue());
    changed(code, "cache", "noCache", from.cache(), to.cache());
    if (from.cycle() != to.cycle()) {
      code.add(to.cycle() ? ".cycle()" : ".noCycle()");
    }
    return statement(code.build());
  }

  private static void flag(CodeBlock.Builder code, String method, Long value) {
    if (value != null) {
      code.add(".$L($L)", method, literal(value));
    }
  }

  private static void changed(CodeBlock.Builder code, String method, String reset, Long from,
      Long to) {
    if (java.util.Objects.equals(from, to)) {
      return;
    }
    if (to == null) {
      code.add(reset.endsWith(")") ? ".$L" : ".$L()", reset);
    } else {
      code.add(".$L($L)", method, literal(to));
    }
  }

  private static String literal(long value) {
    return value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? value + "L"
        : Long.toString(value);
  }

  private CodeBlock columnComment(Ident table, Ident column, String comment) {
    return statement(CodeBlock.of("db.commentOnColumn($T.name($L, $L)).is($S)", DSL,
        nameObject(table), nameObject(column), comment));
  }

  /** A change written as SQL in the configured dialect, with the note that says why. */
  private CodeBlock sql(Op op, String what, List<String> notes) {
    notes.add(Messages.asSql(what));
    CodeBlock.Builder code = CodeBlock.builder();
    for (String statement : fallback.statements(op)) {
      code.add(statement(CodeBlock.of("db.execute($S)", statement)));
    }
    return code.build();
  }

  private static CodeBlock alter(Ident table) {
    return CodeBlock.of("db.alterTable($L)", name(table));
  }

  private static CodeBlock statement(CodeBlock call) {
    return CodeBlock.of("$L.execute();\n", call);
  }

  /** A name argument: the plain name as a string, a quoted one as {@code DSL.quotedName}. */
  static CodeBlock name(Ident ident) {
    return ident.quoted() ? CodeBlock.of("$T.quotedName($S)", DSL, ident.name())
        : CodeBlock.of("$S", ident.name());
  }

  /** A name where the DSL wants a {@code Name}. */
  private static CodeBlock nameObject(Ident ident) {
    return CodeBlock.of("$T.$L($S)", DSL, ident.quoted() ? "quotedName" : "name", ident.name());
  }

  /** Names for a varargs call: strings when all are plain, else all as {@code Name}s. */
  private static CodeBlock names(List<Ident> idents) {
    boolean plain = idents.stream().noneMatch(Ident::quoted);
    return CodeBlock.join(idents.stream()
        .map(ident -> plain ? CodeBlock.of("$S", ident.name()) : nameObject(ident)).toList(),
        ", ");
  }
}

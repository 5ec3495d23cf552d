package dev.retort.autogenerate;

import dev.retort.autogenerate.SchemaModel.Column;
import dev.retort.autogenerate.SchemaModel.ForeignKey;
import dev.retort.autogenerate.SchemaModel.Table;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Constraint;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * SQL in the configured dialect, for what the writer puts in strings: a change the DSL cannot
 * express ({@code db.execute("...")}), a view's query, a default expression. Rendered by jOOQ
 * from the schema model, names as the schema writes them.
 */
final class FallbackSql {

  private final SQLDialect dialect;
  private final DSLContext db;

  FallbackSql(SQLDialect dialect) {
    this.dialect = dialect;
    this.db = DSL.using(dialect, new Settings()
        .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
        .withRenderFormatted(false)
        .withRenderSchema(false));
  }

  boolean namesConstraintsPredictably() {
    return Dialects.namesConstraintsPredictably(dialect);
  }

  String query(QueryPart query) {
    return db.renderInlined(query);
  }

  String expression(QueryPart expression) {
    return db.renderInlined(expression);
  }

  /** The statements of a change the DSL cannot express. */
  List<String> statements(Op op) {
    List<String> sql = new ArrayList<>();
    if (op instanceof Op.CreateTable create) {
      Table table = create.definition();
      CreateTableElementListStep statement = db.createTable(name(table.name()));
      for (Column column : table.columns()) {
        statement = statement.column(name(column.name()), type(column));
      }
      List<Constraint> constraints = new ArrayList<>();
      if (table.primaryKey() != null) {
        constraints.add(named(table.primaryKey().name())
            .primaryKey(names(table.primaryKey().columns())));
      }
      table.uniqueKeys().forEach(key -> constraints.add(named(key.name())
          .unique(names(key.columns()))));
      for (ForeignKey key : table.foreignKeys()) {
        constraints.add(named(key.name()).foreignKey(names(key.columns()))
            .references(name(key.referencedTable()), names(key.referencedColumns())));
      }
      table.checks().forEach(check -> constraints.add(named(check.name())
          .check(check.condition())));
      sql.add(db.renderInlined(statement.constraints(constraints)));
      for (var index : table.indexes()) {
        List<Field<?>> fields = new ArrayList<>();
        for (int i = 0; i < index.columns().size(); i++) {
          Field<Object> field = DSL.field(name(index.columns().get(i)));
          fields.add(field);
        }
        sql.add(db.renderInlined((index.unique() ? db.createUniqueIndex(name(index.name()))
            : db.createIndex(name(index.name()))).on(DSL.table(name(table.name())), fields)));
      }
    } else if (op instanceof Op.AddColumn add) {
      sql.add(db.renderInlined(db.alterTable(name(add.table()))
          .addColumn(name(add.column().name()), type(add.column()))));
    } else if (op instanceof Op.AlterType alter) {
      sql.add(db.renderInlined(db.alterTable(name(alter.table()))
          .alter(name(alter.to().name())).set(alter.to().type())));
    } else if (op instanceof Op.AlterDefault alter) {
      @SuppressWarnings("unchecked")
      Field<Object> value = (Field<Object>) alter.to().defaultValue();
      sql.add(db.renderInlined(db.alterTable(name(alter.table()))
          .alter(name(alter.to().name())).setDefault(value)));
    } else {
      throw new IllegalArgumentException("No SQL fallback for " + op);
    }
    return sql;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static DataType<?> type(Column column) {
    DataType type = column.type().nullable(column.nullable());
    if (column.identity()) {
      return type.identity(true);
    }
    return column.defaultValue() == null ? type : type.defaultValue((Field) column.defaultValue());
  }

  private static org.jooq.ConstraintTypeStep named(Ident name) {
    return name == null ? DSL.constraint() : DSL.constraint(name(name));
  }

  static Name name(Ident ident) {
    return ident.quoted() ? DSL.quotedName(ident.name()) : DSL.unquotedName(ident.name());
  }

  private static Name[] names(List<Ident> idents) {
    return idents.stream().map(FallbackSql::name).toArray(Name[]::new);
  }
}

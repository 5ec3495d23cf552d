package dev.retort.review.schema;

import dev.retort.review.schema.Statement.Form;
import java.util.List;
import java.util.Optional;
import org.jooq.Constraint;
import org.jooq.Meta;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.exception.DataDefinitionException;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;

/**
 * A schema as jOOQ's DDL interpreter models it, with the lookups the rules need and the step the
 * linter takes after each statement. Immutable: applying a statement gives a new schema.
 */
public final class Schema {

  private final Meta meta;

  private Schema(Meta meta) {
    this.meta = meta;
  }

  /** The schema a jOOQ {@link Meta} describes, such as the DDL interpreter's. */
  public static Schema of(Meta meta) {
    return new Schema(meta);
  }

  /** The model underneath. */
  public Meta meta() {
    return meta;
  }

  /** The table with this {@link Names} key. */
  public Optional<Table<?>> table(String key) {
    return meta.getTables().stream().filter(table -> Names.key(table).equals(key))
        .<Table<?>>map(table -> table).findFirst();
  }

  /** Whether the table with this key has a column of this name. */
  public boolean hasColumn(String table, String column) {
    return table(table).map(t -> List.of(t.fields()).stream()
        .anyMatch(field -> Names.column(field).equals(column))).orElse(false);
  }

  /**
   * The schema after a statement. Statements that change no table (data changes, session
   * settings, {@code VALIDATE CONSTRAINT}) leave it as it is.
   *
   * @throws Unmodelled if the interpreter does not model the statement, or it could not be read
   * @throws DataDefinitionException if the statement fails on this schema, such as creating a
   *     table that exists; the message says why
   */
  public Schema apply(Statement statement) {
    if (statement.form() instanceof Form.Unreadable unreadable) {
      throw new Unmodelled("jOOQ's parser cannot read it: " + unreadable.reason());
    }
    if (statement.kind() != Statement.Kind.DDL
        || statement.form() instanceof Form.ValidateConstraint) {
      return this;
    }
    if (statement.form() instanceof Form.ConstraintUsingIndex using) {
      return usingIndex(using);
    }
    if (statement.form() instanceof Form.UnparsedIndex) {
      throw new Unmodelled("jOOQ's parser cannot read the index's definition");
    }
    return apply(statement.query());
  }

  private Schema apply(Query... queries) {
    try {
      return new Schema(meta.apply(queries));
    } catch (DataDefinitionException failed) {
      if (failed.getMessage() != null && failed.getMessage().startsWith("Unsupported query")) {
        throw new Unmodelled("the DDL interpreter does not model it");
      }
      throw failed;
    }
  }

  /** The constraint takes the index over: a unique key on its columns, and the index goes. */
  private Schema usingIndex(Form.ConstraintUsingIndex using) {
    Table<?> table = table(using.table()).orElseThrow(() -> new DataDefinitionException(
        "Table does not exist: " + using.table()));
    org.jooq.Index index = table.getIndexes().stream()
        .filter(candidate -> Names.fold(candidate.getName()).equals(using.index()))
        .findFirst()
        .orElseThrow(() -> new DataDefinitionException("Index does not exist: "
            + using.index() + " on " + using.table()));
    var fields = index.getFields().stream().map(sort -> DSL.field(DSL.name(sort.getName())))
        .toList();
    Constraint constraint = using.primaryKey()
        ? DSL.constraint(DSL.name(using.constraint())).primaryKey(fields)
        : DSL.constraint(DSL.name(using.constraint())).unique(fields);
    return apply(DSL.alterTable(table).add(constraint),
        DSL.dropIndex(DSL.name(index.getName())).on(table));
  }

  /** Whether a query defines something the schema model has no place for, such as a type. */
  public static boolean outsideTheModel(Query query) {
    return query instanceof QOM.CreateType || query instanceof QOM.AlterType
        || query instanceof QOM.DropType || query instanceof QOM.Grant
        || query instanceof QOM.Revoke || query instanceof QOM.CommentOn;
  }

  /** A statement the interpreter cannot model; the message says why. */
  public static final class Unmodelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unmodelled(String message) {
      super(message);
    }
  }
}

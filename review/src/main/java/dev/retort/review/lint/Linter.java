package dev.retort.review.lint;

import dev.retort.annotations.LintRule;
import dev.retort.review.Dialects;
import dev.retort.review.Excused;
import dev.retort.review.Finding;
import dev.retort.review.messages.Messages;
import dev.retort.review.schema.Change;
import dev.retort.review.schema.Names;
import dev.retort.review.schema.Schema;
import dev.retort.review.schema.SchemaDiff;
import dev.retort.review.schema.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataDefinitionException;

/**
 * Runs the rules of a database over one revision's upgrade: a pure function of the statements,
 * the schema before the revision, whether it is transactional, and its excuses. Each statement
 * is applied to the schema with jOOQ's DDL interpreter, and the rules judge what it changed, so
 * a change reads the same whether the migration wrote it with the DSL or as SQL.
 */
public final class Linter {

  /** Every rule; each applies where {@link Dialects#rules()} says. */
  private static final List<Rule> RULES = List.of(
      new CreateIndexBlocking(),
      new ConcurrentIndexInTransaction(),
      new AddForeignKeyValidating(),
      new AddCheckValidating(),
      new SetNotNull(),
      new AddColumnNotNullNoDefault(),
      new AlterColumnType(),
      new AddUnique(),
      new RenameColumn(),
      new RenameTable(),
      new DropColumn(),
      new DropTable(),
      new DataAndDdlTogether(),
      new UpdateWithoutWhere(),
      new DeleteWithoutWhere());

  private final SQLDialect dialect;
  private final Dialects group;
  private final SchemaDiff diff;

  /** A linter for revisions rendered in this dialect. */
  public Linter(SQLDialect dialect) {
    this.dialect = dialect;
    this.group = Dialects.of(dialect);
    this.diff = SchemaDiff.in(dialect);
  }

  /**
   * Lints one revision.
   *
   * @param revision the revision's id, for the findings
   * @param transactional whether the revision runs in one transaction
   * @param before the schema before the revision
   * @param statements its upgrade's statements, in order
   * @param excuses what the revision's {@code @Allow} annotations excuse
   */
  public LintResult lint(String revision, boolean transactional, Schema before,
      List<Statement> statements, List<Excuse> excuses) {
    List<String> notes = new ArrayList<>();
    Set<String> tables = new HashSet<>();
    Set<String> columns = new HashSet<>();
    for (Table<?> table : before.meta().getTables()) {
      tables.add(Names.key(table));
      for (Field<?> field : table.fields()) {
        columns.add(Names.key(table) + "." + Names.column(field));
      }
    }
    List<Step> steps = new ArrayList<>();
    Schema schema = before;
    for (Statement statement : statements) {
      Schema after = schema;
      List<Change> changes = List.of();
      try {
        after = schema.apply(statement);
        changes = after == schema ? List.of() : diff.between(schema.meta(), after.meta());
      } catch (Schema.Unmodelled unmodelled) {
        if (statement.kind() == Statement.Kind.UNREADABLE) {
          notes.add(Messages.unreadable(statement.number(), unmodelled.getMessage(),
              statement.oneLine()));
        } else if (!Schema.outsideTheModel(statement.query())) {
          notes.add(Messages.unmodelled(statement.number(), unmodelled.getMessage(),
              statement.oneLine()));
        }
      } catch (DataDefinitionException fails) {
        notes.add(Messages.failsOnSchema(statement.number(), fails.getMessage(),
            statement.oneLine()));
      }
      steps.add(new Step(statement, schema, changes, Set.copyOf(tables), Set.copyOf(columns)));
      follow(changes, tables, columns);
      schema = after;
    }
    Findings findings = new Findings(revision, group);
    RevisionContext context = new RevisionContext(group, transactional, steps);
    for (Rule rule : RULES) {
      if (group.rules().contains(rule.id())) {
        rule.check(context, findings);
      }
    }
    List<Finding> found = new ArrayList<>(findings.all());
    found.sort(Comparator.comparingInt(Finding::statement)
        .thenComparing(finding -> finding.rule().ordinal()));
    return excuse(found, excuses, notes, diff.between(before.meta(), schema.meta()), schema);
  }

  /** Keeps track of which tables and columns are the ones that existed before the revision. */
  private static void follow(List<Change> changes, Set<String> tables, Set<String> columns) {
    for (Change change : changes) {
      if (change instanceof Change.TableCreated || change instanceof Change.TableDropped) {
        tables.remove(change.table());
        columns.removeIf(column -> column.startsWith(change.table() + "."));
      } else if (change instanceof Change.TableRenamed renamed && tables.remove(renamed.from())) {
        tables.add(renamed.table());
        for (String column : List.copyOf(columns)) {
          if (column.startsWith(renamed.from() + ".")) {
            columns.remove(column);
            columns.add(renamed.table() + column.substring(renamed.from().length()));
          }
        }
      } else if (change instanceof Change.ColumnAdded added) {
        columns.remove(added.table() + "." + added.column().name());
      } else if (change instanceof Change.ColumnDropped dropped) {
        columns.remove(dropped.table() + "." + dropped.column().name());
      } else if (change instanceof Change.ColumnRenamed renamed
          && columns.remove(renamed.table() + "." + renamed.from())) {
        columns.add(renamed.table() + "." + renamed.column());
      }
    }
  }

  private LintResult excuse(List<Finding> found, List<Excuse> excuses, List<String> notes,
      List<Change> schemaChange, Schema after) {
    Map<LintRule, Excuse> accepted = new EnumMap<>(LintRule.class);
    for (Excuse excuse : excuses) {
      if (!excuse.hasReason()) {
        notes.add(Messages.blankExcuse(excuse.rule()));
      } else {
        accepted.putIfAbsent(excuse.rule(), excuse);
      }
    }
    List<Finding> findings = new ArrayList<>();
    List<Excused> excused = new ArrayList<>();
    Set<LintRule> used = new HashSet<>();
    for (Finding finding : found) {
      Excuse excuse = accepted.get(finding.rule());
      if (excuse == null) {
        findings.add(finding);
      } else {
        excused.add(new Excused(finding, excuse.reason().strip()));
        used.add(finding.rule());
      }
    }
    for (LintRule rule : accepted.keySet()) {
      if (!used.contains(rule) && group.rules().contains(rule)) {
        notes.add(Messages.unusedExcuse(rule, dialect.name()));
      }
    }
    return new LintResult(List.copyOf(findings), List.copyOf(excused), List.copyOf(notes),
        schemaChange, after);
  }
}

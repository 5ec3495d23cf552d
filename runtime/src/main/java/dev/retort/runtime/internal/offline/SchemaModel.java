package dev.retort.runtime.internal.offline;

import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationStep.Direction;
import dev.retort.runtime.OfflineSchema.Origin;
import dev.retort.runtime.OfflineSchema.Statement;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.internal.offline.Modelling.Ddl;
import dev.retort.runtime.internal.offline.Modelling.Modelled;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.exception.DataDefinitionException;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;

/**
 * A schema without a database: migrations' statements recorded, classified, and applied to jOOQ's
 * DDL interpreter ({@link Meta#apply}). The same rendering as an online run and as {@code sql()},
 * so what is modelled is what would run.
 */
public final class SchemaModel {

  private static final Set<String> DATA_VERBS =
      Set.of("insert", "update", "delete", "merge", "truncate");
  private static final Set<String> DDL_VERBS =
      Set.of("create", "alter", "drop", "comment", "grant", "revoke");

  /** Statements about what the parser cannot read but the model has no place for anyway. */
  private static final Pattern OUTSIDE_THE_MODEL_SQL = Pattern.compile("\\s*(create(\\s+or"
      + "\\s+replace)?(\\s+constraint)?|alter|drop|comment\\s+on)\\s+(function|procedure|trigger"
      + "|type|role|user)\\b", Pattern.CASE_INSENSITIVE);

  private final StatementRecorder recorder;
  private final DSLContext interpreter;

  public SchemaModel(SQLDialect dialect, RetortSettings settings) {
    this.recorder = new StatementRecorder(dialect, settings);
    this.interpreter = DSL.using(dialect, settings.jooqSettings());
  }

  public StatementRecorder recorder() {
    return recorder;
  }

  /** The schema with no tables. */
  public Meta empty() {
    return interpreter.meta(new Query[0]);
  }

  /** A migration's upgrade or downgrade, recorded and classified. */
  public Modelling model(Migration migration, Direction direction) {
    return classify(recorder.record(migration, direction));
  }

  /** What the interpreter can take of a recording. */
  public Modelling classify(Recording recording) {
    if (recording instanceof Recording.ReadsData reads) {
      return new Modelling.ReadsData(reads.read());
    }
    if (recording instanceof Recording.Threw threw) {
      return new Modelling.Threw(threw.failure());
    }
    List<Ddl> ddl = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    boolean changesData = false;
    for (Statement statement : recording.statements()) {
      String verb = verb(statement.sql());
      if (DATA_VERBS.contains(verb)) {
        changesData = true;
        continue;
      }
      if (!DDL_VERBS.contains(verb)) {
        return new Modelling.NotDdl(verb.toUpperCase(Locale.ROOT), statement.sql());
      }
      Query query;
      try {
        query = modelled(statement);
      } catch (RuntimeException unparsed) {
        if (!OUTSIDE_THE_MODEL_SQL.matcher(statement.sql()).lookingAt()) {
          return new Modelling.Unreadable(statement.sql(), unparsed.getMessage());
        }
        // jOOQ's open-source parser reads no functions, procedures, triggers, roles or users.
        leftOut.add(statement.sql());
        continue;
      }
      ddl.add(new Ddl(statement.sql(), query));
    }
    return new Modelled(ddl, changesData, leftOut);
  }

  /**
   * The query the interpreter is given for a statement: the statement as jOOQ's parser reads its
   * SQL, so names are looked up as the database would look them up; the query the migration
   * built, where the parser cannot read it back.
   *
   * @throws RuntimeException (jOOQ's ParserException) if neither exists
   */
  private Query modelled(Statement statement) {
    if (statement.origin() == Origin.PARSED && statement.query().isPresent()) {
      return statement.query().get();
    }
    try {
      return recorder.parse(statement.sql());
    } catch (RuntimeException unparsed) {
      if (statement.origin() == Origin.DSL && statement.query().isPresent()) {
        return statement.query().get();
      }
      throw unparsed;
    }
  }

  private static String verb(String sql) {
    return sql.stripLeading().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
  }

  /** The outcome of applying modelled statements to a schema. */
  public sealed interface Applied {}

  /**
   * Every statement applied, or left out where it defines what the model has no place for.
   *
   * @param leftOut the statements left out, as rendered
   */
  public record Done(Meta schema, List<String> leftOut) implements Applied {
    public Done {
      leftOut = List.copyOf(leftOut);
    }
  }

  /**
   * A statement the interpreter does not model and that may change tables, keys or indexes: the
   * schema after it is unknown.
   */
  public record Unknown(String sql, String reason) implements Applied {}

  /** A statement fails on the schema (creating a table that exists, dropping one that does not). */
  public record Fails(String sql, String reason) implements Applied {}

  /**
   * The statements applied to a schema: in one call to the interpreter, which replays the schema
   * once rather than once per statement; one by one only when that call fails, to find the
   * statement that fails and say why.
   */
  public Applied apply(Meta schema, Modelled statements) {
    try {
      return new Done(schema.apply(statements.ddl().stream().map(Ddl::query).toList()),
          statements.leftOut());
    } catch (RuntimeException oneFails) {
      return applyOneByOne(schema, statements);
    }
  }

  private Applied applyOneByOne(Meta schema, Modelled statements) {
    List<String> leftOut = new ArrayList<>(statements.leftOut());
    Meta result = schema;
    for (Ddl statement : statements.ddl()) {
      try {
        result = result.apply(statement.query());
      } catch (DataDefinitionException failed) {
        if (!unsupported(failed)) {
          return new Fails(statement.sql(), failed.getMessage());
        }
        if (!outsideTheModel(statement.query())) {
          return new Unknown(statement.sql(), failed.getMessage());
        }
        leftOut.add(statement.sql());
      } catch (RuntimeException failed) {
        return new Fails(statement.sql(), failed.getMessage());
      }
    }
    return new Done(result, leftOut);
  }

  /**
   * A statement left out of a schema built by {@link #applyAll}.
   *
   * @param position where the statement is in the list given to {@link #applyAll}
   * @param sql the statement as rendered
   * @param reason why, as a clause ("the DDL interpreter does not model it: ...")
   */
  public record Skipped(int position, String sql, String reason) {}

  /** A schema built by {@link #applyAll}, and the statements left out of it, in order. */
  public record Built(Meta schema, List<Skipped> skipped) {
    public Built {
      skipped = List.copyOf(skipped);
    }
  }

  /** A statement the interpreter is given, and where it is in the list. */
  private record Candidate(int position, String sql, Query query) {}

  /**
   * Every statement that can be applied, applied in order; each one that cannot is left out,
   * saying why, and the rest are still applied. Data changes are not schema and are passed over
   * without a word.
   *
   * <p>jOOQ's interpreter replays the whole schema on every call ({@link Meta#apply} exports the
   * schema as DDL and interprets it again with the new statements), so applying a history
   * statement by statement costs the square of its length. The
   * statements are given to it in one call instead; only where that call fails is the list
   * halved, and each half applied the same way, until the statement that fails is alone and is
   * left out with the interpreter's reason, on the schema the statements before it leave, as one
   * by one would give.
   */
  public Built applyAll(Meta schema, List<Statement> statements) {
    List<Skipped> skipped = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (int position = 0; position < statements.size(); position++) {
      Statement statement = statements.get(position);
      String verb = verb(statement.sql());
      if (DATA_VERBS.contains(verb)) {
        continue;
      }
      if (!DDL_VERBS.contains(verb)) {
        skipped.add(new Skipped(position, statement.sql(),
            Messages.notDdl(verb.toUpperCase(Locale.ROOT))));
        continue;
      }
      try {
        candidates.add(new Candidate(position, statement.sql(), modelled(statement)));
      } catch (RuntimeException unparsed) {
        skipped.add(new Skipped(position, statement.sql(),
            OUTSIDE_THE_MODEL_SQL.matcher(statement.sql()).lookingAt()
                ? Messages.outsideTheModel() : Messages.unreadable(unparsed.getMessage())));
      }
    }
    Meta result = applyHalving(schema, candidates, skipped);
    skipped.sort(Comparator.comparingInt(Skipped::position));
    return new Built(result, skipped);
  }

  /** The candidates applied in one call, or, where that fails, each half of them in turn. */
  private Meta applyHalving(Meta schema, List<Candidate> candidates, List<Skipped> skipped) {
    if (candidates.isEmpty()) {
      return schema;
    }
    try {
      return schema.apply(candidates.stream().map(Candidate::query).toList());
    } catch (DataDefinitionException failed) {
      if (candidates.size() > 1) {
        return halves(schema, candidates, skipped);
      }
      Candidate alone = candidates.get(0);
      skipped.add(new Skipped(alone.position(), alone.sql(), !unsupported(failed)
          ? Messages.failsOnTheModel(failed.getMessage())
          : outsideTheModel(alone.query()) ? Messages.outsideTheModel()
          : Messages.notModelled(failed.getMessage())));
      return schema;
    } catch (RuntimeException failed) {
      if (candidates.size() > 1) {
        return halves(schema, candidates, skipped);
      }
      Candidate alone = candidates.get(0);
      skipped.add(new Skipped(alone.position(), alone.sql(),
          Messages.failsOnTheModel(failed.getMessage())));
      return schema;
    }
  }

  private Meta halves(Meta schema, List<Candidate> candidates, List<Skipped> skipped) {
    int half = candidates.size() / 2;
    Meta first = applyHalving(schema, candidates.subList(0, half), skipped);
    return applyHalving(first, candidates.subList(half, candidates.size()), skipped);
  }

  /** jOOQ's interpreter names a statement it does not model this way, and nothing else. */
  private static boolean unsupported(DataDefinitionException failed) {
    return failed.getMessage() != null && failed.getMessage().startsWith("Unsupported query");
  }

  /** Whether a statement defines something the schema model has no place for. */
  private static boolean outsideTheModel(Query query) {
    return query instanceof QOM.CreateType || query instanceof QOM.AlterType
        || query instanceof QOM.DropType || query instanceof QOM.Grant
        || query instanceof QOM.Revoke;
  }
}

package dev.retort.runtime;

import dev.retort.runtime.MigrationStep.Direction;
import dev.retort.runtime.internal.graph.Graph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.graph.TargetResolver;
import dev.retort.runtime.internal.offline.Recording;
import dev.retort.runtime.internal.offline.SchemaModel;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Meta;
import org.jooq.Query;
import org.jooq.SQLDialect;

/**
 * What a registry's revisions do, without a database: the statements each revision's upgrade or
 * downgrade runs, rendered for a dialect, and the schema that the revisions up to some targets
 * build, computed with jOOQ's DDL interpreter. For tools that review, compare or generate from
 * migrations (a schema diff, a lint report, jOOQ code generation).
 *
 * <pre>{@code
 * OfflineSchema offline = OfflineSchema.of(Revisions.REGISTRY, SQLDialect.POSTGRES);
 * for (OfflineSchema.Statement statement : offline.upgrade(Revisions.ADD_PHONE).statements()) {
 *   System.out.println(statement.sql());
 * }
 * OfflineSchema.Schema atHeads = offline.schemaAt("heads");
 * atHeads.meta().getTables();          // what the migrations build
 * atHeads.leftOut();                   // what the interpreter could not model, and why
 * }</pre>
 *
 * <p>The statements are those an online run executes, rendered the same way (names quoted as
 * {@link RetortSettings#nameQuoting()} says) with values inlined; {@code retort sql} and {@link
 * RevisionProofs} record them with the same machinery. Each migration runs against a jOOQ
 * connection that only listens and never reaches a database. Instances are immutable and
 * thread-safe; each revision is recorded once per instance.
 */
public final class OfflineSchema {

  /** Where a recorded statement's {@link Statement#query() query} comes from. */
  public enum Origin {
    /** The migration built it with jOOQ's DSL; the query is the object it built. */
    DSL,
    /** The migration ran plain SQL ({@code db.execute("...")}); the query is jOOQ's parse. */
    PARSED,
    /** Plain SQL that jOOQ's parser cannot read; there is no query, only the SQL. */
    UNPARSED
  }

  /**
   * One statement a migration runs.
   *
   * @param sql the statement as the database would receive it, values inlined, on one line
   * @param origin whether the migration built it with the DSL or wrote it as plain SQL
   * @param query the jOOQ query object model ({@code org.jooq.impl.QOM}): the query the migration
   *     built, or the parse of its plain SQL; empty when jOOQ cannot parse it. Detached from any
   *     database: render it with a context of your own ({@code DSL.using(dialect).render(q)})
   */
  public record Statement(String sql, Origin origin, Optional<Query> query) {
    /** A statement; none of its parts may be null. */
    public Statement {
      Objects.requireNonNull(sql, "sql");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(query, "query");
    }
  }

  /**
   * The statements of one revision's upgrade or downgrade.
   *
   * @param revision the revision
   * @param direction whether these are its upgrade's or its downgrade's
   * @param statements what it runs, in order; for a migration that reads data, what it runs
   *     before the read
   * @param dataRead the first statement that reads data, when the migration reads: what it runs
   *     after that depends on the database's contents, so it cannot be known offline and is not
   *     listed
   */
  public record Statements(RevisionInfo revision, Direction direction, List<Statement> statements,
      Optional<String> dataRead) {
    /** The statements of a step, the list copied. */
    public Statements {
      statements = List.copyOf(statements);
    }

    /** Whether every statement is known: the migration reads no data. */
    public boolean complete() {
      return dataRead.isEmpty();
    }
  }

  /**
   * A statement left out of a computed {@link Schema}, or a revision that could not be recorded.
   *
   * @param revision the revision that runs it
   * @param statement the statement as rendered; empty when the whole migration could not be
   *     recorded (it threw)
   * @param reason why it is left out, as a clause ("it reads data: ...")
   */
  public record LeftOut(RevisionInfo revision, Optional<String> statement, String reason) {}

  /**
   * A schema computed by the DDL interpreter, and what was left out of it.
   *
   * @param meta the tables, columns, keys and indexes, as jOOQ's interpreter models them
   * @param leftOut every statement the interpreter could not take, in order: a caller that
   *     presents the schema says so when this is not empty
   */
  public record Schema(Meta meta, List<LeftOut> leftOut) {
    /** A schema and what was left out of it, the list copied. */
    public Schema {
      leftOut = List.copyOf(leftOut);
    }

    /** Whether every statement of every revision is in the model. */
    public boolean complete() {
      return leftOut.isEmpty();
    }
  }

  private final RevisionRegistry registry;
  private final SchemaModel model;
  private final Map<String, Recording> upgrades = new ConcurrentHashMap<>();

  private OfflineSchema(RevisionRegistry registry, SQLDialect dialect, RetortSettings settings) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.model = new SchemaModel(Objects.requireNonNull(dialect, "dialect"),
        Objects.requireNonNull(settings, "settings"));
  }

  /** The revisions of a registry, rendered for a dialect with the default settings. */
  public static OfflineSchema of(RevisionRegistry registry, SQLDialect dialect) {
    return of(registry, dialect, RetortSettings.defaults());
  }

  /**
   * The revisions of a registry, rendered for a dialect as the settings say (how names are
   * quoted: {@link RetortSettings#nameQuoting()}).
   */
  public static OfflineSchema of(RevisionRegistry registry, SQLDialect dialect,
      RetortSettings settings) {
    return new OfflineSchema(registry, dialect, settings);
  }

  /**
   * The statements the revision's upgrade runs.
   *
   * @throws IllegalArgumentException if the revision belongs to another registry
   * @throws OfflineRenderingException if the migration throws while it is recorded (a read's
   *     refusal excepted: that is reported as {@link Statements#dataRead()})
   */
  public Statements upgrade(RevisionInfo revision) {
    return statements(revision, Direction.UP, recorded(own(revision)));
  }

  /**
   * The statements the revision's downgrade runs.
   *
   * @throws IllegalArgumentException if the revision belongs to another registry
   * @throws IrreversibleMigrationException if the revision is {@code @Irreversible}
   * @throws OfflineRenderingException if the migration throws while it is recorded
   */
  public Statements downgrade(RevisionInfo revision) {
    own(revision);
    if (!revision.reversible()) {
      throw new IrreversibleMigrationException(Messages.hasNoDowngrade(revision));
    }
    return statements(revision, Direction.DOWN,
        model.recorder().record(registry.migration(revision), Direction.DOWN));
  }

  /**
   * The schema the revisions up to the targets build, from an empty database: every target with
   * its ancestors and dependencies, in the registry's order.
   *
   * @param targets what {@code upgrade} takes: {@code heads}, {@code head}, a revision id or
   *     unique prefix, {@code label@head}, {@code base} (no revisions), {@code rev-N}; not the
   *     forms relative to a database's current revision
   * @throws InvalidTargetException if a target names no revision, or is ambiguous
   */
  public Schema schemaAt(String... targets) {
    Graph graph = new Graph(registry);
    TargetResolver resolver = new TargetResolver(graph);
    List<Integer> roots = new ArrayList<>();
    for (String target : targets) {
      roots.addAll(resolver.resolve(Target.parse(target), List.of()));
    }
    return build(graph.closure(roots));
  }

  /**
   * The schema a revision's upgrade starts from: the one its parents and dependencies build, with
   * theirs, from an empty database.
   *
   * @throws IllegalArgumentException if the revision belongs to another registry
   */
  public Schema schemaBefore(RevisionInfo revision) {
    BitSet before = new Graph(registry).closure(List.of(own(revision).index()));
    before.clear(revision.index());
    return build(before);
  }

  /**
   * The schema the revisions build: every revision's statements given to the model at once, so
   * that the interpreter replays the schema once rather than once per revision or statement.
   */
  private Schema build(BitSet revisions) {
    List<RevisionInfo> built = new ArrayList<>();
    List<Recording> recordings = new ArrayList<>();
    List<Statement> statements = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    for (int i = revisions.nextSetBit(0); i >= 0; i = revisions.nextSetBit(i + 1)) {
      RevisionInfo revision = registry.revisions().get(i);
      Recording recording = recorded(revision);
      built.add(revision);
      recordings.add(recording);
      statements.addAll(recording.statements());
      ends.add(statements.size());
    }
    SchemaModel.Built applied = model.applyAll(model.empty(), statements);
    List<LeftOut> leftOut = new ArrayList<>();
    int next = 0;
    List<SchemaModel.Skipped> skipped = applied.skipped();
    for (int r = 0; r < built.size(); r++) {
      RevisionInfo revision = built.get(r);
      for (; next < skipped.size() && skipped.get(next).position() < ends.get(r); next++) {
        leftOut.add(new LeftOut(revision, Optional.of(skipped.get(next).sql()),
            skipped.get(next).reason()));
      }
      if (recordings.get(r) instanceof Recording.ReadsData reads) {
        leftOut.add(new LeftOut(revision, Optional.of(reads.read()),
            Messages.readsDataAfterwards()));
      } else if (recordings.get(r) instanceof Recording.Threw threw) {
        leftOut.add(new LeftOut(revision, Optional.empty(),
            Messages.threwAfterwards(threw.failure())));
      }
    }
    return new Schema(applied.schema(), leftOut);
  }

  /** The revision's upgrade, recorded once. */
  private Recording recorded(RevisionInfo revision) {
    return upgrades.computeIfAbsent(revision.id(),
        id -> model.recorder().record(registry.migration(revision), Direction.UP));
  }

  private static Statements statements(RevisionInfo revision, Direction direction,
      Recording recording) {
    if (recording instanceof Recording.Threw threw) {
      throw new OfflineRenderingException(
          Messages.threwWhileRecorded(revision, direction.verb(), threw.failure()),
          threw.failure());
    }
    return new Statements(revision, direction, recording.statements(),
        recording instanceof Recording.ReadsData reads ? Optional.of(reads.read())
            : Optional.empty());
  }

  private RevisionInfo own(RevisionInfo revision) {
    List<RevisionInfo> all = registry.revisions();
    if (revision.index() >= all.size() || all.get(revision.index()) != revision) {
      throw new IllegalArgumentException(Messages.foreignRevision(revision,
          registry.getClass().getName()));
    }
    return revision;
  }
}

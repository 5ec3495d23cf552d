package dev.retort.runtime;

import dev.retort.runtime.internal.database.SchemaDataSource;
import dev.retort.runtime.internal.execution.Commands;
import dev.retort.runtime.internal.execution.Database;
import dev.retort.runtime.internal.execution.UpToDate;
import dev.retort.runtime.internal.graph.Graph;
import dev.retort.runtime.internal.graph.Range;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.offline.OfflineScript;
import dev.retort.runtime.internal.plan.Plan;
import dev.retort.runtime.internal.plan.Planner;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DataSourceConnectionProvider;

/**
 * Applies a registry's revisions to a database, with Alembic's commands and semantics.
 *
 * <pre>{@code
 * Retort retort = Retort.using(dataSource, Revisions.REGISTRY);
 * retort.upgrade("head");                       // or retort.upgrade(Revisions.ADD_USERS)
 * retort.downgrade("-1");
 * List<RevisionInfo> at = retort.current();
 * }</pre>
 *
 * <p>Each command that changes the database takes a lock first (a PostgreSQL advisory lock, a
 * MySQL or MariaDB named lock, or a lease row elsewhere), then reads the state, so of several
 * runners started at once one applies the revisions and the others find nothing to do. Every
 * exception a command throws is a {@link RetortException}, except {@link IllegalArgumentException}
 * where a method says so; each subclass documents whether anything changed. Instances are
 * immutable and thread-safe.
 */
public final class Retort {

  private final DataSource dataSource;
  private final Database database;
  private final RevisionRegistry registry;
  private final Commands commands;

  private Retort(DataSource dataSource, RetortSettings settings, RevisionRegistry registry) {
    this.dataSource = dataSource;
    // With a migration schema, every connection Retort takes is switched to it.
    this.database = new Database(
        SchemaDataSource.of(dataSource, settings.migrationSchema()), settings);
    this.registry = registry;
    this.commands = new Commands(database, registry);
  }

  /**
   * Retort on a database, with the one generated registry on the classpath ({@link
   * RevisionRegistry#onClasspath()}), created when a command first needs it: {@link #upgrade()}
   * reads it while its connection is being opened.
   *
   * @throws RegistryNotFoundException if {@link java.util.ServiceLoader} finds no registry; when
   *     it finds several of which none contains all the others, the first command and {@link
   *     #registry()} throw it
   */
  public static Retort using(DataSource dataSource) {
    return using(dataSource, ClasspathRegistry.find());
  }

  /**
   * Retort on the database at a JDBC URL, with the one generated registry on the classpath: a
   * new connection per use, from the first driver that accepts the URL, among them those the
   * context class loader sees ({@link UrlDataSource}). For a start-up or a tool that migrates
   * once; an application with a connection pool passes the pool to {@link #using(DataSource)}.
   * No password is in any message about the connection.
   *
   * @param user the user, or {@code null} for the one in the URL or the driver's default
   * @param password the password, or {@code null}
   * @throws NullPointerException if the URL is null
   * @throws RegistryNotFoundException if {@link java.util.ServiceLoader} finds no registry; when
   *     it finds several of which none contains all the others, the first command and {@link
   *     #registry()} throw it
   */
  public static Retort using(String url, String user, String password) {
    return using(UrlDataSource.of(url, user, password));
  }

  /** Retort on a database, with a registry such as {@code Revisions.REGISTRY}. */
  public static Retort using(DataSource dataSource, RevisionRegistry registry) {
    return new Retort(dataSource, RetortSettings.defaults(), registry);
  }

  /**
   * Retort on the database of a jOOQ context built from a {@link DataSource}.
   *
   * @throws IllegalArgumentException if the context has a single connection: Retort holds its
   *     lock on a connection of its own, so it needs a data source
   */
  public static Retort using(DSLContext db, RevisionRegistry registry) {
    ConnectionProvider provider = db.configuration().connectionProvider();
    if (provider instanceof DataSourceConnectionProvider dataSourceProvider) {
      return using(dataSourceProvider.dataSource(), registry);
    }
    throw new IllegalArgumentException(Messages.needsADataSource());
  }

  /** A copy with other settings. */
  public Retort withSettings(RetortSettings settings) {
    return new Retort(dataSource, settings, registry);
  }

  /** The registry whose revisions this Retort applies. */
  public RevisionRegistry registry() {
    return registry instanceof ClasspathRegistry found ? found.registry() : registry;
  }

  /** Where Retort keeps its state and how it runs revisions. */
  public RetortSettings settings() {
    return database.settings();
  }

  // ---- reading ----

  /** The revisions the database is at: one per current head; empty at base. Takes no lock. */
  public List<RevisionInfo> current() {
    return revisions(commands.heads());
  }

  /** The registry's heads. */
  public List<RevisionInfo> heads() {
    return registry.heads();
  }

  /** The revisions with more than one child: where the history forks. */
  public List<RevisionInfo> branches() {
    return revisions(new Graph(registry).branchPoints());
  }

  /**
   * The revision a target names: an id, a unique prefix, {@code head}, a label, {@code
   * label@head}, {@code rev@-1}. Reads the database only for a target relative to it.
   *
   * @throws InvalidTargetException if the target names no revision, or several
   */
  public RevisionInfo show(String revision) {
    Target target = Target.parse(revision);
    if (!target.needsCurrent()) {
      return Targets.of(registry).resolveOne(revision);
    }
    List<Integer> found = new Planner(new Graph(registry)).resolver().resolve(target,
        commands.heads());
    if (found.size() != 1) {
      throw new InvalidTargetException(Messages.showTakesOne(revision, found.size()));
    }
    return registry.revisions().get(found.get(0));
  }

  /** Every revision, newest first. */
  public List<RevisionInfo> history() {
    return history(":");
  }

  /**
   * The revisions in an Alembic range, newest first: {@code start:end}, {@code start:}, {@code
   * :end}, with any target on either side ({@code -r-3:current}, {@code billing@base:}).
   *
   * @throws InvalidTargetException if a side names nothing, or the start is not an ancestor of
   *     the end
   */
  public List<RevisionInfo> history(String range) {
    Range parsed = Range.parse(range);
    Graph graph = new Graph(registry);
    BitSet members = parsed.members(new Planner(graph).resolver(),
        parsed.needsCurrent() ? commands.heads() : List.of());
    List<Integer> newestFirst = new ArrayList<>(Graph.indexes(members));
    Collections.reverse(newestFirst);
    return revisions(newestFirst);
  }

  /**
   * Where the database is and what {@code upgrade heads} would apply; for CI and deploy scripts.
   * Reads only; takes no lock.
   */
  public Status check() {
    List<Integer> heads = commands.heads();
    Graph graph = new Graph(registry);
    BitSet pending = graph.closure(graph.heads());
    pending.andNot(graph.closure(heads));
    return new Status(revisions(heads), revisions(Graph.indexes(pending)));
  }

  /**
   * Checks the recorded history against this build: no unknown revision in the database, no
   * unresolved failure, and every applied revision's checksum equal to its compiled one. Takes no
   * lock.
   *
   * @throws UnknownRevisionException if the database is at a revision the registry lacks
   * @throws UnresolvedFailureException if a failure that was not rolled back awaits repair
   * @throws ChecksumMismatchException if an applied revision was edited since
   */
  public void validate() {
    commands.validate();
  }

  /**
   * The newest rows of the history table, newest first: every step, stamp and repair, with who
   * ran it, when, for how long and whether it succeeded. Reads only; takes no lock.
   *
   * @param limit how many rows at most
   * @return empty when no command has written the history yet
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  public List<AuditEntry> auditTrail(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException(Messages.auditLimit(limit));
    }
    return commands.read(session -> session.auditTrail(limit));
  }

  // ---- changing ----

  /** Upgrades to every head ({@code heads}). */
  public List<MigrationStep> upgrade() {
    return upgrade("heads");
  }

  /**
   * Upgrades to a revision of this Retort's registry: see {@link #upgrade(String)}.
   *
   * @throws IllegalArgumentException if the revision belongs to another registry
   */
  public List<MigrationStep> upgrade(RevisionInfo target) {
    return upgrade(own(target).id());
  }

  /**
   * Applies the target and everything it needs that is not applied yet, parents first. Sibling
   * branches are left alone. A database already at every head is recognised with plain JDBC and
   * without the lock, which is all an application's start-up with nothing to do costs.
   *
   * @return the steps that ran, in order; empty when the database was up to date
   * @throws InvalidTargetException before anything runs (nothing changed), as do {@link
   *     UnknownRevisionException}, {@link UnresolvedFailureException}, {@link
   *     ChecksumMismatchException} and {@link LockException}
   * @throws MigrationFailedException when a revision fails; see {@link
   *     MigrationFailedException#rolledBack()}
   */
  public List<MigrationStep> upgrade(String target) {
    // With several heads, "head" is the planner's to refuse, without the check's report.
    if (target.equals("heads") || target.equals("head") && registry.heads().size() == 1) {
      UpToDate.Outcome found = new UpToDate(database, registry).check();
      if (found.atEveryHead()) {
        return List.of();
      }
      // The check's connection goes on to the command: H2 keeps an embedded database open.
      Target parsed = Target.parse(target);
      return commands.run((planner, heads) -> planner.upgrade(parsed, heads), found.connection());
    }
    Target parsed = Target.parse(target);
    return commands.run((planner, heads) -> planner.upgrade(parsed, heads));
  }

  /**
   * Downgrades to a revision of this Retort's registry: see {@link #downgrade(String)}.
   *
   * @throws IllegalArgumentException if the revision belongs to another registry
   */
  public List<MigrationStep> downgrade(RevisionInfo target) {
    return downgrade(own(target).id());
  }

  /**
   * Removes the target's applied descendants and dependents, newest first: {@code base} removes
   * everything, {@code label@base} that branch, {@code -N} the last N steps.
   *
   * @throws InvalidTargetException if the target names no applied destination (nothing ran)
   * @throws IrreversibleMigrationException if the way down passes an {@code @Irreversible}
   *     revision; checked before anything runs
   * @throws MigrationFailedException when a downgrade fails
   */
  public List<MigrationStep> downgrade(String target) {
    Target parsed = Target.parse(target);
    return commands.run((planner, heads) -> planner.downgrade(parsed, heads));
  }

  /**
   * Downgrades one revision and, before it, every applied revision that depends on it (its
   * descendants and dependents), newest first; other branches stay as they are. A stairway test
   * steps down this way, and it backs out one branch's last step where Alembic's relative targets
   * would be ambiguous.
   *
   * @throws IllegalArgumentException if the revision belongs to another registry
   * @throws InvalidTargetException if the revision is not applied
   * @throws IrreversibleMigrationException if one of them is {@code @Irreversible}
   * @throws MigrationFailedException when a downgrade fails
   */
  public List<MigrationStep> revert(RevisionInfo revision) {
    own(revision);
    return commands.run((planner, heads) -> planner.revert(revision, heads));
  }

  /**
   * Stamps without purging: see {@link #stamp(boolean, String...)}.
   *
   * @return the heads after stamping
   */
  public List<RevisionInfo> stamp(String... targets) {
    return stamp(false, targets);
  }

  /**
   * Records that the database is at the targets without running any migration, creating the
   * state tables if needed. Each target replaces the current heads in its own lineage (its
   * ancestors and descendants); a target on an unrelated branch becomes a head beside them;
   * {@code base} clears them, and {@code label@base} takes that branch's revisions away.
   *
   * @param purge whether to empty the version table first
   * @param targets where the database is
   * @return the heads after stamping
   * @throws InvalidTargetException if a target names nothing (nothing changed)
   */
  public List<RevisionInfo> stamp(boolean purge, String... targets) {
    return commands.stamp(Arrays.stream(targets).map(Target::parse).toList(), purge);
  }

  /**
   * Resolves what {@link #validate()} refuses, after a person has checked the database: records
   * the compiled checksum of every applied revision that was edited since, and marks every
   * failure that was not rolled back as repaired.
   *
   * @return the revisions repaired
   */
  public List<RevisionInfo> repair() {
    return commands.repair();
  }

  /**
   * The SQL script that {@code upgrade to} would run from {@code from} (or, when {@code to} is
   * below {@code from}, the downgrade), for review, without a database: the version table's DDL
   * when starting from base, each revision's statements, and the version table's changes.
   *
   * @throws InvalidTargetException if a target names nothing
   * @throws IrreversibleMigrationException if the downgrade passes an {@code @Irreversible}
   *     revision
   * @throws OfflineRenderingException if a migration reads data, so it cannot be rendered
   */
  public String sql(String from, String to, SQLDialect dialect) {
    Target start = Target.parse(from);
    Plan plan = new Planner(new Graph(registry)).offline(start, Target.parse(to));
    return new OfflineScript(registry, dialect, settings())
        .render(plan, start instanceof Target.Base);
  }

  private RevisionInfo own(RevisionInfo revision) {
    if (registry.revision(revision.id()).orElse(null) != revision) {
      throw new IllegalArgumentException(Messages.foreignRevision(revision,
          registry().getClass().getName()));
    }
    return revision;
  }

  private List<RevisionInfo> revisions(List<Integer> indexes) {
    return indexes.stream().map(registry.revisions()::get).toList();
  }
}

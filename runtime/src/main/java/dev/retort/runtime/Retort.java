package dev.retort.runtime;

import dev.retort.runtime.internal.Graph;
import dev.retort.runtime.internal.MigrationLock;
import dev.retort.runtime.internal.OfflineScript;
import dev.retort.runtime.internal.StateTables;
import dev.retort.runtime.internal.StateTables.Direction;
import dev.retort.runtime.internal.StateTables.Entry;
import dev.retort.runtime.internal.StateReader;
import dev.retort.runtime.internal.StateReader.Recorded;
import dev.retort.runtime.internal.StateWriter;
import dev.retort.runtime.internal.Targets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.tools.jdbc.JDBCUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Commands that change the database take a lock first (a PostgreSQL advisory lock, a MySQL or
 * MariaDB named lock, or a lease row elsewhere), then read the state, so of several runners
 * started at once one applies the revisions and the others find nothing to do. Every exception is
 * a {@link RetortException}; each subclass documents whether anything changed.
 */
public final class Retort {

  static {
    // jOOQ prints a banner and tips on first use; a migration tool's output is its own.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  private static final Logger log = LoggerFactory.getLogger(Retort.class);
  private static final String BASE = "<base>";

  private final DataSource dataSource;
  private final RevisionRegistry registry;
  private final RetortSettings settings;
  private final Graph graph;
  private final Targets targets;
  private final StateReader reader;
  private StateTables tables;
  private SQLDialect dialect;

  private Retort(DataSource dataSource, RevisionRegistry registry, RetortSettings settings) {
    this.dataSource = dataSource;
    this.registry = registry;
    this.settings = settings;
    this.graph = new Graph(registry);
    this.targets = new Targets(graph);
    this.reader = new StateReader(settings);
  }

  /**
   * Retort on a database, with the one generated registry on the classpath.
   *
   * @throws RegistryNotFoundException if {@link ServiceLoader} finds no registry, or several
   *     of which none contains all the others
   */
  public static Retort using(DataSource dataSource) {
    return using(dataSource, RevisionRegistry.onClasspath());
  }

  /**
   * The registry to use among those on the classpath: the only one, or the one that contains all
   * the others. A shared migrations jar ships a registry of its own revisions, and the
   * application's registry covers them and its own, so the application's is the one to use.
   */
  static RevisionRegistry discover(List<RevisionRegistry> found) {
    if (found.isEmpty()) {
      throw new RegistryNotFoundException("No generated registry on the classpath: compile the"
          + " @Revision classes with retort-processor on the annotation processor path, or pass"
          + " the registry to Retort.using(dataSource, registry)");
    }
    List<RevisionRegistry> covering = found.stream()
        .filter(candidate -> found.stream().allMatch(other -> covers(candidate, other)))
        .toList();
    if (covering.size() == 1) {
      return covering.get(0);
    }
    throw new RegistryNotFoundException("Several registries on the classpath ("
        + found.stream().map(r -> r.getClass().getName()).collect(Collectors.joining(", "))
        + ") and none contains all the others; pass the one to use to"
        + " Retort.using(dataSource, registry)");
  }

  private static boolean covers(RevisionRegistry candidate, RevisionRegistry other) {
    return other.revisions().stream()
        .allMatch(revision -> candidate.revision(revision.id()).isPresent());
  }

  /** Retort on a database, with a registry such as {@code Revisions.REGISTRY}. */
  public static Retort using(DataSource dataSource, RevisionRegistry registry) {
    return new Retort(dataSource, registry, RetortSettings.defaults());
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
    throw new IllegalArgumentException("Retort needs a DSLContext built from a DataSource"
        + " (DSL.using(dataSource, dialect)): it holds its lock on a connection of its own");
  }

  /** A copy with other settings. */
  public Retort withSettings(RetortSettings settings) {
    return new Retort(dataSource, registry, settings);
  }

  public RevisionRegistry registry() {
    return registry;
  }

  public RetortSettings settings() {
    return settings;
  }

  // ---- reading ----

  /** The revisions the database is at: one per current head; empty at base. */
  public List<RevisionInfo> current() {
    return withConnection(db -> revisions(readHeads(db)));
  }

  /** The registry's heads. */
  public List<RevisionInfo> heads() {
    return registry.heads();
  }

  /** The revisions with more than one child: where the history forks. */
  public List<RevisionInfo> branches() {
    List<RevisionInfo> branchPoints = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      if (graph.children(i).length > 1) {
        branchPoints.add(graph.revision(i));
      }
    }
    return branchPoints;
  }

  /** The revision a target names: an id, a unique prefix, {@code head}, a label. */
  public RevisionInfo show(String revision) {
    List<Integer> found = targets.resolve(revision, readHeadsIfNeeded(revision));
    if (found.size() != 1) {
      throw new InvalidTargetException("'" + revision + "' names " + found.size()
          + " revisions; show takes one");
    }
    return graph.revision(found.get(0));
  }

  /** Every revision, newest first. */
  public List<RevisionInfo> history() {
    return history(":");
  }

  /**
   * The revisions in an Alembic range, newest first: {@code start:end}, {@code start:},
   * {@code :end}, with any target syntax on either side ({@code -r-3:current}).
   */
  public List<RevisionInfo> history(String range) {
    int colon = range.indexOf(':');
    String start = colon < 0 ? "base" : range.substring(0, colon);
    String end = colon < 0 ? range : range.substring(colon + 1);
    List<Integer> current = needsCurrent(start) || needsCurrent(end)
        ? withConnection(this::readHeads)
        : List.of();
    List<Integer> ends = targets.resolve(end.isEmpty() ? "heads" : end, current);
    BitSet members = graph.closure(ends);
    // A start that resolves to nothing (base, or a relative walk that reaches it) filters nothing.
    List<Integer> starts = start.isEmpty() ? List.of() : targets.resolve(start, current);
    if (!starts.isEmpty()) {
      BitSet fromStart = graph.dependentsClosure(starts);
      starts.forEach(fromStart::set);
      members.and(fromStart);
    }
    List<RevisionInfo> newestFirst = new ArrayList<>();
    for (int i = members.previousSetBit(graph.size() - 1); i >= 0;
        i = members.previousSetBit(i - 1)) {
      newestFirst.add(graph.revision(i));
    }
    return newestFirst;
  }

  /**
   * Where the database is and what {@code upgrade heads} would apply; for CI and deploy scripts.
   * Reads only; takes no lock.
   */
  public Status check() {
    List<Integer> heads = withConnection(this::readHeads);
    BitSet pending = graph.closure(indexes(registry.heads()));
    pending.andNot(graph.closure(heads));
    return new Status(revisions(heads), revisions(pending));
  }

  /**
   * Checks the recorded history against this build: no unknown revision in the database, no
   * unresolved failure, and every applied revision's checksum equal to its compiled one.
   *
   * @throws UnknownRevisionException if the database is at a revision the registry lacks
   * @throws UnresolvedFailureException if a failure that was not rolled back awaits repair
   * @throws ChecksumMismatchException if an applied revision was edited since
   */
  public void validate() {
    withConnection(db -> {
      preflight(tables().recorded(db), graph.closure(readHeads(db)));
      return null;
    });
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
      throw new IllegalArgumentException("auditTrail needs a positive limit, not " + limit);
    }
    return withConnection(db -> db.connectionResult(c -> reader.auditTrail(c, limit)));
  }

  // ---- changing ----

  /** Upgrades to every head ({@code heads}). */
  public List<MigrationStep> upgrade() {
    return upgrade("heads");
  }

  public List<MigrationStep> upgrade(RevisionInfo target) {
    return upgrade(ownId(target));
  }

  /**
   * Applies the target and everything it needs that is not applied yet, parents first. Sibling
   * branches are left alone.
   *
   * @return the steps that ran, in order; empty when the database was up to date
   * @throws InvalidTargetException, UnknownRevisionException, UnresolvedFailureException,
   *     ChecksumMismatchException, LockException before anything runs (nothing changed)
   * @throws MigrationFailedException when a revision fails; see {@link
   *     MigrationFailedException#rolledBack()}
   */
  public List<MigrationStep> upgrade(String target) {
    if ((target.equals("heads") || target.equals("head") && registry.heads().size() == 1)
        && atEveryHead()) {
      return List.of();
    }
    return locked((db, lock) -> {
      List<Integer> heads = prepare(db);
      BitSet applied = graph.closure(heads);
      BitSet todo = graph.closure(targets.forUpgrade(target, heads));
      todo.andNot(applied);
      List<Integer> plan = todo.stream().boxed().toList();
      return run(db, lock, plan, heads, true, target);
    });
  }

  /**
   * Whether the database is already at every head, read with plain JDBC and without the lock:
   * all that an application's start-up with nothing to do should cost. It refuses as upgrade
   * does (unresolved failures, edited revisions). Anything else, including a read that fails, is
   * left to the locked path, which reports it.
   */
  private boolean atEveryHead() {
    try (Connection connection = dataSource.getConnection()) {
      List<Integer> heads = new ArrayList<>();
      for (String id : reader.heads(connection)) {
        Optional<RevisionInfo> known = registry.revision(id);
        if (known.isEmpty()) {
          return false;
        }
        heads.add(known.get().index());
      }
      // Usually the rows are the registry's heads; a head that another revision depends on is
      // implied by it instead, so what counts is that the rows imply every revision.
      BitSet applied = graph.closure(heads);
      if (applied.cardinality() != graph.size()) {
        return false;
      }
      heads.sort(null);
      Map<String, Recorded> recorded = reader.recorded(connection);
      // An unfinished row may belong to a runner working right now (a downgrade, say): only
      // the lock can tell, so the locked path decides.
      if (recorded.values().stream().anyMatch(Recorded::unresolvedFailure)) {
        return false;
      }
      preflight(recorded, applied);
      log.info("Nothing to upgrade: the database is at {}", describeIds(heads));
      return true;
    } catch (SQLException e) {
      log.debug("Reading the state without the lock failed; taking the lock: {}", e.getMessage());
      return false;
    }
  }

  public List<MigrationStep> downgrade(RevisionInfo target) {
    return downgrade(ownId(target));
  }

  /**
   * Removes the target's applied descendants and dependents, newest first: {@code base} removes
   * everything, {@code label@base} that branch, {@code -N} the last N steps.
   *
   * @throws IrreversibleMigrationException if the way down passes an {@code @Irreversible}
   *     revision; checked before anything runs
   * @throws MigrationFailedException when a downgrade fails
   */
  public List<MigrationStep> downgrade(String target) {
    return locked((db, lock) -> {
      List<Integer> heads = prepare(db);
      BitSet removed = targets.removedByDowngrade(target, graph.closure(heads), heads);
      return downgradeRemoving(db, lock, heads, removed, target);
    });
  }

  /**
   * Downgrades one revision and, before it, every applied revision that depends on it (its
   * descendants and dependents), newest first; other branches stay as they are. A stairway test
   * steps down this way, and it backs out one branch's last step where Alembic's relative targets
   * would be ambiguous.
   *
   * @throws InvalidTargetException if the revision is not applied
   * @throws IrreversibleMigrationException if one of them is {@code @Irreversible}
   */
  public List<MigrationStep> revert(RevisionInfo revision) {
    String id = ownId(revision);
    return locked((db, lock) -> {
      List<Integer> heads = prepare(db);
      BitSet applied = graph.closure(heads);
      if (!applied.get(revision.index())) {
        throw new InvalidTargetException("Revision " + describe(revision) + " is not applied, so"
            + " there is nothing to revert; current shows what is.");
      }
      BitSet removed = graph.dependentsClosure(List.of(revision.index()));
      removed.set(revision.index());
      removed.and(applied);
      return downgradeRemoving(db, lock, heads, removed, id);
    });
  }

  private List<MigrationStep> downgradeRemoving(DSLContext db, MigrationLock lock,
      List<Integer> heads, BitSet removed, String target) {
    List<Integer> plan = new ArrayList<>();
    for (int i = removed.previousSetBit(graph.size() - 1); i >= 0;
        i = removed.previousSetBit(i - 1)) {
      plan.add(i);
    }
    List<String> irreversible = plan.stream().map(graph::revision)
        .filter(revision -> !revision.reversible())
        .map(revision -> describe(revision) + ": " + revision.irreversibleReason().orElse(""))
        .toList();
    if (!irreversible.isEmpty()) {
      throw new IrreversibleMigrationException("Downgrade to " + target + " would pass through"
          + " irreversible " + String.join("; ", irreversible) + ". Nothing was run.");
    }
    return run(db, lock, plan, heads, false, target);
  }


  /** Stamps without purging: see {@link #stamp(boolean, String...)}. */
  public List<RevisionInfo> stamp(String... targets) {
    return stamp(false, targets);
  }

  /**
   * Records that the database is at the targets without running any migration, creating the
   * state tables if needed. Each target replaces the current heads in its own lineage (its
   * ancestors and descendants); a target on an unrelated branch becomes a head beside them;
   * {@code base} clears them.
   *
   * @param purge whether to empty the version table first
   * @return the heads after stamping
   */
  public List<RevisionInfo> stamp(boolean purge, String... stampTargets) {
    return locked((db, lock) -> {
      tables().createIfMissing(db);
      List<Integer> before = purge ? List.of() : readHeads(db);
      Set<Integer> heads = new LinkedHashSet<>(before);
      for (String target : stampTargets) {
        List<Integer> stamped = targets.resolve(target, List.copyOf(heads));
        if (stamped.isEmpty()) {
          // base, or a relative target that walks down to it
          heads.clear();
        }
        for (int revision : stamped) {
          BitSet lineage = graph.closure(List.of(revision));
          heads.removeIf(head -> lineage.get(head) || graph.closure(List.of(head)).get(revision));
          heads.add(revision);
        }
      }
      List<Integer> after = List.copyOf(heads);
      LocalDateTime started = LocalDateTime.now();
      String user = databaseUser(db);
      Connection connection = connection(db);
      transaction(connection, () -> {
        if (purge) {
          tables().purge(db);
        }
        List<String> removed = ids(before.stream().filter(h -> !after.contains(h)).toList());
        List<String> added = ids(after.stream().filter(h -> !before.contains(h)).toList());
        try (StateWriter writer = new StateWriter(settings, connection)) {
          writer.applyChange(removed, added);
          for (int head : after.stream().filter(h -> !before.contains(h)).toList()) {
            RevisionInfo revision = graph.revision(head);
            writer.record(new Entry(revision.id(), Direction.STAMP, revision.message(),
                revision.checksum(), started, LocalDateTime.now(), user, HOST, true, null));
          }
          if (after.isEmpty() && !removed.isEmpty()) {
            // No revision is stamped, so the row names base, which no revision id can be.
            writer.record(new Entry("base", Direction.STAMP, "Stamped base; removed "
                + String.join(", ", removed), null, started, LocalDateTime.now(), user, HOST,
                true, null));
          }
        }
        return null;
      });
      log.info("Stamped {}", after.isEmpty() ? BASE : describeIds(after));
      return revisions(after);
    });
  }

  /**
   * Resolves what {@link #validate()} refuses, after a person has checked the database: records
   * the compiled checksum of every applied revision that was edited since, and marks every
   * failure that was not rolled back as repaired.
   *
   * @return the revisions repaired
   */
  public List<RevisionInfo> repair() {
    return locked((db, lock) -> {
      tables().createIfMissing(db);
      BitSet applied = graph.closure(readHeads(db));
      Map<String, Recorded> recorded = tables().recorded(db);
      List<RevisionInfo> repaired = new ArrayList<>();
      for (RevisionInfo revision : registry.revisions()) {
        Recorded entry = recorded.get(revision.id());
        boolean edited = applied.get(revision.index()) && entry != null
            && checksumDiffers(entry.checksum(), revision.checksum());
        if (edited || (entry != null && entry.unresolvedFailure())) {
          repaired.add(revision);
        }
      }
      LocalDateTime now = LocalDateTime.now();
      String user = databaseUser(db);
      Connection connection = connection(db);
      transaction(connection, () -> {
        try (StateWriter writer = new StateWriter(settings, connection)) {
          for (RevisionInfo revision : repaired) {
            writer.record(new Entry(revision.id(), Direction.REPAIR, revision.message(),
                revision.checksum(), now, now, user, HOST, true, null));
          }
        }
        return null;
      });
      repaired.forEach(revision -> log.info("Repaired {}", describe(revision)));
      return repaired;
    });
  }

  /**
   * The SQL script that {@code upgrade to} would run from {@code from} (or, when {@code to} is
   * below {@code from}, the downgrade), for review, without a database: the version table's DDL
   * when starting from base, each revision's statements, and the version table updates.
   *
   * @throws OfflineRenderingException if a migration reads data, so it cannot be rendered
   */
  public String sql(String from, String to, SQLDialect dialect) {
    List<Integer> fromHeads = targets.resolve(from, List.of());
    BitSet applied = graph.closure(fromHeads);
    boolean upgrade;
    List<Integer> plan = new ArrayList<>();
    if (Targets.isDowngradeOnly(to)) {
      upgrade = false;
    } else {
      BitSet up = graph.closure(targets.resolve(to, fromHeads));
      up.andNot(applied);
      upgrade = !up.isEmpty() || from.equals("base");
      up.stream().forEach(plan::add);
    }
    if (!upgrade) {
      // The same plan as an online downgrade from those heads, newest first.
      BitSet removed = targets.removedByDowngrade(to, applied, graph.headsOf(applied));
      for (int i = removed.previousSetBit(graph.size() - 1); i >= 0;
          i = removed.previousSetBit(i - 1)) {
        plan.add(i);
      }
    }
    OfflineScript script = new OfflineScript(registry, tables(), dialect, settings);
    if (from.equals("base")) {
      script.createVersionTable();
    }
    List<Integer> heads = new ArrayList<>(graph.headsOf(applied));
    BitSet state = (BitSet) applied.clone();
    for (int revision : plan) {
      Change change = upgrade ? stepUp(revision, heads) : stepDown(revision, heads, state);
      script.step(graph.revision(revision), upgrade, change.from(), change.to(),
          ids(change.removed()), ids(change.added()));
      apply(heads, state, revision, change, upgrade);
    }
    return script.toString();
  }

  // ---- running ----

  private interface LockedCommand<T> {
    T run(DSLContext db, MigrationLock lock);
  }

  /**
   * Runs a command under the lock. The command's connection is opened first and held while the
   * lock is taken: an embedded H2 database closes when its last connection does, and reopening
   * it for every statement of the lock cost a second each on a large schema.
   */
  private <T> T locked(LockedCommand<T> command) {
    return withConnection(db -> {
      try (MigrationLock lock = MigrationLock.acquire(dataSource, db.dialect(), settings)) {
        boolean watching = watchForDeadClient(db);
        try {
          return command.run(db, lock);
        } finally {
          if (watching) {
            stopWatching(db);
          }
        }
      }
    });
  }

  /**
   * PostgreSQL notices that a client died only when it next talks to it, so a runner killed during
   * a long statement leaves that statement running, its transaction open and its locks held,
   * until the statement ends: the next runner would wait that long. Since version 14 the server
   * can check the connection while a statement runs; Retort turns that on for its own session.
   */
  private static boolean watchForDeadClient(DSLContext db) {
    if (db.dialect().family() != SQLDialect.POSTGRES) {
      return false;
    }
    try {
      if (db.connectionResult(c -> c.getMetaData().getDatabaseMajorVersion()) < 14) {
        return false;
      }
      db.execute("set client_connection_check_interval = '" + CLIENT_CHECK_INTERVAL + "'");
      return true;
    } catch (DataAccessException notOffered) {
      log.debug("Not watching for a dead client: {}", notOffered.getMessage());
      return false;
    }
  }

  private static final String CLIENT_CHECK_INTERVAL = "2s";

  private static void stopWatching(DSLContext db) {
    try {
      db.execute("reset client_connection_check_interval");
    } catch (DataAccessException e) {
      log.debug("Could not reset client_connection_check_interval: {}", e.getMessage());
    }
  }

  /**
   * Runs a command on one connection of its own, in auto-commit mode between transactions: a
   * data source without a pool would otherwise open a connection per statement.
   */
  private <T> T withConnection(java.util.function.Function<DSLContext, T> command) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      return command.apply(DSL.using(connection, dialect(connection), settings.jooqSettings()));
    } catch (SQLException e) {
      throw cannotConnect(e);
    } catch (DataAccessException e) {
      // Migrations' own failures are reported by runStep; what is left is Retort's own tables().
      throw new RetortException("Retort could not read or write its state tables ("
          + settings.versionTable() + ", " + settings.historyTable() + "): " + e.getMessage()
          + ("42501".equals(e.sqlState())
              ? ". The database user lacks a right Retort needs: grant it CREATE on the schema,"
                  + " or have an administrator run Retort once to create the tables and grant"
                  + " the user SELECT, INSERT, UPDATE and DELETE on them"
              : "") + ". Nothing was changed by this command.", e);
    }
  }

  private static RetortException cannotConnect(SQLException e) {
    String message = String.valueOf(e.getMessage());
    return new RetortException(message.startsWith("Cannot connect") ? message
        : "Cannot connect to the database: " + message, e);
  }

  /** How the version table changes for one step, and how the log line names it. */
  private record Change(List<Integer> removed, List<Integer> added, String from, String to) {}

  /**
   * The version table's change for one step up: the new revision replaces the heads it needs
   * (parents and dependencies, as Alembic counts them), or joins the others as a new branch.
   */
  private Change stepUp(int revision, List<Integer> heads) {
    List<Integer> removed = new ArrayList<>();
    for (int[] needed : new int[][] {graph.parents(revision), graph.dependencies(revision)}) {
      for (int head : needed) {
        if (heads.contains(head) && !removed.contains(head)) {
          removed.add(head);
        }
      }
    }
    return new Change(removed, List.of(revision),
        describeIds(toList(graph.parents(revision))), graph.revision(revision).id());
  }

  /**
   * The version table's change for one step down: the revision goes, and each parent or
   * dependency that nothing applied needs any more becomes a head again (Alembic re-inserts a
   * dependency the removed revision implied).
   */
  private Change stepDown(int revision, List<Integer> heads, BitSet applied) {
    BitSet remaining = (BitSet) applied.clone();
    remaining.clear(revision);
    List<Integer> added = new ArrayList<>();
    for (int[] needed : new int[][] {graph.parents(revision), graph.dependencies(revision)}) {
      for (int below : needed) {
        if (remaining.get(below) && !graph.isNeededBy(below, remaining)
            && !heads.contains(below) && !added.contains(below)) {
          added.add(below);
        }
      }
    }
    return new Change(List.of(revision), added, graph.revision(revision).id(),
        describeIds(toList(graph.parents(revision))));
  }

  private static void apply(
      List<Integer> heads, BitSet applied, int revision, Change change, boolean upgrade) {
    heads.removeAll(change.removed());
    heads.addAll(change.added());
    if (upgrade) {
      applied.set(revision);
    } else {
      applied.clear(revision);
    }
  }

  private List<MigrationStep> run(DSLContext db, MigrationLock lock, List<Integer> plan,
      List<Integer> startHeads, boolean upgrade, String target) {
    if (plan.isEmpty()) {
      log.info("Nothing to {}: the database is at {}", upgrade ? "upgrade" : "downgrade",
          startHeads.isEmpty() ? BASE : describeIds(startHeads));
      return List.of();
    }
    boolean single = settings.transactionMode() == RetortSettings.TransactionMode.SINGLE;
    if (single && !hasTransactionalDdl(dialect())) {
      throw new RetortException("TransactionMode.SINGLE needs a database that rolls back DDL, and "
          + dialect().getName() + " commits on every CREATE, ALTER and DROP. Nothing was run; use"
          + " PER_REVISION.");
    }
    if (single) {
      List<String> outside = plan.stream().map(graph::revision)
          .filter(revision -> !revision.transactional()).map(this::describe).toList();
      if (!outside.isEmpty()) {
        throw new RetortException("TransactionMode.SINGLE cannot include " + String.join(", ",
            outside) + ", which must run outside a transaction. Nothing was run; upgrade to the"
            + " revision before it, then run the rest with PER_REVISION.");
      }
    }
    try (StateWriter writer = new StateWriter(settings, connection(db))) {
      return run(db, writer, lock, plan, startHeads, upgrade, single);
    } catch (SQLException e) {
      throw new RetortException("Could not close the state tables' statements: "
          + e.getMessage(), e);
    }
  }

  private List<MigrationStep> run(DSLContext db, StateWriter writer, MigrationLock lock,
      List<Integer> plan, List<Integer> startHeads, boolean upgrade, boolean single) {
    String user = databaseUser(db);
    List<MigrationStep> completed = new ArrayList<>();
    List<Integer> heads = new ArrayList<>(startHeads);
    BitSet applied = graph.closure(startHeads);
    long started = System.nanoTime();
    if (single) {
      LocalDateTime[] failedAt = {LocalDateTime.now()};
      try {
        transaction(connection(db), () -> {
          for (int revision : plan) {
            failedAt[0] = LocalDateTime.now();
            runStep(db, writer, lock, revision, heads, applied, upgrade, user, completed,
                describeIds(startHeads));
          }
          return null;
        });
      } catch (MigrationFailedException failed) {
        // Recorded only now: inside the run's transaction the record would be rolled back too.
        recordFailure(writer, new Step(failed.revision(), upgrade ? Direction.UP : Direction.DOWN,
            List.of(), List.of(), failedAt[0], user, null), failed.rolledBack(), failed);
        throw new MigrationFailedException(failed.getMessage() + " The whole run was one"
            + " transaction, so every step of it was rolled back too.", failed.revision(),
            true, List.of(), failed.getCause());
      }
    } else {
      for (int revision : plan) {
        runStep(db, writer, lock, revision, heads, applied, upgrade, user, completed, null);
      }
    }
    log.info("{} {} revision{} in {} ms; the database is at {}",
        upgrade ? "Applied" : "Reverted", completed.size(), completed.size() == 1 ? "" : "s",
        (System.nanoTime() - started) / 1_000_000,
        heads.isEmpty() ? BASE : describeIds(heads));
    return completed;
  }

  /**
   * @param runStart where the database was when the run began, if the whole run is one
   *     transaction; {@code null} when each revision has its own
   */
  private void runStep(DSLContext db, StateWriter writer, MigrationLock lock, int index,
      List<Integer> heads,
      BitSet applied, boolean upgrade, String user, List<MigrationStep> completed,
      String runStart) {
    boolean insideTransaction = runStart != null;
    lock.checkHeld();
    RevisionInfo revision = graph.revision(index);
    Change change = upgrade ? stepUp(index, heads) : stepDown(index, heads, applied);
    Migration migration = registry.migration(revision);
    BiConsumer<Migration, DSLContext> body = upgrade ? Migration::upgrade : Migration::downgrade;
    Direction direction = upgrade ? Direction.UP : Direction.DOWN;
    List<String> removed = ids(change.removed());
    List<String> added = ids(change.added());
    LocalDateTime startedAt = LocalDateTime.now();
    long start = System.nanoTime();
    boolean rollsBack = rollsBack(revision, insideTransaction);
    // What cannot be rolled back is announced first, so a runner that dies halfway through it
    // leaves a row that says so instead of an unrecorded, half-applied revision.
    Connection connection = connection(db);
    Long announced = rollsBack ? null : transaction(connection, () ->
        writer.start(new Entry(revision.id(), direction, revision.message(),
            revision.checksum(), startedAt, null, user, HOST, false, null)));
    Step step = new Step(revision, direction, removed, added, startedAt, user, announced);
    try {
      if (insideTransaction) {
        body.accept(migration, db);
        try {
          recordStep(connection, writer, lock, step);
        } catch (SQLException e) {
          throw new RetortException("Could not write Retort's state tables: " + e.getMessage(),
              e);
        }
      } else if (revision.transactional()) {
        transaction(connection, () -> {
          body.accept(migration, db);
          recordStep(connection, writer, lock, step);
          return null;
        });
      } else {
        // Between transactions the command's connection is in auto-commit mode.
        body.accept(migration, db);
        transaction(connection, () -> {
          recordStep(connection, writer, lock, step);
          return null;
        });
      }
    } catch (LockException lost) {
      throw new LockException("Revision " + describe(revision) + " ran, but the migration lock"
          + " was lost before it was recorded. " + (rollsBack
              ? "It was rolled back; run again to continue."
              : "Its changes were committed but not recorded: check the schema, then stamp the"
                  + " database with it before running again."), lost);
    } catch (RuntimeException e) {
      throw failure(writer, step, change, heads, completed, runStart, e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    apply(heads, applied, index, change, upgrade);
    MigrationStep done = new MigrationStep(revision,
        upgrade ? MigrationStep.Direction.UP : MigrationStep.Direction.DOWN,
        change.from(), change.to(), millis);
    log.info("{} ({} ms)", done.describe(), millis);
    completed.add(done);
  }

  /**
   * One revision's step as the history records it.
   *
   * @param announced the id of the history row written before a step that cannot be rolled
   *     back, which completing the step fills in; {@code null} for a step that rolls back
   */
  private record Step(RevisionInfo revision, Direction direction, List<String> removed,
      List<String> added, LocalDateTime startedAt, String user, Long announced) {}

  /** Whether a failure of the revision takes all its changes with it. */
  private boolean rollsBack(RevisionInfo revision, boolean insideTransaction) {
    return (revision.transactional() || insideTransaction) && hasTransactionalDdl(dialect());
  }

  private void recordStep(Connection connection, StateWriter writer, MigrationLock lock,
      Step step) throws SQLException {
    lock.confirmIn(connection);
    writer.applyChange(step.removed(), step.added());
    RevisionInfo revision = step.revision();
    if (step.announced() == null) {
      writer.record(new Entry(revision.id(), step.direction(), revision.message(),
          revision.checksum(), step.startedAt(), LocalDateTime.now(), step.user(), HOST, true,
          null));
    } else {
      writer.finish(step.announced(), step.startedAt(), LocalDateTime.now(), true, null);
    }
  }

  private MigrationFailedException failure(StateWriter writer, Step step, Change change,
      List<Integer> heads, List<MigrationStep> completed, String runStart,
      RuntimeException cause) {
    boolean insideTransaction = runStart != null;
    RevisionInfo revision = step.revision();
    Direction direction = step.direction();
    boolean rolledBack = rollsBack(revision, insideTransaction);
    if (!insideTransaction) {
      recordFailure(writer, step, rolledBack, cause);
    }
    String at = insideTransaction ? runStart : heads.isEmpty() ? BASE : describeIds(heads);
    String verb = direction == Direction.UP ? "upgrade" : "downgrade";
    String outcome = rolledBack
        ? " It was rolled back: the database is still at " + at + "."
        : " It was NOT rolled back (" + (revision.transactional()
            ? dialect().getName() + " cannot roll back DDL"
            : "it runs outside a transaction") + "), so its statements may be partly applied."
            + " Check the schema against its " + verb + ": " + repairAdvice(
                headsAfter(heads, change)) + " Until then every run refuses.";
    String message = "Revision " + describe(revision) + " failed in " + verb + " "
        + change.from() + " -> " + change.to() + ": " + rootMessage(cause) + outcome;
    log.error(message);
    return new MigrationFailedException(message, revision, rolledBack, completed, cause);
  }

  private void recordFailure(StateWriter writer, Step step, boolean rolledBack,
      RuntimeException failure) {
    RevisionInfo revision = step.revision();
    try {
      if (step.announced() == null) {
        writer.record(new Entry(revision.id(), step.direction(), revision.message(),
            revision.checksum(), step.startedAt(), LocalDateTime.now(), step.user(), HOST, false,
            rolledBack));
      } else {
        writer.finish(step.announced(), step.startedAt(), LocalDateTime.now(), false,
            rolledBack);
      }
    } catch (SQLException | RuntimeException recordingFailed) {
      failure.addSuppressed(recordingFailed);
    }
  }

  // ---- state ----

  /**
   * What every changing command does under the lock before it plans: create the state tables if
   * missing, read the heads, and refuse on unknown revisions, unresolved failures or edits.
   */
  private List<Integer> prepare(DSLContext db) {
    tables().createIfMissing(db);
    List<Integer> heads = readHeads(db);
    preflight(tables().recorded(db), graph.closure(heads));
    return heads;
  }

  private List<Integer> readHeads(DSLContext db) {
    List<String> rows = tables().heads(db);
    List<String> unknown = new ArrayList<>();
    List<Integer> heads = new ArrayList<>();
    for (String id : rows) {
      registry.revision(id).ifPresentOrElse(r -> heads.add(r.index()), () -> unknown.add(id));
    }
    if (!unknown.isEmpty()) {
      throw new UnknownRevisionException("The database is at revision "
          + String.join(", ", unknown) + ", which this build does not know: the schema is newer"
          + " than this code, or belongs to another application. Deploy the build that contains"
          + " it; if it was removed on purpose, replace the record with stamp --purge and a"
          + " revision this build knows.", unknown);
    }
    heads.sort(null);
    return heads;
  }

  private List<Integer> readHeadsIfNeeded(String target) {
    return needsCurrent(target) ? withConnection(this::readHeads) : List.of();
  }

  private static boolean needsCurrent(String target) {
    return target.equals("current") || target.startsWith("+") || target.startsWith("-")
        || target.contains("@+") || target.contains("@-");
  }

  private void preflight(Map<String, Recorded> recorded, BitSet applied) {
    for (Map.Entry<String, Recorded> entry : recorded.entrySet()) {
      Recorded state = entry.getValue();
      if (state.unresolvedFailure()) {
        String name = registry.revision(entry.getKey()).map(this::describe).orElse(entry.getKey());
        String what = state.interrupted()
            ? " was started at " + state.at() + " on " + state.host() + " and never finished:"
                + " that runner died or lost its connection while running it"
            : " failed at " + state.at();
        throw new UnresolvedFailureException("Revision " + name + what + ", and it could not be"
            + " rolled back, so its statements may be partly applied. Check the schema against"
            + " it: " + repairAdvice(null) + " Every run refuses until then.");
      }
    }
    List<RevisionInfo> edited = new ArrayList<>();
    for (int i = applied.nextSetBit(0); i >= 0; i = applied.nextSetBit(i + 1)) {
      RevisionInfo revision = graph.revision(i);
      Recorded entry = recorded.get(revision.id());
      if (entry != null && checksumDiffers(entry.checksum(), revision.checksum())) {
        edited.add(revision);
      }
    }
    if (!edited.isEmpty()) {
      throw new ChecksumMismatchException("Revision" + (edited.size() == 1 ? " " : "s ")
          + edited.stream().map(this::describe).collect(Collectors.joining(", "))
          + (edited.size() == 1 ? " was" : " were") + " edited after it was applied — add a new"
          + " revision instead. If the edit was deliberate and the database needs nothing more,"
          + " run repair to record the new checksum.", edited);
    }
  }

  /**
   * What to do about a revision that failed halfway: repair alone makes the next run retry it,
   * which is right only once its partial changes are undone. After finishing it by hand, the
   * version table must say so: stamp with purge sets exactly the heads the step would have left,
   * where a plain stamp of one revision could drop a sibling branch's head.
   *
   * @param reached the heads the finished step leaves, or {@code null} where they are unknown
   */
  private String repairAdvice(List<Integer> reached) {
    String stamp = reached == null
        ? "stamp --purge the heads it would have left"
        : "stamp --purge " + (reached.isEmpty() ? "base" : String.join(" ", ids(reached)));
    return "undo what it did by hand and run repair, and the next run retries it; or finish it"
        + " by hand, run repair, then " + stamp + ".";
  }

  private static List<Integer> headsAfter(List<Integer> heads, Change change) {
    List<Integer> after = new ArrayList<>(heads);
    after.removeAll(change.removed());
    after.addAll(change.added());
    after.sort(null);
    return after;
  }

  private static boolean checksumDiffers(String recorded, String compiled) {
    return recorded != null && !recorded.isEmpty() && !compiled.isEmpty()
        && !recorded.equals(compiled);
  }

  // ---- helpers ----

  /** Work on the command's connection that may throw what JDBC throws. */
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs work in a transaction on the command's connection, with plain JDBC: commits it, or rolls
   * it back and rethrows. jOOQ's transaction API derives a configuration per call, which a run of
   * a thousand revisions pays a thousand times. A JDBC failure of Retort's own writes becomes a
   * {@link RetortException}.
   */
  private static <T> T transaction(Connection connection, SqlWork<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run();
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error failed) {
        try {
          connection.rollback();
        } catch (SQLException rollbackFailed) {
          failed.addSuppressed(rollbackFailed);
        }
        throw failed;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new RetortException("Could not write Retort's state tables: " + e.getMessage(), e);
    }
  }

  /** The connection a command's context runs on (one per command: see withConnection). */
  private static Connection connection(DSLContext db) {
    return db.connectionResult(connection -> connection);
  }

  /** The state tables' statements, built on first use: a start-up with nothing to do needs none. */
  private synchronized StateTables tables() {
    if (tables == null) {
      tables = new StateTables(settings);
    }
    return tables;
  }

  /** The database's dialect, detected on the first connection a command opens. */
  private synchronized SQLDialect dialect(Connection connection) {
    if (dialect == null) {
      dialect = JDBCUtils.dialect(connection);
    }
    return dialect;
  }

  /** The dialect, once a command has detected it. */
  private synchronized SQLDialect dialect() {
    if (dialect == null) {
      throw new IllegalStateException("No command has connected yet");
    }
    return dialect;
  }

  /**
   * Whether a failed transaction takes its DDL with it. MySQL and MariaDB commit before each DDL
   * statement; so does H2, whose CREATE, ALTER and DROP commit the open transaction.
   */
  private static boolean hasTransactionalDdl(SQLDialect dialect) {
    switch (dialect.family()) {
      case MYSQL:
      case MARIADB:
      case H2:
      case HSQLDB:
        return false;
      default:
        return true;
    }
  }

  private static String databaseUser(DSLContext db) {
    return db.connectionResult(connection -> connection.getMetaData().getUserName());
  }

  private static final String HOST = localHost();

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  private String ownId(RevisionInfo target) {
    if (registry.revision(target.id()).orElse(null) != target) {
      throw new IllegalArgumentException("Revision " + describe(target) + " does not belong to "
          + registry.getClass().getName() + "; pass a constant of the registry Retort uses");
    }
    return target.id();
  }

  private String describe(RevisionInfo revision) {
    String simpleName = revision.className().substring(revision.className().lastIndexOf('.') + 1);
    return revision.id() + " (" + simpleName + ")";
  }

  private String describeIds(List<Integer> indexes) {
    if (indexes.isEmpty()) {
      return BASE;
    }
    String joined = indexes.stream().map(i -> graph.revision(i).id())
        .collect(Collectors.joining(", "));
    return indexes.size() == 1 ? joined : "(" + joined + ")";
  }

  private List<String> ids(List<Integer> indexes) {
    return indexes.stream().map(i -> graph.revision(i).id()).toList();
  }

  private List<RevisionInfo> revisions(Collection<Integer> indexes) {
    return indexes.stream().map(graph::revision).toList();
  }

  private List<RevisionInfo> revisions(BitSet indexes) {
    return indexes.stream().mapToObj(graph::revision).toList();
  }

  private static List<Integer> indexes(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::index).toList();
  }

  private static List<Integer> toList(int[] values) {
    List<Integer> list = new ArrayList<>(values.length);
    for (int value : values) {
      list.add(value);
    }
    return list;
  }

  /** The cause's message as a sentence, so that what Retort adds after it reads as one. */
  private static String rootMessage(Throwable e) {
    String message = String.valueOf(e.getMessage()).strip();
    return message.endsWith(".") ? message : message + ".";
  }
}

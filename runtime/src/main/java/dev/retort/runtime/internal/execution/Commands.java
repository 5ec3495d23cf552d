package dev.retort.runtime.internal.execution;

import dev.retort.runtime.LockException;
import dev.retort.runtime.MigrationFailedException;
import dev.retort.runtime.MigrationStep;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.internal.database.Connector;
import dev.retort.runtime.internal.graph.Graph;
import dev.retort.runtime.internal.graph.Target;
import dev.retort.runtime.internal.plan.Plan;
import dev.retort.runtime.internal.plan.Planner;
import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * How {@link dev.retort.runtime.Retort}'s commands reach the database: a read in a session of its
 * own; a change in a session that holds the lock, which creates the state tables if missing,
 * refuses what {@link Preflight} refuses, plans with the {@link Planner}, and hands the plan to
 * the {@link Executor}.
 */
public final class Commands {

  private final Database database;
  private final RevisionRegistry registry;

  public Commands(Database database, RevisionRegistry registry) {
    this.database = database;
    this.registry = registry;
  }

  /** What a changing command plans, given the heads the database is at under the lock. */
  public interface PlanFor {
    Plan plan(Planner planner, List<Integer> heads);
  }

  /**
   * Runs work in a session of its own, once the state tables the settings name are found to be
   * Retort's or absent, translating a failure of Retort's own jOOQ calls.
   */
  public <T> T read(Function<Session, T> work) {
    return read(work, null);
  }

  /**
   * As {@link #read(Function)}, with the first session on a connection already open, which it
   * closes; {@code null} for none.
   */
  private <T> T read(Function<Session, T> work, Connection open) {
    AtomicReference<Connection> first = new AtomicReference<>(open);
    try {
      // A registry found on the classpath is created by now at the latest, so that one that
      // cannot be is reported before anything is locked or created.
      registry.heads();
      return Connector.retrying(database.settings().lockTimeout(),
          () -> once(work, first.getAndSet(null)), this::momentary);
    } catch (SQLException e) {
      throw new RetortException(Messages.cannotConnect(String.valueOf(e.getMessage())), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetortException(Messages.connectInterrupted(), e);
    } finally {
      // Still here only if the work failed before a session took it.
      Connection untaken = first.getAndSet(null);
      if (untaken != null) {
        try {
          untaken.close();
        } catch (SQLException ignored) {
          // The failure that left it is the one to report.
        }
      }
    }
  }

  /**
   * A failure worth running the whole command again for, in a new session: the database refused
   * for a moment only (H2's AUTO_SERVER connections break for good when the process serving the
   * file exits, which is just when the next runner gets the lock and reads). Not a revision that
   * failed, nor a lock that was lost or not had: those say what they left, and a new run decides
   * from the state it reads whether anything is left to do.
   */
  private boolean momentary(Exception e) {
    return !(e instanceof MigrationFailedException) && !(e instanceof LockException)
        && database.isMomentary(e);
  }

  private <T> T once(Function<Session, T> work, Connection open) {
    try (Session session = open == null ? database.open() : database.open(open)) {
      session.checkStateTables();
      try {
        return work.apply(session);
      } catch (RuntimeException e) {
        // Migrations' failures are the executor's; what is left is Retort's own tables'. The
        // session tells jOOQ's failures apart: naming jOOQ's type here would load jOOQ when this
        // class is verified, which every start-up does, and one with nothing to do needs no jOOQ.
        throw session.stateFailure(e);
      }
    }
  }

  /** The heads the database is at, by index; refuses revisions this build lacks. */
  public List<Integer> heads(Session session) {
    return new Preflight(new Graph(registry)).heads(session.heads());
  }

  /** The heads the database is at, read in a session of its own. */
  public List<Integer> heads() {
    return read(this::heads);
  }

  /** Refuses unknown revisions, unresolved failures and edits; takes no lock. */
  public void validate() {
    read(session -> {
      Graph graph = new Graph(registry);
      List<Integer> heads = heads(session);
      new Preflight(graph).check(session.recorded(), heads, graph.closure(heads));
      return null;
    });
  }

  /** Plans an upgrade or a downgrade under the lock, and runs it. */
  public List<MigrationStep> run(PlanFor command) {
    return run(command, null);
  }

  /**
   * As {@link #run(PlanFor)}, on a connection already open, which it closes ({@link
   * UpToDate.Outcome#connection()}); {@code null} for none.
   */
  public List<MigrationStep> run(PlanFor command, Connection open) {
    return locked(open, session -> {
      Graph graph = new Graph(registry);
      List<Integer> heads = heads(session);
      new Preflight(graph).check(session.recorded(), heads, graph.closure(heads));
      Plan plan = command.plan(new Planner(graph), heads);
      return new Executor(session, session.lockHeld(), registry).run(plan);
    });
  }

  /** Plans a stamp under the lock and records it; returns the heads after it. */
  public List<RevisionInfo> stamp(List<Target> targets, boolean purge) {
    return locked(null, session -> {
      List<Integer> heads = purge ? List.of() : heads(session);
      Plan plan = new Planner(new Graph(registry)).stamp(targets, heads, purge);
      new Executor(session, session.lockHeld(), registry).stamp(plan);
      return plan.end().stream().map(id -> registry.revision(id).orElseThrow()).toList();
    });
  }

  /** Records what {@link #validate()} refuses, under the lock; returns what it repaired. */
  public List<RevisionInfo> repair() {
    return locked(null, session -> {
      Graph graph = new Graph(registry);
      List<RevisionInfo> repaired = new Preflight(graph).toRepair(session.recorded(),
          graph.closure(heads(session)));
      new Executor(session, session.lockHeld(), registry).repair(repaired);
      return repaired;
    });
  }

  /** Runs work in a session that holds the lock, once the state tables exist. */
  private <T> T locked(Connection open, Function<Session, T> work) {
    return read(session -> {
      session.lock();
      session.createTablesIfMissing();
      return work.apply(session);
    }, open);
  }
}

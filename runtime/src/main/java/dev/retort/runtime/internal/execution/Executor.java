package dev.retort.runtime.internal.execution;

import dev.retort.runtime.LockException;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationFailedException;
import dev.retort.runtime.MigrationStep;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.RetortSettings.TransactionMode;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.internal.database.DatabaseProfile;
import dev.retort.runtime.internal.database.MigrationLock;
import dev.retort.runtime.internal.plan.Plan;
import dev.retort.runtime.internal.plan.Plan.Kind;
import dev.retort.runtime.internal.plan.Plan.Step;
import dev.retort.runtime.internal.state.HistoryRow;
import dev.retort.runtime.internal.state.HistoryRow.Action;
import dev.retort.runtime.internal.state.StateWriter;
import dev.retort.runtime.messages.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Plan} under the lock: each step's migration and the record of it in one
 * transaction (or the whole plan in one, in {@link TransactionMode#SINGLE}), a step that cannot be
 * rolled back announced in the history before it runs, one log line per step, and a failure
 * recorded and worded with what it left behind.
 */
public final class Executor {

  /** Retort's log: one line per step, named as users configure it. */
  private static final Logger log = LoggerFactory.getLogger(Retort.class);

  private final Session session;
  private final MigrationLock lock;
  private final RevisionRegistry registry;
  private final DatabaseProfile profile;
  private final Connection connection;

  public Executor(Session session, MigrationLock lock, RevisionRegistry registry) {
    this.session = session;
    this.lock = lock;
    this.registry = registry;
    this.profile = session.profile();
    this.connection = session.connection();
  }

  /**
   * Runs an upgrade's or a downgrade's steps.
   *
   * @return the steps that ran, in order
   * @throws RetortException if single-transaction mode cannot hold the plan (nothing ran)
   * @throws MigrationFailedException if a revision fails
   * @throws LockException if the lock is lost between steps
   */
  public List<MigrationStep> run(Plan plan) {
    if (plan.isEmpty()) {
      log.info(Messages.nothingToDo(plan.kind().verb(), Messages.heads(plan.start())));
      return List.of();
    }
    boolean single = session.settings().transactionMode() == TransactionMode.SINGLE;
    if (single && !profile.transactionalDdl()) {
      throw new RetortException(Messages.singleNeedsTransactionalDdl(profile.name()));
    }
    List<RevisionInfo> outside = plan.revisions().stream()
        .filter(revision -> !revision.transactional()).toList();
    if (single && !outside.isEmpty()) {
      throw new RetortException(Messages.singleCannotInclude(outside));
    }
    try (StateWriter writer = session.writer()) {
      return single ? runInOneTransaction(plan, writer) : runEach(plan, writer);
    } catch (SQLException e) {
      throw new RetortException(Messages.stateWriteFailed(e.getMessage()), e);
    }
  }

  private List<MigrationStep> runEach(Plan plan, StateWriter writer) {
    Run run = new Run(plan, writer, session.user(), null);
    List<String> before = plan.start();
    for (Step step : plan.steps()) {
      run.step(step, before);
      before = step.after();
    }
    return run.finish();
  }

  private List<MigrationStep> runInOneTransaction(Plan plan, StateWriter writer) {
    Run run = new Run(plan, writer, session.user(), Messages.heads(plan.start()));
    try {
      transaction(() -> {
        for (Step step : plan.steps()) {
          run.step(step, plan.start());
        }
        return null;
      });
    } catch (MigrationFailedException failed) {
      // Recorded only now: inside the run's transaction the record would be rolled back too.
      run.recordFailure(new Pending(failed.revision(), plan.kind(), run.failedAt, run.user,
          null), failed.rolledBack(), failed);
      throw new MigrationFailedException(Messages.wholeRunRolledBack(failed.getMessage()),
          failed.revision(), true, List.of(), failed.getCause());
    }
    return run.finish();
  }

  /** A step under way, as the history records it. */
  private record Pending(RevisionInfo revision, Kind kind, LocalDateTime startedAt, String user,
      Long announced) {

    HistoryRow row(LocalDateTime finishedAt, boolean success, Boolean rolledBack, String host) {
      return new HistoryRow(revision.id(), kind == Kind.DOWNGRADE ? Action.DOWN : Action.UP,
          revision.message(), revision.checksum(), startedAt, finishedAt, user, host, success,
          rolledBack);
    }
  }

  /** One run of a plan's steps. */
  private final class Run {
    private final Plan plan;
    private final StateWriter writer;
    private final String user;
    /** Where the database was when a run in one transaction began; null otherwise. */
    private final String runStart;
    private final List<MigrationStep> completed = new ArrayList<>();
    private final long started = System.nanoTime();
    private LocalDateTime failedAt = LocalDateTime.now();
    /** Whether the current step's migration has run, which a lock lost after it must say. */
    private boolean bodyRan;

    Run(Plan plan, StateWriter writer, String user, String runStart) {
      this.plan = plan;
      this.writer = writer;
      this.user = user;
      this.runStart = runStart;
    }

    void step(Step step, List<String> before) {
      boolean inside = runStart != null;
      lock.checkHeld();
      RevisionInfo revision = step.runs();
      Migration migration = registry.migration(revision);
      LocalDateTime startedAt = LocalDateTime.now();
      failedAt = startedAt;
      long start = System.nanoTime();
      boolean rollsBack = rollsBack(revision);
      // What cannot be rolled back is announced first, so a runner that dies halfway through it
      // leaves a row that says so instead of an unrecorded, half-applied revision.
      Long announced = rollsBack ? null : transaction(() -> writer.start(
          new Pending(revision, plan.kind(), startedAt, user, null).row(null, false, null,
              session.host())));
      Pending pending = new Pending(revision, plan.kind(), startedAt, user, announced);
      bodyRan = false;
      try {
        if (inside) {
          body(migration);
          bodyRan = true;
          try {
            record(step, pending);
          } catch (SQLException e) {
            throw new RetortException(Messages.stateWriteFailed(e.getMessage()), e);
          }
        } else if (revision.transactional()) {
          transaction(() -> {
            body(migration);
            bodyRan = true;
            record(step, pending);
            return null;
          });
        } else {
          // Between transactions the command's connection is in auto-commit mode.
          body(migration);
          bodyRan = true;
          transaction(() -> {
            record(step, pending);
            return null;
          });
        }
      } catch (LockException lost) {
        if (!bodyRan) {
          // Lost as the revision's transaction began: nothing of it ran.
          throw lost;
        }
        throw new LockException(Messages.lockLostAfterRun(revision, rollsBack), lost);
      } catch (RuntimeException e) {
        throw failure(step, pending, before, e);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      MigrationStep done = new MigrationStep(revision, plan.kind().direction(), step.from(),
          step.to(), millis);
      if (log.isInfoEnabled()) {
        log.info(Messages.stepTook(done.describe(), millis));
      }
      completed.add(done);
    }

    private void body(Migration migration) {
      if (plan.kind() == Kind.UPGRADE) {
        migration.upgrade(session.db());
      } else {
        migration.downgrade(session.db());
      }
    }

    private void record(Step step, Pending pending) throws SQLException {
      lock.confirmIn(connection);
      writer.recordStep(step.removed(), step.added(),
          pending.row(LocalDateTime.now(), true, null, session.host()), pending.announced());
    }

    /** Whether a failure of the revision takes all its changes with it. */
    private boolean rollsBack(RevisionInfo revision) {
      return (revision.transactional() || runStart != null) && profile.transactionalDdl();
    }

    private MigrationFailedException failure(Step step, Pending pending, List<String> before,
        RuntimeException cause) {
      RevisionInfo revision = pending.revision();
      boolean rolledBack = rollsBack(revision);
      if (runStart == null) {
        recordFailure(pending, rolledBack, cause);
      }
      String verb = plan.kind().verb();
      String outcome = rolledBack
          ? Messages.rolledBackTo(runStart != null ? runStart : Messages.heads(before))
          : Messages.notRolledBack(revision.transactional()
              ? Messages.cannotRollBackDdl(profile.name())
              : Messages.outsideATransaction(), verb, step.after());
      String message = Messages.failed(revision, verb, step.from(), step.to(),
          sentence(cause), outcome);
      log.error(message);
      return new MigrationFailedException(message, revision, rolledBack, completed, cause);
    }

    void recordFailure(Pending pending, boolean rolledBack, RuntimeException failure) {
      try {
        if (pending.announced() == null) {
          writer.record(pending.row(LocalDateTime.now(), false, rolledBack, session.host()));
        } else {
          writer.finish(pending.announced(), pending.startedAt(), LocalDateTime.now(), false,
              rolledBack);
        }
      } catch (SQLException | RuntimeException recordingFailed) {
        failure.addSuppressed(recordingFailed);
      }
    }

    List<MigrationStep> finish() {
      log.info(Messages.ran(plan.kind() == Kind.UPGRADE, completed.size(),
          (System.nanoTime() - started) / 1_000_000, Messages.heads(plan.end())));
      return completed;
    }
  }

  /**
   * Records a stamp: the version table set as the plan says (emptied first with purge), and a
   * history row per stamped revision, or one naming base when the stamp cleared the table.
   */
  public void stamp(Plan plan) {
    LocalDateTime started = LocalDateTime.now();
    String user = session.user();
    transaction(() -> {
      try (StateWriter writer = session.writer()) {
        if (plan.purge()) {
          writer.purge();
        }
        for (Step step : plan.steps()) {
          writer.applyChange(step.removed(), step.added());
          writer.record(step.revision()
              .map(revision -> new HistoryRow(revision.id(), Action.STAMP, revision.message(),
                  revision.checksum(), started, LocalDateTime.now(), user, session.host(), true,
                  null))
              .orElseGet(() -> new HistoryRow("base", Action.STAMP,
                  Messages.stampedBase(step.removed()), null, started, LocalDateTime.now(), user,
                  session.host(), true, null)));
        }
      }
      return null;
    });
    log.info(Messages.stamped(Messages.heads(plan.end())));
  }

  /** Records the compiled checksum of each revision, and resolves its unresolved failure. */
  public void repair(List<RevisionInfo> revisions) {
    LocalDateTime now = LocalDateTime.now();
    String user = session.user();
    transaction(() -> {
      try (StateWriter writer = session.writer()) {
        for (RevisionInfo revision : revisions) {
          writer.record(new HistoryRow(revision.id(), Action.REPAIR, revision.message(),
              revision.checksum(), now, now, user, session.host(), true, null));
        }
      }
      return null;
    });
    revisions.forEach(revision -> log.info(Messages.repaired(revision)));
  }

  /**
   * Runs work in a transaction on the command's connection that begins by telling the lock, so
   * that a lease on a database with one writer at a time is renewed first (see {@link
   * MigrationLock#transactionBegan}).
   */
  private <T> T transaction(Transactions.Work<T> work) {
    try {
      return Transactions.run(connection, () -> {
        lock.transactionBegan(connection);
        return work.run();
      });
    } finally {
      lock.transactionEnded();
    }
  }

  /** The cause's message as a sentence, so that what Retort adds after it reads as one. */
  private static String sentence(Throwable e) {
    String message = String.valueOf(e.getMessage()).strip();
    return message.endsWith(".") ? message : message + ".";
  }
}

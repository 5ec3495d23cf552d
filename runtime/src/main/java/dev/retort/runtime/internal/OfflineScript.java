package dev.retort.runtime.internal;

import dev.retort.runtime.MigrationStep.Direction;
import dev.retort.runtime.OfflineRenderingException;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.internal.offline.Recording;
import dev.retort.runtime.internal.offline.StatementRecorder;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Renders what an upgrade or downgrade would run, like Alembic's {@code --sql}: the migrations
 * execute against a jOOQ mock connection that records each statement with its values inlined,
 * and never reaches a database.
 */
public final class OfflineScript {

  private final RevisionRegistry registry;
  private final StateTables tables;
  private final StatementRecorder recorder;
  private final DSLContext renderer;
  private final StringBuilder script = new StringBuilder();

  public OfflineScript(RevisionRegistry registry, StateTables tables, SQLDialect dialect,
      RetortSettings settings) {
    this.registry = registry;
    this.tables = tables;
    this.recorder = new StatementRecorder(dialect, settings);
    this.renderer = DSL.using(dialect, StatementRecorder.inlined(settings));
  }

  /**
   * The version table, as Alembic's offline mode creates it. The history table is left to the
   * first online run: a script applied by hand has no honest start and finish times to record.
   */
  public void createVersionTable() {
    statement(tables.createVersionTable(renderer).getSQL());
    script.append('\n');
  }

  /** One revision: a comment, its statements, and the version table's change. */
  public void step(RevisionInfo revision, boolean upgrade, String from, String to,
      List<String> removedHeads, List<String> addedHeads) {
    boolean transaction = revision.transactional();
    script.append("-- Running ").append(upgrade ? "upgrade " : "downgrade ").append(from)
        .append(" -> ").append(to)
        .append(revision.message().isEmpty() ? "" : ", " + revision.message()).append('\n');
    if (!transaction) {
      script.append("-- (outside a transaction: transactional = false)\n");
    } else {
      statement("BEGIN");
    }
    Recording recording = recorder.record(registry.migration(revision),
        upgrade ? Direction.UP : Direction.DOWN);
    if (recording instanceof Recording.ReadsData reads) {
      throw new OfflineRenderingException("Revision " + revision.id() + " ("
          + revision.className() + ") reads data (" + reads.read() + "), so what it writes"
          + " depends on the database's contents and cannot be rendered offline. Review its"
          + " code, or run it against a copy of the database.");
    }
    if (recording instanceof Recording.Threw threw) {
      throw threw.failure();
    }
    recording.statements().forEach(recorded -> statement(recorded.sql()));
    for (Query query : tables.change(renderer, removedHeads, addedHeads)) {
      statement(query.getSQL());
    }
    if (transaction) {
      statement("COMMIT");
    }
    script.append('\n');
  }

  private void statement(String sql) {
    script.append(sql).append(";\n");
  }

  @Override
  public String toString() {
    return script.toString();
  }
}

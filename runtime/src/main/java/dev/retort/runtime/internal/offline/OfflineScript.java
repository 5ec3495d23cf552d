package dev.retort.runtime.internal.offline;

import dev.retort.runtime.OfflineRenderingException;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.internal.database.DatabaseProfile;
import dev.retort.runtime.internal.plan.Plan;
import dev.retort.runtime.internal.plan.Plan.Step;
import dev.retort.runtime.internal.state.StateTables;
import dev.retort.runtime.messages.Messages;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Renders a {@link Plan} as the script an online run would execute, like Alembic's {@code --sql}:
 * each step's migration runs against a jOOQ connection that only records ({@link
 * StatementRecorder}), with values inlined, and never reaches a database. Whether a step can be
 * one transaction is the dialect's {@link DatabaseProfile#transactionalDdl()}.
 */
public final class OfflineScript {

  private final RevisionRegistry registry;
  private final StateTables tables;
  private final StatementRecorder recorder;
  private final DSLContext renderer;
  private final DatabaseProfile profile;
  private final String migrationSchema;

  public OfflineScript(RevisionRegistry registry, SQLDialect dialect, RetortSettings settings) {
    this.registry = registry;
    this.migrationSchema = settings.migrationSchema();
    this.profile = DatabaseProfile.of(dialect);
    this.tables = new StateTables(settings);
    this.recorder = new StatementRecorder(dialect, settings);
    this.renderer = DSL.using(dialect, StatementRecorder.inlined(settings));
  }

  /**
   * The script of a plan.
   *
   * @param fromBase whether the script starts from an empty database, so it first creates the
   *     version table as Alembic's offline mode does. The history table is left to the first
   *     online run: a script applied by hand has no honest start and finish times to record.
   * @throws OfflineRenderingException if a migration reads data
   */
  public String render(Plan plan, boolean fromBase) {
    StringBuilder script = new StringBuilder();
    String useSchema = migrationSchema == null ? null : profile.useSchemaSql(migrationSchema);
    if (useSchema != null) {
      // The tenant's script: its unqualified names land in its schema, as online.
      statement(script, useSchema);
      script.append('\n');
    } else if (migrationSchema != null) {
      script.append("-- ").append(Messages.noUseSchemaOffline(profile.name(), migrationSchema))
          .append("\n\n");
    }
    if (fromBase) {
      statement(script, tables.createVersionTable(renderer).getSQL());
      script.append('\n');
    }
    for (Step step : plan.steps()) {
      step(script, plan.kind(), step);
    }
    return script.toString();
  }

  /**
   * One step: a comment, its statements, and the version table's change; in BEGIN and COMMIT
   * where the database can roll the step back as a whole, and otherwise with a comment that says
   * what happens instead.
   */
  private void step(StringBuilder script, Plan.Kind kind, Step step) {
    RevisionInfo revision = step.runs();
    boolean transaction = revision.transactional() && profile.transactionalDdl();
    script.append("-- ").append(step.describe(kind)).append('\n');
    if (!revision.transactional()) {
      script.append("-- (outside a transaction: transactional = false)\n");
    } else if (!transaction) {
      script.append("-- ").append(Messages.ddlCommitsOffline(profile.name())).append('\n');
    } else {
      statement(script, "BEGIN");
    }
    Recording recording = recorder.record(registry.migration(revision), kind.direction());
    if (recording instanceof Recording.ReadsData reads) {
      throw new OfflineRenderingException(Messages.readsDataOffline(revision, reads.read()));
    }
    if (recording instanceof Recording.Threw threw) {
      throw threw.failure();
    }
    recording.statements().forEach(recorded -> statement(script, recorded.sql()));
    for (Query query : tables.change(renderer, step.removed(), step.added())) {
      statement(script, query.getSQL());
    }
    if (transaction) {
      statement(script, "COMMIT");
    }
    script.append('\n');
  }

  private static void statement(StringBuilder script, String sql) {
    script.append(sql).append(";\n");
  }
}

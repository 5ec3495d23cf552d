package dev.retort.spring.boot.actuate;

import dev.retort.runtime.AuditEntry;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.Status;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;

/**
 * Actuator's {@code retort} endpoint: for each {@link Retort} bean of the application context and
 * its parents, where the database is, the registry's heads, what is pending, and the newest rows
 * of the history table, as Actuator's {@code flyway} endpoint lists Flyway's migrations. Reading
 * it takes no lock and changes nothing.
 *
 * <p>{@code GET /actuator/retort?history=50} asks for up to 50 history rows (default {@value
 * #DEFAULT_HISTORY}, at most {@value #MAX_HISTORY}).
 */
@Endpoint(id = "retort")
public class RetortEndpoint {

  /** History rows per Retort bean when the request does not say. */
  public static final int DEFAULT_HISTORY = 20;

  /** The most history rows one request may ask for. */
  public static final int MAX_HISTORY = 1000;

  private final ApplicationContext context;

  /**
   * @param context the context whose {@code Retort} beans, and its parents', the endpoint lists
   */
  public RetortEndpoint(ApplicationContext context) {
    this.context = context;
  }

  /**
   * Reads every Retort bean's state.
   *
   * @param history how many history rows per bean; {@value #DEFAULT_HISTORY} when absent
   * @return the beans by context id and bean name
   * @throws InvalidEndpointRequestException if {@code history} is not between 1 and {@value
   *     #MAX_HISTORY} (answered with 400)
   */
  @ReadOperation
  public RetortReport retort(@Nullable Integer history) {
    int limit = history == null ? DEFAULT_HISTORY : history;
    if (limit < 1 || limit > MAX_HISTORY) {
      throw new InvalidEndpointRequestException("history must be between 1 and " + MAX_HISTORY
          + ", not " + limit, "history must be between 1 and " + MAX_HISTORY);
    }
    Map<String, ContextRetortBeans> contexts = new LinkedHashMap<>();
    for (ApplicationContext target = context; target != null; target = target.getParent()) {
      Map<String, RetortBean> beans = new TreeMap<>();
      target.getBeansOfType(Retort.class, false, false)
          .forEach((name, retort) -> beans.put(name, RetortBean.of(retort, limit)));
      ApplicationContext parent = target.getParent();
      contexts.put(target.getId(), new ContextRetortBeans(beans,
          parent == null ? null : parent.getId()));
    }
    return new RetortReport(contexts);
  }

  /**
   * The endpoint's answer.
   *
   * @param contexts each application context's Retort beans, by context id
   */
  public record RetortReport(Map<String, ContextRetortBeans> contexts)
      implements OperationResponseBody {}

  /**
   * One application context's Retort beans.
   *
   * @param retortBeans by bean name
   * @param parentId the id of the parent context, or {@code null}
   */
  public record ContextRetortBeans(Map<String, RetortBean> retortBeans, String parentId) {}

  /**
   * One Retort bean: its registry and its database.
   *
   * @param registry the registry's class
   * @param current the revisions the database is at; empty at base
   * @param heads the registry's heads
   * @param pending what upgrading to every head would apply, parents first
   * @param history the newest rows of the history table, newest first
   */
  public record RetortBean(String registry, List<Revision> current, List<Revision> heads,
      List<Revision> pending, List<HistoryRow> history) {

    static RetortBean of(Retort retort, int historyRows) {
      Status status = retort.check();
      return new RetortBean(retort.registry().getClass().getName(),
          Revision.all(status.current()), Revision.all(retort.heads()),
          Revision.all(status.pending()),
          retort.auditTrail(historyRows).stream().map(HistoryRow::of).toList());
    }
  }

  /**
   * A revision as its {@code @Revision} declares it.
   *
   * @param id the id recorded in the database
   * @param message its one-line description
   * @param migration the migration class
   * @param revises the parent ids
   * @param dependsOn the cross-branch dependencies
   * @param branchLabels the branch labels it declares
   */
  public record Revision(String id, String message, String migration, List<String> revises,
      List<String> dependsOn, List<String> branchLabels) {

    static List<Revision> all(List<RevisionInfo> revisions) {
      return revisions.stream().map(r -> new Revision(r.id(), r.message(), r.className(),
          r.revises(), r.dependsOn(), r.branchLabels())).toList();
    }
  }

  /**
   * One row of the history table ({@link AuditEntry}).
   *
   * @param id the row's id, rising with every row
   * @param revision the revision id, or {@code base}
   * @param action {@code UPGRADE}, {@code DOWNGRADE}, {@code STAMP} or {@code REPAIR}
   * @param message the revision's message when it ran
   * @param checksum the revision's checksum when it ran
   * @param startedAt when it began
   * @param finishedAt when it ended, or {@code null}
   * @param durationMillis how long it took, or {@code null}
   * @param databaseUser who ran it
   * @param host where it ran
   * @param retortVersion the Retort that ran it
   * @param success whether it succeeded
   * @param rolledBack for a failure, whether it was rolled back
   */
  public record HistoryRow(long id, String revision, String action, String message,
      String checksum, LocalDateTime startedAt, LocalDateTime finishedAt, Long durationMillis,
      String databaseUser, String host, String retortVersion, boolean success,
      Boolean rolledBack) {

    static HistoryRow of(AuditEntry entry) {
      return new HistoryRow(entry.id(), entry.revision(), entry.action().name(), entry.message(),
          entry.checksum(), entry.startedAt(), entry.finishedAt(), entry.durationMillis(),
          entry.databaseUser(), entry.host(), entry.retortVersion(), entry.success(),
          entry.rolledBack());
    }
  }
}

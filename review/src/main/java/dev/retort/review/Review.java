package dev.retort.review;

import dev.retort.review.lint.Excuse;
import dev.retort.review.lint.LintResult;
import dev.retort.review.lint.Linter;
import dev.retort.review.messages.Messages;
import dev.retort.review.schema.Change;
import dev.retort.review.schema.Schema;
import dev.retort.review.schema.Statement;
import dev.retort.review.schema.StatementReader;
import dev.retort.runtime.OfflineRenderingException;
import dev.retort.runtime.OfflineSchema;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.SQLDialect;

/**
 * What revisions will do, for their reviewer, without a database: the SQL each one runs in a
 * dialect, the schema change it makes, and what the linter finds. The Java form of {@code retort
 * review} and {@code retort lint}, for a build or a test:
 *
 * <pre>{@code
 * ReviewReport report = Review.of(Revisions.REGISTRY, SQLDialect.POSTGRES).all();
 * if (!report.passes()) {
 *   throw new AssertionError(report.render(ReportFormat.TEXT));
 * }
 * }</pre>
 *
 * <p>Each instance records every revision it looks at once, and remembers the schema after it for
 * the revisions that follow; it is not for several threads at once. A migration is loaded and
 * run against a connection that only listens (see {@link OfflineSchema}).
 */
public final class Review {

  private final RevisionRegistry registry;
  private final SQLDialect dialect;
  private final RetortSettings settings;
  private final Optional<RevisionInfo> since;
  private final OfflineSchema offline;
  private final Schemas schemas;
  private final Linter linter;

  private Review(RevisionRegistry registry, SQLDialect dialect, RetortSettings settings,
      Optional<RevisionInfo> since) {
    this.registry = registry;
    this.dialect = dialect;
    this.settings = settings;
    this.since = since;
    this.offline = OfflineSchema.of(registry, dialect, settings);
    this.schemas = new Schemas(registry, offline, new StatementReader(dialect));
    this.linter = new Linter(dialect);
  }

  /** A review of a registry's revisions as they run on a database of this dialect. */
  public static Review of(RevisionRegistry registry, SQLDialect dialect) {
    return new Review(registry, dialect, RetortSettings.defaults(), Optional.empty());
  }

  /** A copy that renders the migrations with these settings, as the application runs them. */
  public Review withSettings(RetortSettings settings) {
    return new Review(registry, dialect, settings, since);
  }

  /**
   * A copy that reviews only the revisions after {@code revision}: that revision and its ancestors
   * are left out, so a project with a long history adopts the linter without excusing its past
   * ({@code lint_since} in {@code retort.properties}).
   *
   * @throws IllegalArgumentException if the registry has no revision with exactly that id
   */
  public Review since(String revision) {
    RevisionInfo found = registry.revision(revision).orElseThrow(() ->
        new IllegalArgumentException(Messages.unknownLintSince(revision)));
    return new Review(registry, dialect, settings, Optional.of(found));
  }

  /** The dialect the revisions are rendered and judged in. */
  public SQLDialect dialect() {
    return dialect;
  }

  /** Every revision of the registry, oldest first (after {@link #since}, if set). */
  public ReviewReport all() {
    return revisions(registry.revisions());
  }

  /**
   * The given revisions, oldest first whatever their order (after {@link #since}, if set).
   *
   * @throws IllegalArgumentException if a revision belongs to another registry
   */
  public ReviewReport revisions(List<RevisionInfo> revisions) {
    BitSet past = since.map(revision -> Lineage.withAncestors(registry, revision))
        .orElseGet(BitSet::new);
    List<RevisionInfo> ordered = new ArrayList<>(revisions);
    ordered.sort(Comparator.comparingInt(RevisionInfo::index));
    List<RevisionReview> reviews = new ArrayList<>();
    for (RevisionInfo revision : ordered) {
      if (!past.get(revision.index())) {
        reviews.add(revision(revision));
      }
    }
    return new ReviewReport(dialect, reviews);
  }

  /**
   * One revision, whether or not it is after {@link #since}.
   *
   * @throws IllegalArgumentException if the revision belongs to another registry
   */
  public RevisionReview revision(RevisionInfo revision) {
    OfflineSchema.Statements recorded;
    try {
      recorded = offline.upgrade(revision);
    } catch (OfflineRenderingException threw) {
      return new RevisionReview(revision, List.of(), List.of(), List.of(), List.of(),
          List.of(Messages.notRendered(threw.getMessage())));
    }
    List<Statement> statements = schemas.statements(recorded);
    Schema before = schemas.before(revision);
    LintResult result = linter.lint(revision.id(), revision.transactional(), before,
        statements, Excuse.declaredBy(registry.migration(revision).getClass()));
    List<String> notes = new ArrayList<>();
    recorded.dataRead().ifPresent(read -> notes.add(Messages.readsData(read)));
    notes.addAll(result.notes());
    if (recorded.complete()) {
      schemas.remember(revision, result.after());
    }
    return new RevisionReview(revision,
        recorded.statements().stream().map(OfflineSchema.Statement::sql).toList(),
        result.schemaChange().stream().map(Change::describe).toList(),
        result.findings(), result.excused(), notes);
  }
}

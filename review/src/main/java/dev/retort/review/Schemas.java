package dev.retort.review;

import dev.retort.review.schema.Schema;
import dev.retort.review.schema.Statement;
import dev.retort.review.schema.StatementReader;
import dev.retort.runtime.OfflineRenderingException;
import dev.retort.runtime.OfflineSchema;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.exception.DataDefinitionException;

/**
 * The schema before and after each revision, built from the statements {@link OfflineSchema}
 * records and read the way the linter reads them, so that an index built {@code CONCURRENTLY} or
 * a constraint added {@code NOT VALID} by an earlier revision is in the schema a later revision
 * is judged against. The schema after a revision with one parent is computed once and reused.
 */
final class Schemas {

  private final RevisionRegistry registry;
  private final OfflineSchema offline;
  private final StatementReader reader;
  private final Schema empty;
  private final Map<Integer, Schema> after = new HashMap<>();

  Schemas(RevisionRegistry registry, OfflineSchema offline, StatementReader reader) {
    this.registry = registry;
    this.offline = offline;
    this.reader = reader;
    this.empty = Schema.of(offline.schemaAt("base").meta());
  }

  /** The statements of a revision's upgrade as the linter reads them. */
  List<Statement> statements(OfflineSchema.Statements recorded) {
    List<Statement> statements = new ArrayList<>();
    for (OfflineSchema.Statement statement : recorded.statements()) {
      statements.add(reader.read(statements.size() + 1, statement.sql(),
          statement.query().orElse(null)));
    }
    return statements;
  }

  /** The schema the revision's parents and dependencies build. */
  Schema before(RevisionInfo revision) {
    int[] parents = registry.parentIndexes(revision.index());
    int[] dependencies = registry.dependencyIndexes(revision.index());
    if (parents.length == 0 && dependencies.length == 0) {
      return empty;
    }
    if (parents.length == 1 && dependencies.length == 0) {
      return after(registry.revisions().get(parents[0]));
    }
    // A merge, or a revision with dependencies: every revision it needs, in order.
    BitSet needed = Lineage.withAncestors(registry, revision);
    needed.clear(revision.index());
    Schema schema = empty;
    for (int i = needed.nextSetBit(0); i >= 0; i = needed.nextSetBit(i + 1)) {
      schema = applied(schema, registry.revisions().get(i));
    }
    return schema;
  }

  /** The schema after the revision, computed once. */
  Schema after(RevisionInfo revision) {
    // Walk up a chain of single parents to a schema already known, then apply down again.
    List<RevisionInfo> chain = new ArrayList<>();
    RevisionInfo next = revision;
    Schema start = null;
    while (start == null) {
      Schema known = after.get(next.index());
      if (known != null) {
        start = known;
        break;
      }
      chain.add(next);
      int[] parents = registry.parentIndexes(next.index());
      if (parents.length == 1 && registry.dependencyIndexes(next.index()).length == 0) {
        next = registry.revisions().get(parents[0]);
      } else {
        start = before(next);
        break;
      }
    }
    Schema schema = start;
    for (int i = chain.size() - 1; i >= 0; i--) {
      schema = applied(schema, chain.get(i));
      after.put(chain.get(i).index(), schema);
    }
    return schema;
  }

  /** Records what the linter computed as the schema after a revision it judged. */
  void remember(RevisionInfo revision, Schema schema) {
    after.putIfAbsent(revision.index(), schema);
  }

  /** A revision's statements applied; what the interpreter cannot take is passed over. */
  private Schema applied(Schema schema, RevisionInfo revision) {
    List<Statement> statements;
    try {
      statements = statements(offline.upgrade(revision));
    } catch (OfflineRenderingException threw) {
      return schema;
    }
    Schema result = schema;
    for (Statement statement : statements) {
      try {
        result = result.apply(statement);
      } catch (Schema.Unmodelled | DataDefinitionException notApplied) {
        // Left out, as OfflineSchema leaves out what it cannot model; the revision's own
        // review notes it.
      }
    }
    return result;
  }
}

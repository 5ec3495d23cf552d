package dev.retort.runtime;

import dev.retort.runtime.internal.StatementRecorder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.Queries;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * What can be proven about a registry without a database, with jOOQ's DDL interpreter: each
 * revision's statements are recorded (as {@code retort sql} renders them) and applied to an
 * in-memory model of the schema ({@link Meta#apply}).
 *
 * <ul>
 *   <li><b>Downgrade undoes upgrade</b>: for every revision, the schema after its upgrade and
 *       then its downgrade equals the schema before.
 *   <li><b>Merges commute</b>: for every merge, applying its parents' branches in either order
 *       gives the same schema. Two branches that change the same column in different ways pass
 *       every linear check and still leave databases that merged them in different orders with
 *       different schemas.
 * </ul>
 *
 * <p>The interpreter models DDL only. A revision that reads data, writes data, or uses a
 * statement the interpreter does not model is reported as {@link Outcome#SKIPPED} with the reason
 * — never as passed — and so is every proof that needs its schema.
 */
public final class RevisionProofs {

  /** How a proof ended. */
  public enum Outcome { PASSED, FAILED, SKIPPED }

  /**
   * One proof about one revision.
   *
   * @param detail for a failure, the schema difference; for a skip, why
   */
  public record Proof(String name, RevisionInfo revision, Outcome outcome, String detail) {

    /** One line: outcome, proof, revision, and the detail indented below it. */
    public String describe() {
      String simpleName = revision.className().substring(revision.className().lastIndexOf('.')
          + 1);
      return String.format("%-7s %s: %s (%s)%s", outcome, name, revision.id(), simpleName,
          detail.isEmpty() ? "" : "\n        " + detail.replace("\n", "\n        "));
    }
  }

  public static final String DOWNGRADE_UNDOES_UPGRADE = "downgrade undoes upgrade";
  public static final String MERGE_COMMUTES = "branches merge in either order";

  private final RevisionRegistry registry;
  private final SQLDialect dialect;
  private final DSLContext interpreter;
  private final Map<String, Object> upgrades = new HashMap<>();
  private boolean branchesChangeData;

  /**
   * A migration's statements as the interpreter sees them: its DDL, parsed, and whether it also
   * changes data (INSERT, UPDATE, DELETE, MERGE), which leaves the schema as it is but is not
   * modelled.
   */
  private record Modelled(Queries ddl, boolean changesData) {}

  private RevisionProofs(RevisionRegistry registry, SQLDialect dialect) {
    this.registry = registry;
    this.dialect = dialect;
    this.interpreter = DSL.using(dialect);
  }

  /** Proofs for a registry, with migrations rendered for a dialect. */
  public static RevisionProofs of(RevisionRegistry registry, SQLDialect dialect) {
    return new RevisionProofs(registry, dialect);
  }

  /** Every proof: each revision's downgrade, then each merge. */
  public List<Proof> all() {
    List<Proof> proofs = new ArrayList<>(downgradeUndoesUpgrade());
    proofs.addAll(mergesCommute());
    return proofs;
  }

  /** For every revision in order, whether its downgrade takes the schema back to before. */
  public List<Proof> downgradeUndoesUpgrade() {
    List<Proof> proofs = new ArrayList<>();
    Meta schema = empty();
    String unknownSince = null;
    for (RevisionInfo revision : registry.revisions()) {
      if (unknownSince != null) {
        proofs.add(skipped(DOWNGRADE_UNDOES_UPGRADE, revision, "the schema before it is unknown:"
            + " " + unknownSince));
        continue;
      }
      Object up = upgrade(revision);
      if (up instanceof String reason) {
        proofs.add(skipped(DOWNGRADE_UNDOES_UPGRADE, revision, reason));
        unknownSince = "revision " + revision.id() + " could not be modelled";
        continue;
      }
      Modelled upgrade = (Modelled) up;
      Meta after;
      try {
        after = schema.apply(upgrade.ddl());
      } catch (RuntimeException failed) {
        proofs.add(new Proof(DOWNGRADE_UNDOES_UPGRADE, revision, Outcome.FAILED, "its upgrade"
            + " cannot be applied to the schema the revisions before it leave: "
            + failed.getMessage()));
        unknownSince = "revision " + revision.id() + " failed";
        continue;
      }
      if (!revision.reversible()) {
        proofs.add(skipped(DOWNGRADE_UNDOES_UPGRADE, revision, "it is @Irreversible: "
            + revision.irreversibleReason().orElse("")));
      } else if (upgrade.changesData()) {
        proofs.add(skipped(DOWNGRADE_UNDOES_UPGRADE, revision, "it changes data, which the DDL"
            + " interpreter does not model (its DDL, if any, is applied for the revisions after"
            + " it)"));
      } else {
        Object down = statements(revision, false);
        if (down instanceof String reason) {
          proofs.add(skipped(DOWNGRADE_UNDOES_UPGRADE, revision, reason));
        } else if (((Modelled) down).changesData()) {
          proofs.add(skipped(DOWNGRADE_UNDOES_UPGRADE, revision, "its downgrade changes data,"
              + " which the DDL interpreter does not model"));
        } else {
          Meta back;
          try {
            back = after.apply(((Modelled) down).ddl());
          } catch (RuntimeException failed) {
            back = null;
            proofs.add(new Proof(DOWNGRADE_UNDOES_UPGRADE, revision, Outcome.FAILED, "its"
                + " downgrade cannot be applied to the schema its upgrade leaves: "
                + failed.getMessage()));
          }
          if (back != null) {
            proofs.add(compare(DOWNGRADE_UNDOES_UPGRADE, revision, SchemaSnapshot.of(schema),
                back, "the schema after upgrade and downgrade differs from the schema before;"
                    + " the downgrade removes too much (-) or leaves behind (+):"));
          }
        }
      }
      schema = after;
    }
    return proofs;
  }

  /** For every merge, whether its parents' branches give the same schema in either order. */
  public List<Proof> mergesCommute() {
    List<Proof> proofs = new ArrayList<>();
    List<RevisionInfo> revisions = registry.revisions();
    for (RevisionInfo merge : revisions) {
      if (merge.revises().size() < 2) {
        continue;
      }
      List<BitSet> lineages = new ArrayList<>();
      for (String parent : merge.revises()) {
        lineages.add(closure(registry.revision(parent).orElseThrow()));
      }
      BitSet shared = (BitSet) lineages.get(0).clone();
      lineages.forEach(shared::and);
      List<BitSet> branches = new ArrayList<>();
      for (BitSet lineage : lineages) {
        BitSet branch = (BitSet) lineage.clone();
        branch.andNot(shared);
        branches.add(branch);
      }
      try {
        Meta base = applyAll(empty(), shared);
        branchesChangeData = false;
        SchemaSnapshot forward = SchemaSnapshot.of(applyInOrder(base, branches));
        List<BitSet> reversed = new ArrayList<>(branches);
        java.util.Collections.reverse(reversed);
        Proof proof = compare(MERGE_COMMUTES, merge, forward, applyInOrder(base, reversed),
            "the branches of " + merge.revises() + " give different schemas when applied in"
                + " the order listed (-) and in the reverse order (+):");
        proofs.add(proof.outcome() == Outcome.PASSED && branchesChangeData
            ? skipped(MERGE_COMMUTES, merge, "the schemas agree in either order, but a revision"
                + " on a branch changes data, which the DDL interpreter does not model")
            : proof);
      } catch (Unmodelled unmodelled) {
        proofs.add(skipped(MERGE_COMMUTES, merge, unmodelled.getMessage()));
      } catch (RuntimeException conflict) {
        proofs.add(new Proof(MERGE_COMMUTES, merge, Outcome.FAILED, "the branches of "
            + merge.revises() + " cannot both be applied in every order: "
            + conflict.getMessage()));
      }
    }
    return proofs;
  }

  private Meta applyInOrder(Meta base, List<BitSet> branches) {
    Meta schema = base;
    for (BitSet branch : branches) {
      schema = applyAll(schema, branch);
    }
    return schema;
  }

  private Meta applyAll(Meta schema, BitSet revisions) {
    Meta result = schema;
    for (int i = revisions.nextSetBit(0); i >= 0; i = revisions.nextSetBit(i + 1)) {
      RevisionInfo revision = registry.revisions().get(i);
      Object up = upgrade(revision);
      if (up instanceof String reason) {
        throw new Unmodelled("revision " + revision.id() + " on a branch: " + reason);
      }
      Modelled upgrade = (Modelled) up;
      branchesChangeData |= upgrade.changesData();
      result = result.apply(upgrade.ddl());
    }
    return result;
  }

  private BitSet closure(RevisionInfo revision) {
    BitSet members = new BitSet();
    List<RevisionInfo> pending = new ArrayList<>(List.of(revision));
    while (!pending.isEmpty()) {
      RevisionInfo next = pending.remove(pending.size() - 1);
      if (members.get(next.index())) {
        continue;
      }
      members.set(next.index());
      for (String parent : next.revises()) {
        pending.add(registry.revision(parent).orElseThrow());
      }
      for (String dependency : next.dependsOn()) {
        pending.add(registry.revision(dependency).orElseThrow());
      }
    }
    return members;
  }

  private Proof compare(String name, RevisionInfo revision, SchemaSnapshot expected, Meta actual,
      String explanation) {
    SchemaSnapshot snapshot;
    try {
      snapshot = SchemaSnapshot.of(actual);
    } catch (RuntimeException failed) {
      return new Proof(name, revision, Outcome.FAILED, failed.getMessage());
    }
    List<String> difference = expected.differenceTo(snapshot);
    return difference.isEmpty()
        ? new Proof(name, revision, Outcome.PASSED, "")
        : new Proof(name, revision, Outcome.FAILED,
            explanation + "\n" + String.join("\n", difference));
  }

  /** The upgrade's statements, parsed, or why they cannot be modelled; computed once. */
  private Object upgrade(RevisionInfo revision) {
    return upgrades.computeIfAbsent(revision.id(), id -> statements(revision, true));
  }

  /** Parsed DDL, or a String saying why the revision cannot be modelled. */
  private Object statements(RevisionInfo revision, boolean upgrade) {
    List<String> sql;
    try {
      sql = StatementRecorder.statements(revision, registry.migration(revision), upgrade,
          dialect);
    } catch (OfflineRenderingException readsData) {
      return "it reads data, which the DDL interpreter does not model";
    } catch (RuntimeException failed) {
      return "recording its statements failed: " + failed.getMessage();
    }
    List<Query> queries = new ArrayList<>();
    boolean changesData = false;
    for (String statement : sql) {
      String verb = statement.stripLeading().split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
      if (List.of("insert", "update", "delete", "merge").contains(verb)) {
        changesData = true;
        continue;
      }
      if (!List.of("create", "alter", "drop", "comment").contains(verb)) {
        return "it runs " + verb.toUpperCase(java.util.Locale.ROOT) + " statements, which the"
            + " DDL interpreter does not model";
      }
      try {
        queries.add(interpreter.parser().parseQuery(statement));
      } catch (RuntimeException unparsed) {
        return "the interpreter cannot read '" + statement + "': " + unparsed.getMessage();
      }
    }
    return new Modelled(interpreter.queries(queries), changesData);
  }

  private Meta empty() {
    return interpreter.meta(new Query[0]);
  }

  private static Proof skipped(String name, RevisionInfo revision, String reason) {
    return new Proof(name, revision, Outcome.SKIPPED, reason);
  }

  /** A revision on a merged branch that the interpreter cannot model. */
  private static final class Unmodelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unmodelled(String message) {
      super(message);
    }
  }
}

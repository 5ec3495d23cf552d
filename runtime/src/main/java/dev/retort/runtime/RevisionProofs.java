package dev.retort.runtime;

import dev.retort.runtime.internal.offline.Modelling;
import dev.retort.runtime.internal.offline.Modelling.Modelled;
import dev.retort.runtime.internal.offline.SchemaModel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Meta;
import org.jooq.SQLDialect;

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
 * <p>The interpreter models tables, columns, keys and indexes. A revision that reads data, writes
 * data, or runs a statement the interpreter does not model is reported as {@link Outcome#SKIPPED}
 * with the reason, never as passed. What happens to the proofs after it depends on what the
 * statement could change:
 *
 * <ul>
 *   <li>A type, function, procedure, trigger, role or privilege ({@code CREATE TYPE ... AS
 *       ENUM}, {@code CREATE FUNCTION}, {@code GRANT}) has no place in the model and cannot change a
 *       table the proofs compare: the statement is left out, the rest of the revision is still
 *       checked (a difference in its tables is still a failure), and the revisions after it are
 *       proven without it.
 *   <li>Anything else the interpreter cannot read or apply, and a revision that reads data,
 *       leaves the schema after it unknown: the proofs of the revisions that descend from it are
 *       skipped too, naming it. Revisions on other branches are still proven.
 * </ul>
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

  /** What a skip says about the statements left out of the model. */
  private static final String OUTSIDE_THE_MODEL = "types, functions, procedures, triggers,"
      + " roles and privileges are outside its schema";

  private final RevisionRegistry registry;
  private final SchemaModel model;
  private final Map<String, Object> upgrades = new HashMap<>();
  private boolean branchesChangeData;
  private final Set<String> branchesLeaveOut = new LinkedHashSet<>();

  /** A schema after some statements, and those of them left out of it. */
  private record Applied(Meta schema, List<String> leftOut) {}

  private RevisionProofs(RevisionRegistry registry, SQLDialect dialect,
      RetortSettings settings) {
    this.registry = registry;
    this.model = new SchemaModel(dialect, settings);
  }

  /** Proofs for a registry, with migrations rendered for a dialect with the default settings. */
  public static RevisionProofs of(RevisionRegistry registry, SQLDialect dialect) {
    return of(registry, dialect, RetortSettings.defaults());
  }

  /**
   * Proofs for a registry, with migrations rendered for a dialect as the settings say (names
   * quoted or not, as {@link RetortSettings#nameQuoting()}).
   */
  public static RevisionProofs of(RevisionRegistry registry, SQLDialect dialect,
      RetortSettings settings) {
    return new RevisionProofs(registry, dialect, settings);
  }

  /** Every proof: each revision's downgrade, then each merge. */
  public List<Proof> all() {
    List<Proof> proofs = new ArrayList<>(downgradeUndoesUpgrade());
    proofs.addAll(mergesCommute());
    return proofs;
  }

  /**
   * For every revision in order, whether its downgrade takes the schema back to before. A revision
   * whose schema cannot be modelled (it reads data, the parser cannot read a statement, or the
   * interpreter cannot apply one to tables, keys or indexes) is skipped, and so is every revision
   * that descends from it: the schema they start from is unknown. Revisions on other branches are
   * still proven.
   */
  public List<Proof> downgradeUndoesUpgrade() {
    List<Proof> proofs = new ArrayList<>();
    Meta schema = empty();
    // Revisions whose schema after them is unknown, with the revision that made it so.
    Map<String, String> unknown = new HashMap<>();
    for (RevisionInfo revision : registry.revisions()) {
      String unknownSince = unknownAncestor(revision, unknown);
      if (unknownSince != null) {
        proofs.add(skipped(DOWNGRADE_UNDOES_UPGRADE, revision, "the schema before it is unknown:"
            + " " + unknownSince));
        unknown.put(revision.id(), unknownSince);
        continue;
      }
      Object up = upgrade(revision);
      if (up instanceof String reason) {
        proofs.add(skipped(DOWNGRADE_UNDOES_UPGRADE, revision, reason));
        unknown.put(revision.id(), "revision " + revision.id() + " could not be modelled");
        continue;
      }
      Modelled upgrade = (Modelled) up;
      Applied after;
      try {
        after = apply(schema, upgrade, "its upgrade");
      } catch (Unmodelled unmodelled) {
        proofs.add(skipped(DOWNGRADE_UNDOES_UPGRADE, revision, unmodelled.getMessage()));
        unknown.put(revision.id(), "revision " + revision.id() + " could not be modelled");
        continue;
      } catch (RuntimeException failed) {
        proofs.add(new Proof(DOWNGRADE_UNDOES_UPGRADE, revision, Outcome.FAILED, "its upgrade"
            + " cannot be applied to the schema the revisions before it leave: "
            + failed.getMessage()));
        unknown.put(revision.id(), "revision " + revision.id() + " failed");
        continue;
      }
      proofs.add(undone(revision, schema, upgrade, after));
      schema = after.schema();
    }
    return proofs;
  }

  /** The proof for one revision whose upgrade took the schema from {@code before} to after. */
  private Proof undone(RevisionInfo revision, Meta before, Modelled upgrade, Applied after) {
    if (!revision.reversible()) {
      return skipped(DOWNGRADE_UNDOES_UPGRADE, revision, "it is @Irreversible: "
          + revision.irreversibleReason().orElse(""));
    }
    if (upgrade.changesData()) {
      return skipped(DOWNGRADE_UNDOES_UPGRADE, revision, "it changes data, which the DDL"
          + " interpreter does not model (its DDL, if any, is applied for the revisions after"
          + " it)");
    }
    Object down = statements(revision, false);
    if (down instanceof String reason) {
      return skipped(DOWNGRADE_UNDOES_UPGRADE, revision, "its downgrade: " + reason);
    }
    if (((Modelled) down).changesData()) {
      return skipped(DOWNGRADE_UNDOES_UPGRADE, revision, "its downgrade changes data, which the"
          + " DDL interpreter does not model");
    }
    Applied back;
    try {
      back = apply(after.schema(), (Modelled) down, "its downgrade");
    } catch (Unmodelled unmodelled) {
      return skipped(DOWNGRADE_UNDOES_UPGRADE, revision, unmodelled.getMessage());
    } catch (RuntimeException failed) {
      return new Proof(DOWNGRADE_UNDOES_UPGRADE, revision, Outcome.FAILED, "its downgrade cannot"
          + " be applied to the schema its upgrade leaves: " + failed.getMessage());
    }
    Proof proof = compare(DOWNGRADE_UNDOES_UPGRADE, revision, SchemaSnapshot.of(before),
        back.schema(), "the schema after upgrade and downgrade differs from the schema before;"
            + " the downgrade removes too much (-) or leaves behind (+):");
    List<String> leftOut = new ArrayList<>(after.leftOut());
    leftOut.addAll(back.leftOut());
    // What was left out cannot change tables, keys or indexes, so a difference is still a
    // failure; but agreement proves nothing about what was left out.
    return proof.outcome() == Outcome.PASSED && !leftOut.isEmpty()
        ? skipped(DOWNGRADE_UNDOES_UPGRADE, revision, "its tables, keys and indexes come back as"
            + " they were, but it also runs " + quoted(leftOut) + ", which the DDL interpreter"
            + " does not model (" + OUTSIDE_THE_MODEL + "), so whether its downgrade undoes"
            + " that is not proven; the revisions after it are proven without it")
        : proof;
  }

  /** Why the schema before a revision is unknown, or null when it is known. */
  private static String unknownAncestor(RevisionInfo revision, Map<String, String> unknown) {
    for (String parent : revision.revises()) {
      if (unknown.containsKey(parent)) {
        return unknown.get(parent);
      }
    }
    for (String dependency : revision.dependsOn()) {
      if (unknown.containsKey(dependency)) {
        return unknown.get(dependency);
      }
    }
    return null;
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
      Meta base;
      try {
        base = applyAll(empty(), shared, "before the branches");
      } catch (Unmodelled unmodelled) {
        proofs.add(skipped(MERGE_COMMUTES, merge, unmodelled.getMessage()));
        continue;
      } catch (RuntimeException failed) {
        proofs.add(skipped(MERGE_COMMUTES, merge, "the revisions its branches start from cannot"
            + " be applied (their downgrade proofs say which): " + failed.getMessage()));
        continue;
      }
      try {
        branchesChangeData = false;
        branchesLeaveOut.clear();
        SchemaSnapshot forward = SchemaSnapshot.of(applyInOrder(base, branches));
        List<BitSet> reversed = new ArrayList<>(branches);
        java.util.Collections.reverse(reversed);
        Proof proof = compare(MERGE_COMMUTES, merge, forward, applyInOrder(base, reversed),
            "the branches of " + merge.revises() + " give different schemas when applied in"
                + " the order listed (-) and in the reverse order (+):");
        if (proof.outcome() == Outcome.PASSED && branchesChangeData) {
          proof = skipped(MERGE_COMMUTES, merge, "the schemas agree in either order, but a"
              + " revision on a branch changes data, which the DDL interpreter does not model");
        } else if (proof.outcome() == Outcome.PASSED && !branchesLeaveOut.isEmpty()) {
          proof = skipped(MERGE_COMMUTES, merge, "the tables, keys and indexes agree in either"
              + " order, but the branches also run " + quoted(List.copyOf(branchesLeaveOut))
              + ", which the DDL interpreter does not model (" + OUTSIDE_THE_MODEL + ")");
        }
        proofs.add(proof);
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
      schema = applyAll(schema, branch, "on a branch");
    }
    return schema;
  }

  private Meta applyAll(Meta schema, BitSet revisions, String where) {
    Meta result = schema;
    for (int i = revisions.nextSetBit(0); i >= 0; i = revisions.nextSetBit(i + 1)) {
      RevisionInfo revision = registry.revisions().get(i);
      String whose = "revision " + revision.id() + " " + where;
      Object up = upgrade(revision);
      if (up instanceof String reason) {
        throw new Unmodelled(whose + ": " + reason);
      }
      Modelled upgrade = (Modelled) up;
      branchesChangeData |= upgrade.changesData();
      Applied applied = apply(result, upgrade, whose);
      branchesLeaveOut.addAll(applied.leftOut());
      result = applied.schema();
    }
    return result;
  }

  /**
   * The statements applied one by one. A statement the interpreter does not model but that cannot
   * change what the proofs compare (a type, a function, a trigger, a role, a privilege) is left
   * out and listed; any other it cannot apply makes the schema unknown.
   *
   * @throws Unmodelled if the interpreter does not model a statement that may change tables,
   *     keys or indexes
   * @throws NotApplicable if a statement fails on the schema, such as creating a table that
   *     exists
   */
  private Applied apply(Meta schema, Modelled statements, String whose) {
    SchemaModel.Applied applied = model.apply(schema, statements);
    if (applied instanceof SchemaModel.Unknown unknown) {
      throw new Unmodelled(whose + " runs '" + unknown.sql() + "', which the DDL"
          + " interpreter does not model (" + unknown.reason() + "), so the schema after"
          + " it is unknown");
    }
    if (applied instanceof SchemaModel.Fails fails) {
      throw new NotApplicable(fails.reason());
    }
    SchemaModel.Done done = (SchemaModel.Done) applied;
    return new Applied(done.schema(), done.leftOut());
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
    Modelling modelling = model.model(registry.migration(revision),
        upgrade ? MigrationStep.Direction.UP : MigrationStep.Direction.DOWN);
    if (modelling instanceof Modelling.ReadsData) {
      return "it reads data, which the DDL interpreter does not model";
    }
    if (modelling instanceof Modelling.Threw threw) {
      return "recording its statements failed: " + threw.failure().getMessage();
    }
    if (modelling instanceof Modelling.NotDdl notDdl) {
      return "it runs " + notDdl.verb() + " statements, which the DDL interpreter does not"
          + " model";
    }
    if (modelling instanceof Modelling.Unreadable unreadable) {
      return "the interpreter cannot read '" + unreadable.sql() + "': " + unreadable.reason();
    }
    return modelling;
  }

  private static String quoted(List<String> statements) {
    return statements.stream().map(statement -> "'" + statement.strip() + "'")
        .collect(Collectors.joining(", "));
  }

  private Meta empty() {
    return model.empty();
  }

  private static Proof skipped(String name, RevisionInfo revision, String reason) {
    return new Proof(name, revision, Outcome.SKIPPED, reason);
  }

  /** A statement that fails on the schema it is applied to. */
  private static final class NotApplicable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotApplicable(String message) {
      super(message);
    }
  }

  /** A revision on a merged branch that the interpreter cannot model. */
  private static final class Unmodelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unmodelled(String message) {
      super(message);
    }
  }
}

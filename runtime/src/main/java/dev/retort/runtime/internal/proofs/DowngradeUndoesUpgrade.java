package dev.retort.runtime.internal.proofs;

import static dev.retort.runtime.RevisionProofs.DOWNGRADE_UNDOES_UPGRADE;

import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionProofs.Failed;
import dev.retort.runtime.RevisionProofs.Outcome;
import dev.retort.runtime.RevisionProofs.Proof;
import dev.retort.runtime.RevisionProofs.Skipped;
import dev.retort.runtime.SchemaSnapshot;
import dev.retort.runtime.internal.offline.Modelling;
import dev.retort.runtime.internal.offline.SchemaModel;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.Meta;

/**
 * For every revision in order, whether its downgrade takes the schema back to what it was before
 * its upgrade. A revision whose schema cannot be modelled (it reads data, the parser cannot read a
 * statement, or the interpreter cannot apply one to tables, keys or indexes) is skipped, and so is
 * every revision that descends from it: the schema they start from is unknown. A revision whose
 * migration throws, or whose statements fail on the schema, fails. Revisions on other branches
 * are still proven.
 */
public final class DowngradeUndoesUpgrade {

  private final ModelledRevisions revisions;
  private final SchemaModel model;

  DowngradeUndoesUpgrade(ModelledRevisions revisions) {
    this.revisions = revisions;
    this.model = revisions.model();
  }

  List<Proof> prove() {
    List<Proof> proofs = new ArrayList<>();
    Meta schema = model.empty();
    // Revisions whose schema after them is unknown, with the revision that made it so.
    Map<String, String> unknown = new HashMap<>();
    for (RevisionInfo revision : revisions.registry().revisions()) {
      String since = unknownAncestor(revision, unknown);
      if (since != null) {
        proofs.add(skipped(revision, Messages.unknownBefore(since)));
        unknown.put(revision.id(), since);
        continue;
      }
      Modelling upgrade = revisions.upgrade(revision);
      String unmodelled = ModelledRevisions.unmodelled(upgrade, "upgrade");
      if (unmodelled != null) {
        boolean threw = upgrade instanceof Modelling.Threw;
        proofs.add(threw ? failed(revision, unmodelled) : skipped(revision, unmodelled));
        unknown.put(revision.id(), threw ? Messages.failedSince(revision.id())
            : Messages.notModelledSince(revision.id()));
        continue;
      }
      SchemaModel.Applied after = model.apply(schema, (Modelling.Modelled) upgrade);
      if (after instanceof SchemaModel.Unknown notModelled) {
        proofs.add(skipped(revision, Messages.runsUnmodelled("its upgrade", notModelled.sql(),
            notModelled.reason())));
        unknown.put(revision.id(), Messages.notModelledSince(revision.id()));
        continue;
      }
      if (after instanceof SchemaModel.Fails fails) {
        proofs.add(failed(revision, Messages.upgradeDoesNotApply(fails.reason())));
        unknown.put(revision.id(), Messages.failedSince(revision.id()));
        continue;
      }
      SchemaModel.Done done = (SchemaModel.Done) after;
      proofs.add(undone(revision, schema, (Modelling.Modelled) upgrade, done));
      schema = done.schema();
    }
    return proofs;
  }

  /** The proof for one revision whose upgrade took the schema from {@code before} to after. */
  private Proof undone(RevisionInfo revision, Meta before, Modelling.Modelled upgrade,
      SchemaModel.Done after) {
    if (!revision.reversible()) {
      return skipped(revision,
          Messages.irreversibleProof(revision.irreversibleReason().orElse("")));
    }
    if (upgrade.changesData()) {
      return skipped(revision, Messages.changesDataProof());
    }
    Modelling downgrade = revisions.downgrade(revision);
    String unmodelled = ModelledRevisions.unmodelled(downgrade, "downgrade");
    if (unmodelled != null) {
      return downgrade instanceof Modelling.Threw
          ? failed(revision, unmodelled)
          : skipped(revision, Messages.downgradeNotModelled(unmodelled));
    }
    Modelling.Modelled down = (Modelling.Modelled) downgrade;
    if (down.changesData()) {
      return skipped(revision, Messages.downgradeChangesData());
    }
    SchemaModel.Applied back = model.apply(after.schema(), down);
    if (back instanceof SchemaModel.Unknown notModelled) {
      return skipped(revision, Messages.runsUnmodelled("its downgrade", notModelled.sql(),
          notModelled.reason()));
    }
    if (back instanceof SchemaModel.Fails fails) {
      return failed(revision, Messages.downgradeDoesNotApply(fails.reason()));
    }
    SchemaModel.Done done = (SchemaModel.Done) back;
    Proof proof = Comparison.compare(DOWNGRADE_UNDOES_UPGRADE, revision,
        SchemaSnapshot.of(before), done.schema(), Messages.downgradeDiffers());
    List<String> leftOut = Stream.concat(after.leftOut().stream(), done.leftOut().stream())
        .toList();
    // What was left out cannot change tables, keys or indexes, so a difference is still a
    // failure; but agreement proves nothing about what was left out.
    return proof.outcome() == Outcome.PASSED && !leftOut.isEmpty()
        ? skipped(revision, Messages.partlyProven(leftOut))
        : proof;
  }

  /** Why the schema before a revision is unknown, or null when it is known. */
  private static String unknownAncestor(RevisionInfo revision, Map<String, String> unknown) {
    return Stream.concat(revision.revises().stream(), revision.dependsOn().stream())
        .filter(unknown::containsKey).map(unknown::get).findFirst().orElse(null);
  }

  private static Proof skipped(RevisionInfo revision, String detail) {
    return new Skipped(DOWNGRADE_UNDOES_UPGRADE, revision, detail);
  }

  private static Proof failed(RevisionInfo revision, String detail) {
    return new Failed(DOWNGRADE_UNDOES_UPGRADE, revision, detail);
  }
}

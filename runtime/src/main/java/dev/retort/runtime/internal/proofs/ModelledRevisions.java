package dev.retort.runtime.internal.proofs;

import dev.retort.runtime.MigrationStep.Direction;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.internal.offline.Modelling;
import dev.retort.runtime.internal.offline.SchemaModel;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Meta;

/**
 * A registry's revisions as the DDL interpreter takes them, each upgrade recorded and modelled
 * once, for every proof that needs it.
 */
final class ModelledRevisions {

  private final RevisionRegistry registry;
  private final SchemaModel model;
  private final Map<String, Modelling> upgrades = new ConcurrentHashMap<>();

  ModelledRevisions(RevisionRegistry registry, SchemaModel model) {
    this.registry = registry;
    this.model = model;
  }

  RevisionRegistry registry() {
    return registry;
  }

  SchemaModel model() {
    return model;
  }

  Modelling upgrade(RevisionInfo revision) {
    return upgrades.computeIfAbsent(revision.id(),
        id -> model.model(registry.migration(revision), Direction.UP));
  }

  Modelling downgrade(RevisionInfo revision) {
    return model.model(registry.migration(revision), Direction.DOWN);
  }

  /** Why a revision's statements cannot be modelled, or {@code null} when they can. */
  static String unmodelled(Modelling modelling, String verb) {
    if (modelling instanceof Modelling.ReadsData) {
      return Messages.readsDataProof();
    }
    if (modelling instanceof Modelling.Threw threw) {
      return Messages.threwProof(verb, threw.failure());
    }
    if (modelling instanceof Modelling.NotDdl notDdl) {
      return Messages.notDdlProof(notDdl.verb());
    }
    if (modelling instanceof Modelling.Unreadable unreadable) {
      return Messages.unreadableProof(unreadable.sql(), unreadable.reason());
    }
    return null;
  }

  /** Revisions applied one after another to a schema. */
  sealed interface Applied {}

  /**
   * Every revision applied.
   *
   * @param changesData whether one of them also writes data, which the model leaves out
   * @param leftOut the statements left out because the model has no place for them
   */
  record Built(Meta schema, boolean changesData, List<String> leftOut) implements Applied {}

  /** A revision could not be applied, and why. */
  record Stopped(Why why, String detail) implements Applied {}

  /** Why a revision could not be applied. */
  enum Why {
    /** It runs what the interpreter does not model, or reads data. */
    UNMODELLED,
    /** A statement fails on the schema, such as creating a table that exists. */
    FAILS,
    /** The migration threw while its statements were recorded. */
    THREW
  }

  /** The upgrades of the revisions in a set applied to a schema, in the registry's order. */
  Applied applyUpgrades(Meta schema, BitSet revisions, String where) {
    Meta result = schema;
    boolean changesData = false;
    Set<String> leftOut = new LinkedHashSet<>();
    for (int i = revisions.nextSetBit(0); i >= 0; i = revisions.nextSetBit(i + 1)) {
      RevisionInfo revision = registry.revisions().get(i);
      String whose = Messages.branchRevision(revision.id(), where);
      Modelling modelling = upgrade(revision);
      String unmodelled = unmodelled(modelling, "upgrade");
      if (unmodelled != null) {
        return new Stopped(modelling instanceof Modelling.Threw ? Why.THREW : Why.UNMODELLED,
            whose + ": " + unmodelled);
      }
      Modelling.Modelled upgrade = (Modelling.Modelled) modelling;
      changesData |= upgrade.changesData();
      SchemaModel.Applied applied = model.apply(result, upgrade);
      if (applied instanceof SchemaModel.Unknown unknown) {
        return new Stopped(Why.UNMODELLED,
            Messages.runsUnmodelled(whose, unknown.sql(), unknown.reason()));
      }
      if (applied instanceof SchemaModel.Fails fails) {
        return new Stopped(Why.FAILS, fails.reason());
      }
      SchemaModel.Done done = (SchemaModel.Done) applied;
      leftOut.addAll(done.leftOut());
      result = done.schema();
    }
    return new Built(result, changesData, new ArrayList<>(leftOut));
  }
}

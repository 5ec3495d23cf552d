package dev.retort.runtime.internal.proofs;

import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionProofs.Proof;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.internal.offline.SchemaModel;
import java.util.List;
import org.jooq.SQLDialect;

/** The proofs of a registry, on one model of its revisions that each proof reads. */
public final class Proofs {

  private final ModelledRevisions revisions;

  public Proofs(RevisionRegistry registry, SQLDialect dialect, RetortSettings settings) {
    this.revisions = new ModelledRevisions(registry, new SchemaModel(dialect, settings));
  }

  public List<Proof> downgradeUndoesUpgrade() {
    return new DowngradeUndoesUpgrade(revisions).prove();
  }

  public List<Proof> mergesCommute() {
    return new MergesCommute(revisions).prove();
  }
}

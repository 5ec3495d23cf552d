package dev.retort.runtime;

import dev.retort.runtime.internal.proofs.Proofs;
import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.Meta;
import org.jooq.SQLDialect;

/**
 * What can be proven about a registry without a database, with jOOQ's DDL interpreter: each
 * revision's statements are recorded (as {@code retort sql} renders them, with {@link
 * OfflineSchema}'s machinery) and applied to an in-memory model of the schema ({@link
 * Meta#apply}).
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
 * <p>The interpreter models tables, columns, keys and indexes. A migration that throws while its
 * statements are recorded, or whose statements fail on the schema, is {@link Failed}. A revision
 * that reads data, writes data, or runs a statement the interpreter does not model is {@link
 * Skipped} with the reason, never passed. What happens to the proofs after it depends on what the
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
 *
 * <p>Instances hold no results between calls: each call proves afresh, and only the recording of
 * each revision's upgrade is kept, to be read by every proof.
 */
public final class RevisionProofs {

  /** How a proof ended. */
  public enum Outcome {
    /** The schemas agree. */
    PASSED,
    /** The schemas differ, a statement fails on the schema, or the migration threw. */
    FAILED,
    /** Not proven: the revision does what the interpreter does not model. */
    SKIPPED
  }

  /** One proof about one revision: {@link Passed}, {@link Failed} or {@link Skipped}. */
  public sealed interface Proof permits Passed, Failed, Skipped {

    /** Which proof: {@link #DOWNGRADE_UNDOES_UPGRADE} or {@link #MERGE_COMMUTES}. */
    String name();

    /** The revision it is about: the revision, or the merge. */
    RevisionInfo revision();

    /** How it ended. */
    Outcome outcome();

    /** For a failure, the schema difference or the error; for a skip, why; else empty. */
    String detail();

    /** One line: outcome, proof, revision, and the detail indented below it. */
    default String describe() {
      return Messages.proofLine(outcome().name(), name(), revision(), detail());
    }
  }

  /**
   * The schemas agree.
   *
   * @param name which proof
   * @param revision the revision it is about
   */
  public record Passed(String name, RevisionInfo revision) implements Proof {
    @Override
    public Outcome outcome() {
      return Outcome.PASSED;
    }

    @Override
    public String detail() {
      return "";
    }
  }

  /**
   * The schemas differ, a statement fails on the schema, or the migration threw.
   *
   * @param name which proof
   * @param revision the revision it is about
   * @param detail the schema difference, or the error
   */
  public record Failed(String name, RevisionInfo revision, String detail) implements Proof {
    @Override
    public Outcome outcome() {
      return Outcome.FAILED;
    }
  }

  /**
   * Nothing is proven: the revision does what the interpreter does not model.
   *
   * @param name which proof
   * @param revision the revision it is about
   * @param detail why, naming the statement or the revision that made the schema unknown
   */
  public record Skipped(String name, RevisionInfo revision, String detail) implements Proof {
    @Override
    public Outcome outcome() {
      return Outcome.SKIPPED;
    }
  }

  /** The name of the proof that each downgrade undoes its upgrade. */
  public static final String DOWNGRADE_UNDOES_UPGRADE = "downgrade undoes upgrade";
  /** The name of the proof that each merge's branches give one schema in either order. */
  public static final String MERGE_COMMUTES = "branches merge in either order";

  private final Proofs proofs;

  private RevisionProofs(Proofs proofs) {
    this.proofs = proofs;
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
    return new RevisionProofs(new Proofs(Objects.requireNonNull(registry, "registry"),
        Objects.requireNonNull(dialect, "dialect"), Objects.requireNonNull(settings, "settings")));
  }

  /** Every proof: each revision's downgrade, then each merge. */
  public List<Proof> all() {
    List<Proof> all = new ArrayList<>(downgradeUndoesUpgrade());
    all.addAll(mergesCommute());
    return all;
  }

  /** For every revision in order, whether its downgrade takes the schema back to before. */
  public List<Proof> downgradeUndoesUpgrade() {
    return proofs.downgradeUndoesUpgrade();
  }

  /** For every merge, whether its parents' branches give the same schema in either order. */
  public List<Proof> mergesCommute() {
    return proofs.mergesCommute();
  }
}

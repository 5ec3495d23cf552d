package dev.retort.runtime;

import dev.retort.runtime.messages.Messages;
import java.util.List;
import java.util.Optional;

/**
 * The base of every generated registry: answers {@link RevisionRegistry} from a {@link
 * RevisionTable} and leaves to the generated subclass only the one thing that must be generated,
 * creating a migration instance without reflection.
 */
public abstract class GeneratedRegistry implements RevisionRegistry {

  private final RevisionTable table;

  /** A registry of the table's revisions; the generated subclass passes the table it built. */
  protected GeneratedRegistry(RevisionTable table) {
    this.table = table;
  }

  /**
   * The revision at {@code index} in topological order: what registries generated before
   * {@link RevisionTable#revisionArray} existed initialise their constants with, kept so that such
   * a registry still compiles and runs against this runtime.
   */
  protected final RevisionInfo revision(int index) {
    return table.revisions().get(index);
  }

  /**
   * Creates the migration of the revision at {@code index}. Generated as a {@code switch} of
   * constructor calls, so that only the class of the revision asked for is loaded.
   */
  protected abstract Migration newMigration(int index);

  @Override
  public final List<RevisionInfo> revisions() {
    return table.revisions();
  }

  @Override
  public final Optional<RevisionInfo> revision(String id) {
    return Optional.ofNullable(table.revision(id));
  }

  @Override
  public final List<RevisionInfo> heads() {
    return table.heads();
  }

  @Override
  public final List<RevisionInfo> bases() {
    return table.bases();
  }

  @Override
  public final int[] parentIndexes(int index) {
    return table.parentIndexes(index);
  }

  @Override
  public final int[] dependencyIndexes(int index) {
    return table.dependencyIndexes(index);
  }

  @Override
  public final Migration migration(RevisionInfo revision) {
    int index = revision.index();
    List<RevisionInfo> all = table.revisions();
    if (index >= all.size() || all.get(index) != revision) {
      throw new IllegalArgumentException(Messages.foreignRevision(revision, getClass().getName()));
    }
    return newMigration(index);
  }

  @Override
  public String toString() {
    return getClass().getName() + " (" + table.revisions().size() + " revisions)";
  }
}

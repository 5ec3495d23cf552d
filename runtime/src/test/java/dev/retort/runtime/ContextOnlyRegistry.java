package dev.retort.runtime;

import java.util.List;
import java.util.Optional;

/**
 * A registry that only a class loader naming it as a service finds, as an application's
 * generated registry is found through the context class loader: two revisions, a1 and b1.
 */
public final class ContextOnlyRegistry implements RevisionRegistry {

  private final TestRegistry registry =
      TestRegistry.builder().revision("a1").revision("b1", "a1").build();

  /** The registry, as ServiceLoader makes it. */
  public ContextOnlyRegistry() {}

  @Override
  public List<RevisionInfo> revisions() {
    return registry.revisions();
  }

  @Override
  public Optional<RevisionInfo> revision(String id) {
    return registry.revision(id);
  }

  @Override
  public List<RevisionInfo> heads() {
    return registry.heads();
  }

  @Override
  public List<RevisionInfo> bases() {
    return registry.bases();
  }

  @Override
  public int[] parentIndexes(int index) {
    return registry.parentIndexes(index);
  }

  @Override
  public int[] dependencyIndexes(int index) {
    return registry.dependencyIndexes(index);
  }

  @Override
  public Migration migration(RevisionInfo revision) {
    return registry.migration(revision);
  }
}

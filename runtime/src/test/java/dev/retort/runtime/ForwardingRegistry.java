package dev.retort.runtime;

import java.util.List;
import java.util.Optional;

/** A registry that answers as another does, for a test to change one answer. */
abstract class ForwardingRegistry implements RevisionRegistry {

  final RevisionRegistry registry;

  ForwardingRegistry(RevisionRegistry registry) {
    this.registry = registry;
  }

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

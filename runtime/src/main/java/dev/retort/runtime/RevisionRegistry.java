package dev.retort.runtime;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The revisions of an application, their graph precomputed at compile time. Retort's annotation
 * processor generates the one implementation per compilation (by default a class named
 * {@code Revisions}) and registers it for {@link java.util.ServiceLoader}, so the runtime needs
 * neither classpath scanning nor reflection to find the migrations.
 */
public interface RevisionRegistry {

  /**
   * The generated registry on the classpath, found through {@link ServiceLoader}: the only one,
   * or the one that contains all the others (an application's registry covers the revisions of
   * the shared migration jars it depends on, which ship registries of their own).
   *
   * @throws RegistryNotFoundException if there is none, or several of which none contains all
   *     the others
   */
  static RevisionRegistry onClasspath() {
    return Registries.discover(ServiceLoader.load(RevisionRegistry.class));
  }

  /** Every revision, in a topological order: parents and dependencies before their children. */
  List<RevisionInfo> revisions();

  /** The revision with exactly this id. */
  Optional<RevisionInfo> revision(String id);

  /** The revisions that no other revision revises, sorted by id. */
  List<RevisionInfo> heads();

  /** The revisions that revise nothing, sorted by id. */
  List<RevisionInfo> bases();

  /**
   * The topological indexes of the parents of the revision at {@code index}: the graph as the
   * processor computed it, for the runtime's walks.
   */
  int[] parentIndexes(int index);

  /** The topological indexes of the {@code dependsOn} revisions of the revision at {@code index}. */
  int[] dependencyIndexes(int index);

  /**
   * A new instance of the revision's migration class. This is the only place a migration class
   * is loaded, so a start-up with nothing to apply loads none.
   *
   * @throws IllegalArgumentException if the revision belongs to another registry
   */
  Migration migration(RevisionInfo revision);
}

package dev.retort.runtime;

import dev.retort.runtime.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Chooses the registry to use among those {@link java.util.ServiceLoader} finds. */
final class Registries {

  private Registries() {}

  /**
   * The registry among those a service loader creates: see {@link #discover(List)}.
   *
   * @throws RegistryNotFoundException if there is none, or several of which none contains all
   *     the others
   */
  static RevisionRegistry discover(ServiceLoader<RevisionRegistry> loader) {
    // A loop, not a stream: every start-up runs this, and on a cold JVM a stream pipeline costs
    // more than the registries it finds.
    List<RevisionRegistry> found = new ArrayList<>(1);
    for (RevisionRegistry registry : loader) {
      found.add(registry);
    }
    return discover(found);
  }

  /**
   * The only registry, or the one that contains all the others. A shared migrations jar ships a
   * registry of its own revisions, and the application's registry covers them and its own, so the
   * application's is the one to use.
   *
   * @throws RegistryNotFoundException if there is none, or several of which none contains all
   *     the others
   */
  static RevisionRegistry discover(List<RevisionRegistry> found) {
    if (found.isEmpty()) {
      throw new RegistryNotFoundException(Messages.noRegistry());
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    List<RevisionRegistry> covering = found.stream()
        .filter(candidate -> found.stream().allMatch(other -> covers(candidate, other)))
        .toList();
    if (covering.size() == 1) {
      return covering.get(0);
    }
    throw new RegistryNotFoundException(Messages.severalRegistries(
        found.stream().map(registry -> registry.getClass().getName()).toList()));
  }

  private static boolean covers(RevisionRegistry candidate, RevisionRegistry other) {
    return other.revisions().stream()
        .allMatch(revision -> candidate.revision(revision.id()).isPresent());
  }
}

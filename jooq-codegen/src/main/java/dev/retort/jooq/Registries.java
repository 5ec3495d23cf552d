package dev.retort.jooq;

import dev.retort.runtime.RevisionRegistry;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The registry on the code generator's classpath, found as the runtime finds it: through {@link
 * ServiceLoader} on the thread's context class loader, which jOOQ's Maven plugin points at the
 * plugin's dependencies and the project's classpath.
 */
final class Registries {

  private Registries() {}

  /**
   * The registry with this class name, or with {@code null} the one on the classpath (the only
   * one, or the one that covers the others).
   *
   * @throws IllegalStateException if there is none, or none of that name
   * @throws dev.retort.runtime.RegistryNotFoundException if there are several and none covers
   *     the others
   */
  static RevisionRegistry find(String className) {
    List<RevisionRegistry> found = ServiceLoader.load(RevisionRegistry.class).stream()
        .map(ServiceLoader.Provider::get).toList();
    if (found.isEmpty()) {
      throw new IllegalStateException(Messages.noRegistry());
    }
    if (className == null) {
      return RevisionRegistry.onClasspath();
    }
    return found.stream().filter(registry -> registry.getClass().getName().equals(className))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(Messages.noSuchRegistry(className,
            found.stream().map(registry -> registry.getClass().getName()).sorted().toList())));
  }
}

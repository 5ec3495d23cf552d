package dev.retort.runtime;

import dev.retort.runtime.messages.Messages;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The registry {@link RevisionRegistry#onClasspath()} finds, created when a command first needs
 * it rather than when Retort is built: a generated registry builds its table of every revision
 * when its class is initialised, and a start-up with nothing to do reads that table while its
 * connection is being opened. Whether there is a registry at all is known at once, without
 * creating one. Thread-safe: created once, by the first thread that needs it.
 */
final class ClasspathRegistry implements RevisionRegistry {

  private final ServiceLoader<RevisionRegistry> loader;
  private final Object creating = new Object();
  private boolean tried;
  private ServiceConfigurationError firstFailure;
  private volatile RevisionRegistry found;

  private ClasspathRegistry(ServiceLoader<RevisionRegistry> loader) {
    this.loader = loader;
  }

  /**
   * The registries the context class loader names, to be created at first use.
   *
   * @throws RegistryNotFoundException if it names none
   */
  static ClasspathRegistry find() {
    ServiceLoader<RevisionRegistry> loader = ServiceLoader.load(RevisionRegistry.class);
    // Loads the first registry's class, but neither initialises nor creates it.
    if (!loader.iterator().hasNext()) {
      throw new RegistryNotFoundException(Messages.noRegistry());
    }
    return new ClasspathRegistry(loader);
  }

  /**
   * The registry, created now if no command has needed it yet.
   *
   * @throws RegistryNotFoundException if there are several, none of which contains all the others
   * @throws ServiceConfigurationError if a registry cannot be created; every later call tries
   *     again, and fails again with the same cause
   */
  RevisionRegistry registry() {
    RevisionRegistry known = found;
    if (known != null) {
      return known;
    }
    synchronized (creating) {
      if (found == null) {
        if (tried) {
          // The loader skips, on the next pass, a registry it failed to create: without a fresh
          // lookup a second command would go on without it, or find none.
          loader.reload();
        }
        tried = true;
        try {
          found = Registries.discover(loader);
        } catch (ServiceConfigurationError e) {
          throw failed(e);
        }
      }
      return found;
    }
  }

  /**
   * The failure to report: the first one again when a registry whose class failed to initialise
   * fails once more, because the JVM then says only "Could not initialize class", not why. Kept
   * by this Retort only: another one in the same JVM gets the JVM's words.
   */
  private ServiceConfigurationError failed(ServiceConfigurationError e) {
    if (firstFailure != null && firstFailure.getCause() instanceof ExceptionInInitializerError
        && e.getCause() instanceof NoClassDefFoundError again
        && String.valueOf(again.getMessage()).startsWith("Could not initialize class")
        && firstFailure.getMessage().equals(e.getMessage())) {
      ServiceConfigurationError first =
          new ServiceConfigurationError(firstFailure.getMessage(), firstFailure.getCause());
      first.addSuppressed(e);
      return first;
    }
    firstFailure = e;
    return e;
  }

  @Override
  public List<RevisionInfo> revisions() {
    return registry().revisions();
  }

  @Override
  public Optional<RevisionInfo> revision(String id) {
    return registry().revision(id);
  }

  @Override
  public List<RevisionInfo> heads() {
    return registry().heads();
  }

  @Override
  public List<RevisionInfo> bases() {
    return registry().bases();
  }

  @Override
  public int[] parentIndexes(int index) {
    return registry().parentIndexes(index);
  }

  @Override
  public int[] dependencyIndexes(int index) {
    return registry().dependencyIndexes(index);
  }

  @Override
  public Migration migration(RevisionInfo revision) {
    return registry().migration(revision);
  }

  @Override
  public String toString() {
    RevisionRegistry known = found;
    return known == null ? "the registry on the classpath, not created yet" : known.toString();
  }
}

package dev.retort.maven;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The project's runtime classpath, as a class loader below the plugin's, for one goal.
 *
 * <p>Parent first: Retort's runtime and jOOQ come from the plugin, so the registry the project
 * compiled links against the very classes the plugin's command line uses; the project's own
 * classes, its registry and its JDBC driver come from the project. Nothing is added to the
 * plugin's class realm, which Maven shares between the modules of a build.
 */
final class ProjectRealm implements AutoCloseable {

  private static final String REGISTRY_SERVICE =
      "META-INF/services/dev.retort.runtime.RevisionRegistry";

  private final URLClassLoader loader;

  private ProjectRealm(URLClassLoader loader) {
    this.loader = loader;
  }

  /**
   * A class loader over these classpath elements (folders and jars), below {@code plugin}.
   *
   * @throws MalformedURLException if an element cannot be a URL
   */
  static ProjectRealm open(List<String> classpath, ClassLoader plugin)
      throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String element : classpath) {
      urls.add(new File(element).toURI().toURL());
    }
    return new ProjectRealm(new URLClassLoader(urls.toArray(URL[]::new), plugin));
  }

  /**
   * Whether a generated registry is on the classpath.
   *
   * @throws IOException if the classpath cannot be read
   */
  boolean hasRegistry() throws IOException {
    return loader.getResources(REGISTRY_SERVICE).hasMoreElements();
  }

  /**
   * Runs the body with the project's classpath as the thread's context class loader (where
   * {@link ServiceLoader} finds the registry) and the project's JDBC drivers registered for the
   * plugin's classes; both undone afterwards.
   *
   * @param skipped told about each driver that is listed but cannot be loaded
   */
  int run(IntSupplier body, Consumer<String> skipped) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    List<Driver> shims = registerDrivers(skipped);
    thread.setContextClassLoader(loader);
    try {
      return body.getAsInt();
    } finally {
      thread.setContextClassLoader(previous);
      for (Driver shim : shims) {
        try {
          DriverManager.deregisterDriver(shim);
        } catch (SQLException notRegistered) {
          skipped.accept(notRegistered.getMessage());
        }
      }
    }
  }

  /** Wraps each driver that only the project's classpath has, and registers the wrapper. */
  private List<Driver> registerDrivers(Consumer<String> skipped) {
    List<Driver> shims = new ArrayList<>();
    ServiceLoader.load(Driver.class, loader).stream().forEach(provider -> {
      try {
        Driver driver = provider.get();
        if (provider.type().getClassLoader() != loader) {
          // The plugin's own (a <dependency> of the plugin): loading it registered it, and the
          // plugin's classes can see it.
          return;
        }
        Driver shim = new DriverShim(driver);
        DriverManager.registerDriver(shim);
        shims.add(shim);
      } catch (ServiceConfigurationError | SQLException | LinkageError broken) {
        skipped.accept(Messages.brokenDriver(String.valueOf(broken.getMessage())));
      }
    });
    return shims;
  }

  /**
   * Closes the class loader.
   *
   * @throws IOException if a jar cannot be closed
   */
  @Override
  public void close() throws IOException {
    loader.close();
  }
}

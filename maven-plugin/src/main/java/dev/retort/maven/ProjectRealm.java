package dev.retort.maven;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.IntSupplier;

/**
 * The project's runtime classpath, as a class loader below the plugin's, for one goal.
 *
 * <p>Parent first: Retort's runtime and jOOQ come from the plugin, so the registry the project
 * compiled links against the very classes the plugin's command line uses; the project's own
 * classes, its registry and its JDBC driver come from the project. Nothing is added to the
 * plugin's class realm, which Maven shares between the modules of a build, and nothing is
 * registered with {@link java.sql.DriverManager}: the command line looks drivers up through the
 * context class loader itself.
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
   * Runs the body with the project's classpath as the thread's context class loader, where the
   * command line finds the registry and the JDBC driver ({@link ServiceLoader}); restored
   * afterwards.
   */
  int run(IntSupplier body) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return body.getAsInt();
    } finally {
      thread.setContextClassLoader(previous);
    }
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

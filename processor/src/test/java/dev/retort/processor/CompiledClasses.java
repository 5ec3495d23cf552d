package dev.retort.processor;

import com.google.testing.compile.Compilation;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * The classes and resources a compilation wrote, loadable in a class loader of their own that
 * records which of them were loaded: the way to prove that a registry loads no migration class
 * until one is asked for.
 */
final class CompiledClasses extends ClassLoader {

  private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

  private final Map<String, byte[]> classes = new HashMap<>();
  private final Map<String, String> resources = new HashMap<>();
  private final List<String> loaded = Collections.synchronizedList(new ArrayList<>());

  CompiledClasses(Compilation compilation) {
    super(CompiledClasses.class.getClassLoader());
    addOutputOf(compilation);
  }

  /** The compilation's classes, and those of an earlier one written to {@code classDirectory}. */
  CompiledClasses(Compilation compilation, Path classDirectory) throws IOException {
    this(compilation);
    try (Stream<Path> files = Files.walk(classDirectory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String relative = classDirectory.relativize(file).toString();
        classes.putIfAbsent(
            relative.substring(0, relative.length() - 6).replace(File.separatorChar, '.'),
            Files.readAllBytes(file));
      }
    }
  }

  private void addOutputOf(Compilation compilation) {
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int at = path.indexOf(CLASS_OUTPUT);
      if (at < 0) {
        continue;
      }
      String relative = path.substring(at + CLASS_OUTPUT.length());
      byte[] bytes = read(file);
      if (relative.endsWith(".class")) {
        classes.put(relative.substring(0, relative.length() - 6).replace('/', '.'), bytes);
      } else {
        resources.put(relative, new String(bytes, StandardCharsets.UTF_8));
      }
    }
  }

  private static byte[] read(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> found = findLoadedClass(name);
      if (found == null && classes.containsKey(name)) {
        byte[] bytes = classes.get(name);
        found = defineClass(name, bytes, 0, bytes.length);
        loaded.add(name);
      }
      return found != null ? found : super.loadClass(name, resolve);
    }
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    // Only this compilation's services files, so ServiceLoader sees its registry alone.
    if (resources.containsKey(name)) {
      URL url = new URL(null, "compiled:" + name, new java.net.URLStreamHandler() {
        @Override
        protected java.net.URLConnection openConnection(URL u) {
          return new java.net.URLConnection(u) {
            @Override
            public void connect() {}

            @Override
            public InputStream getInputStream() {
              return new java.io.ByteArrayInputStream(
                  resources.get(name).getBytes(StandardCharsets.UTF_8));
            }
          };
        }
      });
      return Collections.enumeration(List.of(url));
    }
    return super.getResources(name);
  }

  /** The text of a resource the compilation wrote, such as a services file. */
  String resource(String path) {
    return resources.get(path);
  }

  /** The classes of the compilation loaded so far, in loading order. */
  List<String> loaded() {
    return List.copyOf(loaded);
  }
}

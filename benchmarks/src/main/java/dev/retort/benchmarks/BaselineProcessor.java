package dev.retort.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Processor;

/**
 * Another build of Retort's processor (an older commit's jars), loaded apart from this one, so
 * that one run compiles the same history with both, alternately: the regression check that
 * compares processors, where figures of two runs on a shared machine could not be compared.
 * Its classes are loaded once, so the JIT warms them up as it does this processor's.
 */
final class BaselineProcessor {

  private static final String PROPERTY = "benchmark.baseline";
  private static final String PROCESSOR = "dev.retort.processor.RevisionProcessor";

  private final List<Path> classpath;
  private final ClassLoader loader;

  /**
   * @param classpath the older processor's jars: the processor and the annotations, and JavaPoet
   *     for a processor built before 3c26be6
   */
  private BaselineProcessor(List<Path> classpath) {
    this.classpath = classpath;
    URL[] urls = new URL[classpath.size()];
    try {
      for (int i = 0; i < urls.length; i++) {
        urls[i] = classpath.get(i).toUri().toURL();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // javac's own classes come from the platform, the processor's from these jars alone.
    this.loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
  }

  /**
   * The processor that {@code -Dbenchmark.baseline=<jars, separated by the path separator>}
   * names, if any.
   *
   * @throws IllegalArgumentException if a jar it names does not exist
   */
  static Optional<BaselineProcessor> fromProperty() {
    String value = System.getProperty(PROPERTY, "").strip();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    List<Path> jars = new ArrayList<>();
    for (String entry : value.split(File.pathSeparator)) {
      jars.add(Path.of(entry));
    }
    return Optional.of(of(jars));
  }

  /**
   * The processor in these jars or class directories.
   *
   * @throws IllegalArgumentException if one of them does not exist
   */
  static BaselineProcessor of(List<Path> classpath) {
    for (Path entry : classpath) {
      if (!Files.exists(entry)) {
        throw new IllegalArgumentException("-D" + PROPERTY + " names " + entry + ", which does"
            + " not exist; give the older processor's jars (processor, annotations, and JavaPoet"
            + " before 3c26be6)");
      }
    }
    return new BaselineProcessor(List.copyOf(classpath));
  }

  /** The jars' file names, for the table's heading. */
  String description() {
    return classpath.get(0).getFileName().toString();
  }

  /** A new instance of the older processor, as javac needs one per compilation. */
  Processor newProcessor() {
    try {
      return (Processor) loader.loadClass(PROCESSOR).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("No " + PROCESSOR + " in " + classpath, e);
    }
  }
}

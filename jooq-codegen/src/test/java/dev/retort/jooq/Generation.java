package dev.retort.jooq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.Property;
import org.jooq.meta.jaxb.Target;

/** Runs jOOQ's code generator on RetortDatabase, as jooq-codegen-maven would. */
final class Generation {

  static final String PACKAGE = "com.example.db";

  private Generation() {}

  /**
   * Generates into the folder, with these database properties, the registry looked up through
   * the given context class loader; returns the generated package's folder.
   */
  static Path run(Path directory, Map<String, String> properties, ClassLoader context)
      throws Exception {
    List<Property> database = new ArrayList<>();
    properties.forEach((key, value) -> database.add(new Property().withKey(key).withValue(value)));
    Configuration configuration = new Configuration()
        .withLogging(Logging.WARN)
        .withGenerator(new Generator()
            .withDatabase(new Database()
                .withName(RetortDatabase.class.getName())
                .withProperties(database))
            .withTarget(new Target()
                .withPackageName(PACKAGE)
                .withDirectory(directory.toString())));
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(context);
    try {
      GenerationTool.generate(configuration);
    } finally {
      thread.setContextClassLoader(previous);
    }
    return directory.resolve(PACKAGE.replace('.', '/'));
  }

  /** The generated file, as text. */
  static String read(Path generated, String file) {
    try {
      return Files.readString(generated.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every generated file's path, relative to the package folder, sorted. */
  static List<String> files(Path generated) throws IOException {
    try (Stream<Path> walk = Files.walk(generated)) {
      return walk.filter(Files::isRegularFile)
          .map(path -> generated.relativize(path).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  /** The messages of the throwable and of its causes, for asserting on the one that matters. */
  static String messages(Throwable thrown) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}

package dev.retort.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.processor.messages.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The foundation issue's promise, on the sample's real migrations: changing one {@code revises}
 * to a wrong id fails the compilation at that {@code @Revision} line, naming the wrong id and the
 * closest real one. Compiles the sample's {@code versions} package (the migrations alone, so the
 * application's use of the registry cannot add errors) with one parent id mistyped.
 */
class SampleMistypedParentTest {

  private static final Path VERSIONS =
      Path.of("..", "sample", "src", "main", "java", "com", "example", "shop", "db", "versions");
  private static final String PACKAGE = "com.example.shop.db.versions";
  private static final Pattern ID = Pattern.compile("\\bid = \"(\\w+)\"");
  private static final Pattern ONE_PARENT = Pattern.compile("\\brevises = \"(\\w+)\"");

  @Test
  void aMistypedParentInTheSample_failsAtItsRevises_namingTheWrongIdAndTheClosestRealOne()
      throws IOException {
    Map<String, String> sources = sampleSources();
    String edited = sources.entrySet().stream()
        .filter(source -> ONE_PARENT.matcher(source.getValue()).find())
        .map(Map.Entry::getKey).findFirst().orElseThrow();
    String parent = firstGroup(ONE_PARENT, sources.get(edited));
    // A near miss: the last character changed, as a slip of the keyboard would.
    String wrong = parent.substring(0, parent.length() - 1) + (parent.endsWith("0") ? "1" : "0");
    sources.put(edited, sources.get(edited)
        .replace("revises = \"" + parent + "\"", "revises = \"" + wrong + "\""));
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach((name, text) -> files.add(JavaFileObjects.forSourceString(name, text)));
    JavaFileObject editedFile = files.stream()
        .filter(file -> file.getName().endsWith(simpleName(edited) + ".java"))
        .findFirst().orElseThrow();

    Compilation compilation = Sources.javac().compile(files);

    assertThat(compilation).hadErrorContaining(Messages.unknownParent(
            describe(edited, sources), wrong, List.of(describe(declaring(parent, sources), sources))))
        .inFile(editedFile).onLineContaining("revises = \"" + wrong + "\"");
    assertThat(compilation).hadErrorCount(1);
  }

  /** The sample's migration sources by qualified name (package-info included), sorted. */
  private static Map<String, String> sampleSources() throws IOException {
    assertThat(Files.isDirectory(VERSIONS)).isTrue();
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.list(VERSIONS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = file.getFileName().toString();
        sources.put(PACKAGE + "." + name.substring(0, name.length() - ".java".length()),
            Files.readString(file));
      }
    }
    return sources;
  }

  /** The class that declares {@code id}. */
  private static String declaring(String id, Map<String, String> sources) {
    return sources.entrySet().stream()
        .filter(source -> source.getValue().contains("id = \"" + id + "\""))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  /** A revision the way the messages name it: {@code id (SimpleName)}. */
  private static String describe(String className, Map<String, String> sources) {
    return firstGroup(ID, sources.get(className)) + " (" + simpleName(className) + ")";
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static String firstGroup(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}

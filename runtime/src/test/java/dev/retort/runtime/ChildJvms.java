package dev.retort.runtime;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The command that runs a test's main class in a JVM of its own, with this JVM's classes.
 *
 * <p>The runtime's tests start about sixty such JVMs, sixteen at a time, and each spent most of
 * its CPU loading and verifying the same three thousand classes of jOOQ, the drivers and Retort.
 * So the first command of a test JVM records those classes once in a class-data-sharing archive
 * (the JDK's dynamic archive, {@code -XX:ArchiveClassesAtExit}), which every later child maps
 * ready-made: a third less CPU per child, the same code run. The JDK archives classes from jars
 * only, so children run on a copy of the class path whose folders are jars. The copy and the
 * archive live in a folder of this test JVM's own, beside the class path's first folder (the
 * module's {@code target} under Maven). Should anything of this fail, children start as before:
 * on the class path as it is, without an archive.
 */
final class ChildJvms {

  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private ChildJvms() {}

  /**
   * {@code java}, the options, the shared archive when there is one, the class path, the main
   * class and its arguments.
   */
  static List<String> command(List<String> options, Class<?> main, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(JAVA);
    command.addAll(options);
    Shared.ARCHIVE.ifPresent(archive -> {
      command.add("-XX:SharedArchiveFile=" + archive.file());
      // A child that cannot map the archive runs without it; it should not say so on stdout,
      // which the tests read.
      command.add("-Xlog:cds=off,cds+dynamic=off");
    });
    command.add("-cp");
    command.add(Shared.ARCHIVE.map(Archive::classPath)
        .orElse(System.getProperty("java.class.path")));
    command.add(main.getName());
    command.addAll(List.of(arguments));
    return command;
  }

  /** An archive and the class path it was recorded with, which its users must name alike. */
  private record Archive(Path file, String classPath) {}

  /** Made on first use, once per test JVM; never changed after. */
  private static final class Shared {
    static final Optional<Archive> ARCHIVE = record();
  }

  /**
   * Runs a runner of thirty revisions on a SQLite file with the options the tests' children
   * use, and records the classes it loaded; empty, with a line on stderr, if that fails.
   */
  private static Optional<Archive> record() {
    Process process = null;
    Path transcript = null;
    try {
      Path parent = Files.createDirectories(home().resolve("child-jvms"));
      deleteLeftovers(parent);
      Path folder = Files.createDirectories(
          parent.resolve(String.valueOf(ProcessHandle.current().pid())));
      String classPath = jarredClassPath(folder);
      Path archive = folder.resolve("classes.jsa");
      transcript = folder.resolve("record.txt");
      process = new ProcessBuilder(JAVA, "-Xmx128m", "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-XX:ArchiveClassesAtExit=" + archive, "-cp", classPath,
          RunnerProcess.class.getName(), "jdbc:sqlite:" + folder.resolve("record.db"), "30", "0",
          "60000")
          .redirectErrorStream(true).redirectOutput(transcript.toFile()).start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write('\n');
      }
      if (process.waitFor(2, TimeUnit.MINUTES) && process.exitValue() == 0
          && Files.isRegularFile(archive)) {
        return Optional.of(new Archive(archive, classPath));
      }
      return withoutArchive("the recording run failed; see " + transcript);
    } catch (IOException | UncheckedIOException e) {
      return withoutArchive(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return withoutArchive("interrupted");
    } finally {
      if (process != null) {
        process.destroyForcibly();
      }
    }
  }

  private static Optional<Archive> withoutArchive(String why) {
    System.err.println("Child JVMs start without a shared class archive: " + why);
    return Optional.empty();
  }

  /** The folder that holds the class path's first folder, or the temporary folder. */
  private static Path home() {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      if (Files.isDirectory(path) && path.getParent() != null) {
        return path.getParent();
      }
    }
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** This JVM's class path with each folder replaced by a jar of its files. */
  private static String jarredClassPath(Path folder) throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        Path jar = folder.resolve(entries.size() + "-" + path.getFileName() + ".jar");
        jar(path, jar);
        entries.add(jar.toString());
      } else {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static void jar(Path from, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        String name = from.relativize(file).toString().replace(File.separatorChar, '/');
        out.putNextEntry(new JarEntry(name));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }

  /**
   * Deletes the folders of test JVMs that have exited, and one left by a JVM that had this JVM's
   * process id. Best effort: the module's other test JVM may be deleting the same folders.
   */
  private static void deleteLeftovers(Path parent) {
    List<Path> folders;
    try (Stream<Path> children = Files.list(parent)) {
      folders = children.toList();
    } catch (IOException | UncheckedIOException e) {
      return;
    }
    long self = ProcessHandle.current().pid();
    for (Path folder : folders) {
      String name = folder.getFileName().toString();
      if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
        continue;
      }
      long pid = Long.parseLong(name);
      if (pid == self || ProcessHandle.of(pid).isEmpty()) {
        try (Stream<Path> paths = Files.walk(folder)) {
          for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
            Files.deleteIfExists(path);
          }
        } catch (IOException | UncheckedIOException another) {
          // The other test JVM deleted some of it first; what is left goes next time.
        }
      }
    }
  }
}

package dev.retort.benchmarks;

import dev.retort.processor.RevisionProcessor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** javac in this JVM, through javax.tools, with or without Retort's processor. */
final class Javac {

  private Javac() {}

  /**
   * {@code -Dbenchmark.clock=cpu} times each compilation by the CPU time of the compiling thread
   * rather than by the wall clock: on a shared machine, waiting for the disk or for a core does not
   * count, while all of javac's and the processor's own work does (the JIT's and the garbage
   * collector's threads do not).
   */
  static final String CLOCK_PROPERTY = "benchmark.clock";

  static final String CPU_CLOCK = "cpu";

  /**
   * Compiles the files against this JVM's classpath.
   *
   * @return the milliseconds the compilation took, by the clock {@link #CLOCK_PROPERTY} names
   * @throws IllegalStateException if they do not compile
   */
  static long compile(List<Path> files, Path output, boolean withProcessor) throws IOException {
    return compile(files, output, withProcessor ? new RevisionProcessor() : null);
  }

  /** Compiles the files with this processor, or with none when it is {@code null}. */
  static long compile(List<Path> files, Path output, Processor processor) throws IOException {
    boolean withProcessor = processor != null;
    Files.createDirectories(output);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
      List<String> options = new ArrayList<>(List.of(
          "-d", output.toString(),
          "-classpath", System.getProperty("java.class.path"),
          "--release", "17"));
      if (!withProcessor) {
        options.add("-proc:none");
      }
      JavaCompiler.CompilationTask task =
          javac.getTask(null, fileManager, null, options, null, units);
      if (withProcessor) {
        task.setProcessors(List.of(processor));
      }
      boolean cpu = CPU_CLOCK.equals(System.getProperty(CLOCK_PROPERTY));
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      if (cpu && !threads.isCurrentThreadCpuTimeSupported()) {
        throw new IllegalStateException("-D" + CLOCK_PROPERTY + "=" + CPU_CLOCK + " needs a JVM"
            + " that measures a thread's CPU time; this one does not, so drop the option");
      }
      if (cpu) {
        threads.setThreadCpuTimeEnabled(true);
      }
      // Each compilation starts from a collected heap, so none pays for the garbage of the one
      // before it: the variants alternate, and the collector's work would fall on whichever ran
      // when the heap filled.
      System.gc();
      long start = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
      if (!task.call()) {
        throw new IllegalStateException("The generated migrations did not compile");
      }
      return ((cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start) / 1_000_000;
    }
  }
}

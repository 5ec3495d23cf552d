package dev.retort.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Independent cases run on a few threads at once, each reported as its own test: the test waits
 * for its case and fails with what the case threw. The cases share nothing but the compiled
 * registry, which is immutable.
 */
final class Parallel {

  /** A case that may throw. */
  interface Case {
    void run(int index) throws Exception;
  }

  private static final int THREADS = 8;

  private Parallel() {}

  static Stream<DynamicTest> tests(List<?> cases, Case run) {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<CompletableFuture<Void>> results = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      int index = i;
      results.add(CompletableFuture.runAsync(() -> {
        try {
          run.run(index);
        } catch (Exception failed) {
          throw new CompletionException(failed);
        }
      }, pool));
    }
    pool.shutdown();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      CompletableFuture<Void> result = results.get(i);
      tests.add(DynamicTest.dynamicTest(cases.get(i).toString(), () -> {
        try {
          result.join();
        } catch (CompletionException failed) {
          Throwable cause = failed.getCause();
          if (cause instanceof Error error) {
            throw error;
          }
          throw cause;
        }
      }));
    }
    return tests.stream();
  }
}

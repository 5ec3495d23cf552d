package dev.retort.runtime.internal.fleet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs one job per member on a bounded pool of threads, and hands each result to a consumer on
 * the calling thread as it arrives, one at a time. A job reports failure through its result; once
 * one has, a fail-fast run starts no further job (those running finish). The results come back
 * in the members' order.
 *
 * @param <M> a member
 * @param <R> a member's result
 */
public final class FleetRun<M, R> {

  /** One member's work, told whether the run has already been stopped by a failure. */
  public interface Job<M, R> {
    /** Runs the member, or, when {@code stopped}, returns its skipped result at once. */
    R run(M member, boolean stopped);
  }

  private final int parallelism;
  private final boolean failFast;
  private final Predicate<R> failed;

  /**
   * @param parallelism how many jobs run at once, at least 1
   * @param failFast whether a failure stops the jobs not started yet
   * @param failed whether a result is a failure
   */
  public FleetRun(int parallelism, boolean failFast, Predicate<R> failed) {
    this.parallelism = parallelism;
    this.failFast = failFast;
    this.failed = failed;
  }

  /**
   * Runs the job on every member.
   *
   * @return the results, in the members' order
   * @throws InterruptedException if the calling thread is interrupted; the running jobs are
   *     interrupted too and no further job starts
   */
  public List<R> run(List<M> members, Job<M, R> job, Consumer<R> onResult)
      throws InterruptedException {
    AtomicInteger started = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, members.size()),
        runnable -> {
          Thread thread = new Thread(runnable, "retort-fleet-" + started.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    AtomicBoolean stopped = new AtomicBoolean();
    CompletionService<Indexed<R>> done = new ExecutorCompletionService<>(pool);
    try {
      for (int i = 0; i < members.size(); i++) {
        int index = i;
        M member = members.get(i);
        done.submit(() -> {
          R result = job.run(member, stopped.get());
          if (failFast && failed.test(result)) {
            stopped.set(true);
          }
          return new Indexed<>(index, result);
        });
      }
      List<R> results = new ArrayList<>(Collections.nCopies(members.size(), null));
      for (int i = 0; i < members.size(); i++) {
        Future<Indexed<R>> next = done.take();
        Indexed<R> result;
        try {
          result = next.get();
        } catch (ExecutionException e) {
          // A job returns its failure as a result; what escapes it is an Error or a bug.
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw (RuntimeException) e.getCause();
        }
        results.set(result.index(), result.value());
        onResult.accept(result.value());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private record Indexed<R>(int index, R value) {}
}

package dev.retort.cli;

/**
 * Which run's {@link LogSink} a log line belongs to. SLF4J creates loggers once per JVM, so a
 * logger finds its run here: the sink of the run on this thread, and of the threads it starts
 * (the lock's renewal). Set and removed by {@link RetortCli} around each run; two runs on two
 * threads each keep their own.
 *
 * <p>Kept apart from {@link CommandLineLogging}, the SLF4J provider, so that a run loads no SLF4J
 * 2 type: inside Maven, whose own SLF4J 1.7 serves a plugin's logging, {@code retort:check} runs
 * the command line without this module's provider, and its lines go through Maven's log.
 */
final class LogRouting {

  private static final InheritableThreadLocal<LogSink> SINK = new InheritableThreadLocal<>();

  private LogRouting() {}

  /** Routes this thread's log lines, and those of threads it starts, to the sink until closed. */
  static Runnable routeTo(LogSink sink) {
    LogSink previous = SINK.get();
    SINK.set(sink);
    return () -> {
      if (previous == null) {
        SINK.remove();
      } else {
        SINK.set(previous);
      }
    };
  }

  /** The sink of the run on this thread, or {@code null} outside a run. */
  static LogSink current() {
    return SINK.get();
  }
}

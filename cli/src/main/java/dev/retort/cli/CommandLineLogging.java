package dev.retort.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the command line: the runtime reports each step through SLF4J, and on
 * the command line those lines are the output. A run prints them to its own streams, one line
 * each ({@code INFO Running upgrade a -> b, Add email (12 ms)}), with the password masked; an
 * error is printed once, as the run's {@code ERROR:} line; stack traces only under
 * {@code --debug}. SLF4J finds this class through {@code META-INF/services}; nothing else is
 * configured, and no system property is set. Each logger finds its run through {@code
 * LogRouting}.
 *
 * <p>Outside a run (an application that has the command line on its classpath and logs on its
 * own) the lines go to standard error in the same form.
 */
public final class CommandLineLogging implements SLF4JServiceProvider {

  private ILoggerFactory loggers;
  private IMarkerFactory markers;
  private MDCAdapter mdc;

  /** Called by SLF4J's {@code ServiceLoader}. */
  public CommandLineLogging() {}

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    Map<String, CommandLineLogger> byName = new ConcurrentHashMap<>();
    loggers = name -> byName.computeIfAbsent(name, CommandLineLogger::new);
    markers = new BasicMarkerFactory();
    mdc = new NOPMDCAdapter();
  }
}

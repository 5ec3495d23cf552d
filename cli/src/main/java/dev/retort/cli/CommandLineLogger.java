package dev.retort.cli;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One named logger of {@link CommandLineLogging}. Retort's own loggers print from INFO up (DEBUG
 * too under {@code --debug}); the libraries beneath it (jOOQ, the drivers) only warnings and
 * errors, since what they report at INFO (the database version jOOQ detected) is not the user's
 * business.
 */
final class CommandLineLogger extends AbstractLogger {

  private static final long serialVersionUID = 1L;

  private final boolean retorts;

  CommandLineLogger(String name) {
    this.name = name;
    this.retorts = name.startsWith("dev.retort.");
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return false;
  }

  @Override
  public boolean isDebugEnabled() {
    LogSink sink = LogRouting.current();
    return retorts && sink != null && sink.debug();
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return isDebugEnabled();
  }

  @Override
  public boolean isInfoEnabled() {
    return retorts;
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return isInfoEnabled();
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return true;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern,
      Object[] arguments, Throwable thrown) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    LogSink sink = LogRouting.current();
    if (sink != null) {
      sink.log(level, message, thrown);
    } else {
      System.err.println(level + " " + LogSink.oneLine(message));
    }
  }
}

package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.ChecksumMismatchException;
import dev.retort.runtime.InvalidTargetException;
import dev.retort.runtime.LockException;
import dev.retort.runtime.MigrationFailedException;
import dev.retort.runtime.RegistryNotFoundException;
import dev.retort.runtime.RetortException;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.UnknownRevisionException;
import dev.retort.runtime.UnresolvedFailureException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every word the starter says, in one place. As on the command line, each problem is one line
 * that names the property or revision involved, and each fix says what to change; no message
 * quotes a password or a URL.
 */
final class Messages {

  static final String TARGET = "retort.target";
  static final String MODE = "retort.mode";
  static final String URL = "retort.url";
  static final String USER = "retort.user";
  static final String PASSWORD = "retort.password";
  static final String SCHEMA = "retort.schema";
  static final String VERSION_TABLE = "retort.version-table";
  static final String HISTORY_TABLE = "retort.history-table";
  static final String LOCK_TABLE = "retort.lock-table";
  static final String LOCK_TIMEOUT = "retort.lock-timeout";
  static final String LEASE_DURATION = "retort.lease-duration";
  static final String TRANSACTION_MODE = "retort.transaction-mode";
  static final String NAME_QUOTING = "retort.name-quoting";

  private Messages() {}

  // ---- properties ----

  static String invalidProperty(String property, String reason) {
    return "Invalid " + property + ": " + reason;
  }

  static String fixProperty(String property, String origin) {
    return "Fix " + property + origin + " in the application's configuration.";
  }

  static String notAJdbcUrl() {
    return "it does not start with jdbc:, so it is not a JDBC URL. Write it as"
        + " jdbc:postgresql://host:5432/database (the driver's own form).";
  }

  static String noDriverFor() {
    return "no JDBC driver on the classpath accepts its URL. Add the database's driver as a"
        + " dependency, or correct the URL's jdbc:<database>: prefix.";
  }

  static String passwordWithoutUser() {
    return "it is set, but neither " + USER + " nor " + URL + " is, so it would never be used."
        + " Set " + USER + " (and " + URL + " for another database), or remove " + PASSWORD + ".";
  }

  static String emptyTarget() {
    return "it is empty. Set it to heads (the default), head, a revision id or a unique prefix of"
        + " one, or label@head.";
  }

  static String emptyMode() {
    return "it is empty. Set it to upgrade (the default), validate or none.";
  }

  static String emptyTransactionMode() {
    return "it is empty. Set it to per-revision (the default) or single.";
  }

  static String emptyNameQuoting() {
    return "it is empty. Set it to unquoted (the default) or quoted.";
  }

  static String notPositive(Object value) {
    return "it must be a positive duration such as 30s or 10m, not " + value + ".";
  }

  static String derivedDataSourceFailed() {
    return "Retort could not derive a data source for " + USER + " from the application's"
        + " data source. Set " + URL + " as well, or declare a @RetortDataSource bean.";
  }

  static String noSingleDataSource() {
    return "Retort found several DataSource beans and none is @Primary, so it cannot tell which"
        + " database to migrate. Mark one @Primary, annotate the one to migrate"
        + " @RetortDataSource, or set " + URL + ".";
  }

  static String customizerReturnedNull(Object customizer) {
    return "The RetortSettingsCustomizer " + customizer.getClass().getName() + " returned null;"
        + " return the settings it was given, or a copy made with their with... methods.";
  }

  // ---- binding ----

  static String notOneOf(String property, Object value, List<String> allowed) {
    return property + " is '" + value + "', which is not one of " + String.join(", ", allowed)
        + ".";
  }

  static String setOneOf(String property, List<String> allowed, String origin) {
    String choices = allowed.size() == 1 ? allowed.get(0)
        : String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
            + allowed.get(allowed.size() - 1);
    return "Set " + property + origin + " to " + choices + ".";
  }

  static String notADuration(String property, Object value) {
    return property + " is '" + value + "', which is not a duration.";
  }

  static String writeADuration(String property, String origin) {
    return "Write " + property + origin + " as a duration such as 30s, 10m or PT10M.";
  }

  static String notBound(String property, Object value, String type) {
    return property + " is '" + value + "', which is not a " + type + ".";
  }

  /** How a {@code retort.*} enum value is written in properties: {@code per-revision}. */
  static String propertyValue(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Where a property was set, for the fix: {@code  (in class path resource [...] - 3:14)}. */
  static String origin(Object origin) {
    return origin == null ? "" : " (in " + origin + ")";
  }

  // ---- validate mode ----

  static String pending(String target, List<RevisionInfo> pending) {
    return "The database is not at " + TARGET + " " + target + ": revision"
        + (pending.size() == 1 ? " " : "s ") + describe(pending) + (pending.size() == 1
            ? " is" : " are") + " not applied, and " + MODE + "=validate applies nothing.";
  }

  static String applyPending() {
    return "Apply the pending revisions first (retort upgrade, or one start with " + MODE
        + "=upgrade), or set " + TARGET + " to the revision the database should be at.";
  }

  // ---- the runtime's failures, as start-up failures ----

  /** What to do about a failure of the runtime at start-up; its message says what happened. */
  static String actionFor(RetortException failure) {
    if (failure instanceof PendingRevisionsException) {
      return applyPending();
    }
    if (failure instanceof ChecksumMismatchException) {
      return "Restore the applied revision's code and put the change in a new revision; if the"
          + " edit was deliberate, run retort repair against this database, then start again.";
    }
    if (failure instanceof UnknownRevisionException) {
      return "Deploy the build that contains the revision the database is at, or start this"
          + " build against a database it knows.";
    }
    if (failure instanceof UnresolvedFailureException) {
      return "Check the schema against the failed revision and run retort repair, as the"
          + " message says; every start refuses until then.";
    }
    if (failure instanceof MigrationFailedException failed) {
      return failed.rolledBack()
          ? "Fix the revision (or the data it met) and start again: it was rolled back, and the"
              + " next start retries it."
          : "Check the schema against the revision as the message says, run retort repair, then"
              + " start again.";
    }
    if (failure instanceof LockException) {
      return "Another instance or the command line held the migration lock longer than "
          + LOCK_TIMEOUT + ": wait for it to finish, or raise " + LOCK_TIMEOUT + ".";
    }
    if (failure instanceof InvalidTargetException) {
      return "Set " + TARGET + " to heads, head, a revision id or a unique prefix of one, or"
          + " label@head.";
    }
    if (failure instanceof RegistryNotFoundException) {
      return "Compile the @Revision classes with retort-processor on the annotation processor"
          + " path, or declare the RevisionRegistry bean to use (Revisions.REGISTRY).";
    }
    return "Correct what the message names, then start again.";
  }

  /** A message on one line: drivers put details on lines of their own. */
  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** Revisions as the runtime names them: {@code 27c6a30d7c24 (M0002_AddEmail...)}. */
  static String describe(List<RevisionInfo> revisions) {
    return revisions.stream().map(Messages::describe).collect(Collectors.joining(", "));
  }

  static String describe(RevisionInfo revision) {
    String className = revision.className();
    return revision.id() + " (" + className.substring(className.lastIndexOf('.') + 1) + ")";
  }
}

package dev.retort.runtime.messages;

import dev.retort.runtime.RevisionInfo;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every word the runtime says, in one place: exception messages, log lines and the reasons the
 * offline proofs give, for the runtime and the command line alike. Each refusal names the revision
 * or target involved, says what was and was not changed, and says how to fix it. Target errors
 * keep Alembic's wording, so that its documentation and answers apply. Tests assert against these
 * methods, never against copied text.
 *
 * <p>A revision is named one way everywhere, by {@link #describe(RevisionInfo)}.
 */
public final class Messages {

  private Messages() {}

  // ---- naming ----

  /**
   * A revision as every message names it: its id and its class's simple name, {@code ae1027a6acf0
   * (M0001_CreateUsersTable)}; a nested class as its source names it, {@code a1 (Outer.Inner)}.
   */
  public static String describe(RevisionInfo revision) {
    return revision.id() + " (" + simpleName(revision.className()) + ")";
  }

  /**
   * A class's name without its package, as its source writes it: the binary name {@code
   * com.example.Outer$Inner} is {@code Outer.Inner}.
   */
  public static String simpleName(String binaryName) {
    return binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '.');
  }

  /** Revisions named by {@link #describe}, separated by commas. */
  public static String describeAll(List<RevisionInfo> revisions) {
    return revisions.stream().map(Messages::describe).collect(Collectors.joining(", "));
  }

  /**
   * Heads in Alembic's notation, as log lines and the version table's changes show them: {@code
   * <base>} for none, {@code a1} for one, {@code (a1, b1)} for several.
   */
  public static String heads(List<String> ids) {
    if (ids.isEmpty()) {
      return "<base>";
    }
    return ids.size() == 1 ? ids.get(0) : "(" + String.join(", ", ids) + ")";
  }

  // ---- targets (Alembic's wording) ----

  /** A target that needs one head ({@code head}, {@code label@head}) where there are several. */
  public static String multipleHeads(String argument, List<String> heads) {
    return "Multiple heads are present for given argument '" + argument + "'; "
        + String.join(", ", heads);
  }

  /**
   * {@link #multipleHeads(String, List)} with the ways out, since an application that upgrades to
   * {@code head} stops at start-up the day a second branch lands: every head at once, or one of
   * them by its branch's label or its id.
   *
   * @param everyHead the target that names every head instead ({@code heads}, or {@code
   *     label@heads} for a branch), or {@code null} where there is none (a walk from the head)
   * @param onOneBranch the argument with a branch label ({@code billing@head}, {@code
   *     billing@head-1}) for each label that leaves exactly one of the heads
   */
  public static String multipleHeads(String argument, List<String> heads, String everyHead,
      List<String> onOneBranch) {
    return multipleHeads(argument, heads) + ". Name "
        + (everyHead == null ? "" : "every head with '" + everyHead + "', or ") + "one of them "
        + (onOneBranch.isEmpty() ? "by its id"
            : "by its branch (" + String.join(", ", onOneBranch) + ") or its id") + ".";
  }

  /** A target that needs a head, in a registry without revisions. */
  public static String noRevisions() {
    return "There are no revisions";
  }

  /** A branch before an {@code @} that is neither a label nor a revision. */
  public static String noSuchBranch(String branch) {
    return "No such branch: '" + branch + "'";
  }

  /** A revision named after {@code label@} that is not on that branch's line. */
  public static String notOnBranch(String id, String branch) {
    return "Revision " + id + " is not a member of branch '" + branch + "'";
  }

  /** A reference that is no id, no prefix of one, and no label. */
  public static String noSuchRevision(String reference) {
    return "No such revision or branch '" + reference + "'. The history command lists the"
        + " revisions, and heads shows the branch labels.";
  }

  /**
   * A target error with the names near what was typed, as the command line suggests its
   * commands: {@code ... Did you mean head or heads?}. The message alone when nothing is near.
   */
  public static String didYouMean(String message, List<String> suggestions) {
    return suggestions.isEmpty() ? message
        : message + " Did you mean " + String.join(" or ", suggestions) + "?";
  }

  /** A prefix that more than one revision's id starts with. */
  public static String ambiguousPrefix(String reference, List<String> matches) {
    return "Multiple revisions start with '" + reference + "': " + String.join(", ", matches)
        + ". Give more of the id.";
  }

  /** Steps down from where the database is, given to an upgrade. */
  public static String relativeIsADowngrade(String target) {
    return "Relative revision " + target + " is a downgrade; use downgrade " + target;
  }

  /** Steps up from where the database is, given to a downgrade. */
  public static String relativeIsAnUpgrade(String target) {
    return "Relative revision " + target + " is an upgrade; use upgrade " + target;
  }

  /** A relative walk that runs out of revisions before its last step. */
  public static String walkTooShort(String target, int steps) {
    return "Relative revision " + target + " didn't produce " + steps + " migrations";
  }

  /** A relative walk whose step count does not fit an int. */
  public static String tooManySteps(String target) {
    return "Relative revision " + target + " has more steps than any history has revisions";
  }

  /** A walk up that reaches a fork, where a step has more than one revision to go to. */
  public static String ambiguousWalkAtFork(String target, String at, List<String> next) {
    return "Ambiguous walk: " + target + " forks at " + at + " into " + String.join(", ", next)
        + "; name a branch (label@+N) or a revision";
  }

  /** A walk down that reaches a merge, where a step has more than one parent. */
  public static String ambiguousWalkAtMerge(String target, String merge) {
    return "Ambiguous walk: " + target + " reaches the merge " + merge + "; name the revision to"
        + " go to instead";
  }

  /**
   * A walk from where the database is, which is at several revisions. Stepping down from one of
   * them is a revert: {@code rev-1} would name the parent, and a downgrade to the parent removes
   * every child of it, the other heads' too where they share it.
   */
  public static String ambiguousWalkFromHeads(String target, List<String> heads, boolean down) {
    String at = "Ambiguous walk: the database is at several revisions (" + String.join(", ", heads)
        + "), so " + target + " does not say which to walk from; ";
    return down
        ? at + "to take back one of them and what depends on it, revert it (retort revert "
            + heads.get(heads.size() - 1) + ", or Retort.revert), or name a branch label that"
            + " only one of them is on (label@" + target.substring(target.indexOf('@') + 1)
            + ")"
        : at + "name the revision to start from (" + heads.get(0)
            + target.substring(target.indexOf('@') + 1) + ") or a branch (label@"
            + target.substring(target.indexOf('@') + 1) + ")";
  }

  /** A downgrade target that names several revisions. */
  public static String downgradeNeedsOneDestination(String target, List<String> named) {
    return "Downgrade needs one destination; " + target + " names " + String.join(", ", named)
        + ".";
  }

  /** A downgrade destination the database has not applied. */
  public static String destinationNotApplied(String id) {
    return "Destination " + id + " is not a valid downgrade target from current head(s): it is"
        + " not applied.";
  }

  /** A downgrade along a branch above which nothing of that branch is applied. */
  public static String nothingAboveOnBranch(String target, String branch) {
    return target + " is not a valid downgrade target from the current heads: nothing above it"
        + " is on branch '" + branch + "'.";
  }

  /** A history range whose start is not an ancestor of its end (Alembic's wording). */
  public static String notAnAncestor(String lower, String upper) {
    return "Revision " + lower + " is not an ancestor of revision " + upper;
  }

  /** A target that names no revision or several, where one is needed. */
  public static String showTakesOne(String target, int named) {
    return "'" + target + "' names " + named + " revisions; show takes one";
  }

  /** A target relative to the database, resolved where there is none. */
  public static String needsADatabase(String target) {
    return "'" + target + "' is relative to where a database is, and none is at hand; name a"
        + " revision, a label or head instead";
  }

  /**
   * A target error about revisions read from migration sources rather than a compiled registry,
   * as the command line's {@code create} and {@code merge} report it.
   */
  public static String inSources(String message, String folder) {
    return message + " (the migrations read from " + folder + ")";
  }

  /** Migration sources whose revisions revise each other in a circle have no order to read. */
  public static String sourcesInACycle(List<String> ids, String folder) {
    return "The migrations in " + folder + " revise each other in a cycle (" + String.join(", ",
        ids) + "), so they have no head. Compile them: the processor shows the cycle, revision by"
        + " revision.";
  }

  /** A revert of a revision the database has not applied. */
  public static String nothingToRevert(RevisionInfo revision) {
    return "Revision " + describe(revision) + " is not applied, so there is nothing to revert;"
        + " current shows what is.";
  }

  // ---- registries ----

  /** No generated registry on the classpath. */
  public static String noRegistry() {
    return "No generated registry on the classpath: compile the @Revision classes with"
        + " retort-processor on the annotation processor path, or pass the registry to"
        + " Retort.using(dataSource, registry)";
  }

  /** Several registries on the classpath, none of which contains the others. */
  public static String severalRegistries(List<String> classNames) {
    return "Several registries on the classpath (" + String.join(", ", classNames) + ") and none"
        + " contains all the others; pass the one to use to Retort.using(dataSource, registry)";
  }

  /** A generated registry that lists a child before its parent: a stale build. */
  public static String registryOutOfOrder(String parent, String child) {
    return "Generated registry is out of order: " + parent + " must come before " + child
        + "; rebuild the project";
  }

  /** A generated registry whose heads or edges name a revision it lacks: a stale build. */
  public static String registryNamesUnknownRevision(String id) {
    return "Generated registry names unknown revision '" + id + "'; rebuild the project";
  }

  /**
   * A generated registry whose rows another version of Retort's processor wrote.
   *
   * @param lastReadId the id of the last row read, or {@code null} if it was the first
   */
  public static String registryRowsUnreadable(String lastReadId) {
    return "Generated registry holds rows that this version of Retort cannot read ("
        + (lastReadId == null ? "its first row" : "the row after '" + lastReadId + "'")
        + "); rebuild the project with the Retort version on its classpath";
  }

  /** A generated registry that lists an id twice: a stale build. */
  public static String registryListsRevisionTwice(String id) {
    return "Generated registry lists revision '" + id + "' twice; rebuild the project";
  }

  /** A revision constant passed to a registry, or a Retort, that does not hold it. */
  public static String foreignRevision(RevisionInfo revision, String registry) {
    return "Revision " + describe(revision) + " does not belong to " + registry + "; pass a"
        + " constant of that registry, or look the id up with its revision(id)";
  }

  /** A resource of the runtime's own that its jar lacks: a broken build of Retort. */
  public static String missingResource(String name) {
    return name + " is missing from Retort's runtime jar; use a jar Retort's build made";
  }

  /** A jOOQ context with a single connection, where Retort needs a data source. */
  public static String needsADataSource() {
    return "Retort needs a DSLContext built from a DataSource (DSL.using(dataSource, dialect)):"
        + " it holds its lock on a connection of its own";
  }

  /** The default downgrade of an {@code @Irreversible} migration, which never runs. */
  public static String noDowngrade(String className) {
    return className + " is @Irreversible and has no downgrade; restore the schema from a backup"
        + " or write a new revision that reverts it";
  }

  // ---- settings ----

  /** A state table or schema name that is not a plain SQL identifier. */
  public static String invalidName(String what, String name) {
    return "The " + what + " must be a plain SQL identifier (ASCII letters, digits and _, not"
        + " starting with a digit, at most 63 characters), not "
        + (name == null ? "null" : "'" + name + "'") + ". Choose a name such as retort_version;"
        + " nothing was run.";
  }

  /** A state table or schema name that is an SQL keyword. */
  public static String reservedName(String what, String name) {
    return "The " + what + " '" + name + "' is an SQL keyword, which unquoted SQL cannot use as"
        + " a name. Choose another, such as retort_" + name + "; nothing was run.";
  }

  /** A lock timeout or lease that is not positive. */
  public static String notPositive(String what, Duration duration) {
    return what + " must be a positive duration, not " + duration;
  }

  /** An audit trail asked for with a limit below one. */
  public static String auditLimit(int limit) {
    return "auditTrail needs a positive limit, not " + limit;
  }

  // ---- refusals before anything runs ----

  /**
   * A state table name that names an existing table without Retort's columns: an application's
   * table, most likely.
   *
   * @param role {@code version table}, {@code history table} or {@code lock table}
   */
  public static String notRetortsTable(String role, String table, List<String> found,
      List<String> expected) {
    String setting = role.replace(" table", "");
    String camel = Character.toUpperCase(setting.charAt(0)) + setting.substring(1);
    return "The " + role + " is set to " + table + ", but the table " + table + " is not Retort's:"
        + " it has the columns " + String.join(", ", found) + ", where Retort's " + role
        + " has " + String.join(", ", expected) + ". Nothing was read or written. Name the "
        + role + " after a table that does not exist yet or that Retort created (" + setting
        + "_table in retort.properties, retort." + setting + "-table in Spring Boot,"
        + " RetortSettings.with" + camel + "Table), such as retort_" + setting + ".";
  }

  /** A database at revisions this build does not know. */
  public static String unknownRevisions(List<String> ids) {
    return "The database is at revision " + String.join(", ", ids) + ", which this build does"
        + " not know: the schema is newer than this code, or belongs to another application."
        + " Deploy the build that contains it; if it was removed on purpose, replace the record"
        + " with stamp --purge and a revision this build knows.";
  }

  /**
   * A failure that was not rolled back, or a runner that died in a revision, awaiting repair.
   *
   * @param revision the revision, described, or its id when this build lacks it
   * @param interrupted whether its runner died during it (else it failed)
   * @param reached the heads the step would have left, or {@code null} where they are unknown
   */
  public static String unresolvedFailure(String revision, boolean interrupted, String at,
      String host, List<String> reached) {
    String what = interrupted
        ? " was started at " + at + " on " + host + " and never finished: that runner died or"
            + " lost its connection while running it"
        : " failed at " + at;
    return "Revision " + revision + what + ", and it could not be rolled back, so its"
        + " statements may be partly applied. Check the schema against it: " + repairAdvice(reached)
        + " Every run refuses until then.";
  }

  /** Applied revisions whose source changed since they ran. */
  public static String edited(List<RevisionInfo> revisions) {
    boolean one = revisions.size() == 1;
    return "Revision" + (one ? " " : "s ") + describeAll(revisions) + (one ? " was" : " were")
        + " edited after it was applied — add a new revision instead. If the edit was deliberate"
        + " and the database needs nothing more, run repair to record the new checksum.";
  }

  /**
   * What to do about a revision that failed halfway: repair alone makes the next run retry it,
   * which is right only once its partial changes are undone. After finishing it by hand, the
   * version table must say so: stamp with purge sets exactly the heads the step would have left,
   * where a plain stamp of one revision could drop a sibling branch's head.
   *
   * @param reached the heads the finished step leaves, or {@code null} where they are unknown
   */
  public static String repairAdvice(List<String> reached) {
    String stamp = reached == null
        ? "stamp --purge the heads it would have left"
        : "stamp --purge " + (reached.isEmpty() ? "base" : String.join(" ", reached));
    return "undo what it did by hand and run repair, and the next run retries it; or finish it"
        + " by hand, run repair, then " + stamp + ".";
  }

  /** A downgrade that would pass through {@code @Irreversible} revisions. */
  public static String irreversibleOnTheWay(String target, List<RevisionInfo> irreversible) {
    return "Downgrade to " + target + " would pass through irreversible " + irreversible.stream()
        .map(r -> describe(r) + ": " + r.irreversibleReason().orElse(""))
        .collect(Collectors.joining("; ")) + ". Nothing was run.";
  }

  /** Single-transaction mode on a database whose DDL commits. */
  public static String singleNeedsTransactionalDdl(String database) {
    return "TransactionMode.SINGLE needs a database that rolls back DDL, and " + database
        + " commits on every CREATE, ALTER and DROP. Nothing was run; use PER_REVISION.";
  }

  /** Single-transaction mode over revisions that must run outside a transaction. */
  public static String singleCannotInclude(List<RevisionInfo> outside) {
    return "TransactionMode.SINGLE cannot include " + describeAll(outside) + ", which must run"
        + " outside a transaction. Nothing was run; upgrade to the revision before it, then run"
        + " the rest with PER_REVISION.";
  }

  // ---- running ----

  /** Alembic's log line for a step: {@code Running upgrade a1 -> b1, Add email}. */
  public static String running(String verb, String from, String to, String message) {
    return "Running " + verb + " " + from + " -> " + to + (message.isEmpty() ? "" : ", " + message);
  }

  /** A step's log line, with how long it took. */
  public static String stepTook(String step, long millis) {
    return step + " (" + millis + " ms)";
  }

  /** A command that finds the database where it would leave it. */
  public static String nothingToDo(String verb, String at) {
    return "Nothing to " + verb + ": the database is at " + at;
  }

  /** The summary of a run: how many revisions, how long, and where the database is. */
  public static String ran(boolean upgrade, int revisions, long millis, String at) {
    return (upgrade ? "Applied " : "Reverted ") + revisions + " revision"
        + (revisions == 1 ? "" : "s") + " in " + millis + " ms; the database is at " + at;
  }

  /** The log line of a stamp. */
  public static String stamped(String at) {
    return "Stamped " + at;
  }

  /** The log line of a revision repaired. */
  public static String repaired(RevisionInfo revision) {
    return "Repaired " + describe(revision);
  }

  /** The message of the history row that records a stamp of base. */
  public static String stampedBase(List<String> removed) {
    return "Stamped base; removed " + String.join(", ", removed);
  }

  /**
   * A revision that threw.
   *
   * @param cause what it threw, as a sentence
   * @param outcome {@link #rolledBackTo} or {@link #notRolledBack}
   */
  public static String failed(RevisionInfo revision, String verb, String from, String to,
      String cause, String outcome) {
    return "Revision " + describe(revision) + " failed in " + verb + " " + from + " -> " + to
        + ": " + cause + " " + outcome;
  }

  /** What a failure that was rolled back left: the database as it was. */
  public static String rolledBackTo(String at) {
    return "It was rolled back: the database is still at " + at + ".";
  }

  /**
   * What a failure that was not rolled back left: statements partly applied, and what to do.
   *
   * @param why {@link #cannotRollBackDdl} or {@link #outsideATransaction}
   * @param reached the heads the step would have left
   */
  public static String notRolledBack(String why, String verb, List<String> reached) {
    return "It was NOT rolled back (" + why + "), so its statements may be partly applied."
        + " Check the schema against its " + verb + ": " + repairAdvice(reached)
        + " Until then every run refuses.";
  }

  /** Why a failure was not rolled back: the database commits DDL. */
  public static String cannotRollBackDdl(String database) {
    return database + " cannot roll back DDL";
  }

  /** Why a failure was not rolled back: the revision runs outside a transaction. */
  public static String outsideATransaction() {
    return "it runs outside a transaction";
  }

  /** A failure in single-transaction mode, which took every step of the run back. */
  public static String wholeRunRolledBack(String message) {
    return message + " The whole run was one transaction, so every step of it was rolled back"
        + " too.";
  }

  /** A revision that ran, but whose lock was lost before it was recorded. */
  public static String lockLostAfterRun(RevisionInfo revision, boolean rolledBack) {
    return "Revision " + describe(revision) + " ran, but the migration lock was lost before it"
        + " was recorded. " + (rolledBack
            ? "It was rolled back; run again to continue."
            : "Its changes were committed but not recorded: check the schema, then stamp the"
                + " database with it before running again.");
  }

  /** A version table statement that touched other than one row: another writer. */
  public static String versionTableChanged(String change, int rows) {
    return "The version table changed under this run: the " + change + " touched " + rows
        + " rows instead of one. Another runner must have changed it without taking the lock;"
        + " check the table and run again.";
  }

  /** A database that returned no id for a history row it inserted. */
  public static String noHistoryRowId() {
    return "The database returned no id for the new history row";
  }

  // ---- the database ----

  /** A data source that gave no connection. */
  public static String cannotConnect(String cause) {
    return cause.startsWith("Cannot connect") ? cause : "Cannot connect to the database: " + cause;
  }

  /**
   * A connection to a JDBC URL that failed, as {@link dev.retort.runtime.UrlDataSource} reports
   * it: the URL with its passwords masked, the user, and the driver's reason, also masked.
   */
  public static String cannotConnectTo(String maskedUrl, String user, String reason) {
    return "Cannot connect to " + maskedUrl + (user == null ? "" : " as " + user) + ": " + reason;
  }

  /** Why a JDBC URL cannot be connected to: no driver accepts it. */
  public static String noDriver() {
    return "no JDBC driver on the classpath accepts this URL. Check its prefix (jdbc:postgresql:,"
        + " jdbc:h2:, ...) or put the driver's jar on the classpath";
  }

  /** A setting of a JDBC data source that {@link dev.retort.runtime.UrlDataSource} lacks. */
  public static String urlDataSourceSetting(String setting) {
    return "UrlDataSource has no " + setting + " of its own; set the driver's in its URL (for a"
        + " timeout: connectTimeout= or loginTimeout=, as the driver names it)";
  }

  /** An unwrap to a type that a data source is not. */
  public static String notAWrapperOf(String type) {
    return "Not a wrapper of " + type;
  }

  /**
   * The log line of a connection refused for a moment only (H2 handing a file over between
   * processes), which is tried again.
   */
  public static String retryingConnect(String cause, Duration timeout) {
    return "The database refused the connection for now, trying again for up to the lock timeout"
        + " of " + timeout + ": " + cause;
  }

  /** A data source that gave no connection within the lock timeout. */
  public static String connectTimedOut(Duration timeout, String lastFailure) {
    return "Cannot connect to the database: no connection within the lock timeout of " + timeout
        + (lastFailure == null ? " (the driver did not return)" : "; the last attempt failed: "
            + lastFailure) + ". Check that the database is reachable, or raise the lock timeout";
  }

  /** A data source whose {@code getConnection()} returned null instead of a connection. */
  public static String noConnectionFromDataSource() {
    return "Cannot connect to the database: the data source returned no connection (null)."
        + " Check how the data source is configured, or pass Retort one that connects";
  }

  /** A wait for a connection that was interrupted. */
  public static String connectInterrupted() {
    return "Cannot connect to the database: interrupted while waiting for a connection";
  }

  /** A write of Retort's own tables that failed. */
  public static String stateWriteFailed(String cause) {
    return "Could not write Retort's state tables: " + cause;
  }

  /**
   * Retort's own reads or writes of its tables failed.
   *
   * @param insufficientPrivilege whether the database said the user lacks a right
   */
  public static String stateAccessFailed(String versionTable, String historyTable, String cause,
      boolean insufficientPrivilege) {
    return "Retort could not read or write its state tables (" + versionTable + ", "
        + historyTable + "): " + cause + (insufficientPrivilege
            ? ". The database user lacks a right Retort needs: grant it CREATE on the schema, or"
                + " have an administrator run Retort once to create the tables and grant the user"
                + " SELECT, INSERT, UPDATE and DELETE on them"
            : "") + ". Nothing was changed by this command.";
  }

  /** The debug line of a lock-free start-up read that failed, so the lock is taken. */
  public static String unlockedReadFailed(String cause) {
    return "Reading the state without the lock failed; taking the lock: " + cause;
  }

  /** A statement that sets a session up or tears it down, skipped where the database refuses. */
  public static String sessionSetUpSkipped(String statement, String cause) {
    return "Skipped '" + statement + "' on Retort's session: " + cause;
  }

  // ---- the lock ----

  /** The log line of a runner waiting for a session lock. */
  public static String waitingForLock(String lock, String holder) {
    return "Waiting for the migration lock " + lock + ", held by " + holder;
  }

  /** A session lock not had within the lock timeout. */
  public static String lockTimedOut(String lock, Duration timeout, String holder) {
    return "Gave up waiting for the migration lock " + lock + " after " + timeout + "; it is held"
        + " by " + holder;
  }

  /** A session lock that could not be taken because the database failed. */
  public static String lockFailed(String lock, String cause) {
    return "Could not take the migration lock " + lock + ": " + cause;
  }

  /** A runner interrupted while waiting for the lock. */
  public static String lockInterrupted() {
    return "Interrupted while waiting for the migration lock";
  }

  /** The warning of a session lock that could not be released. */
  public static String lockNotReleased(String lock, String cause) {
    return "Could not release the migration lock " + lock + "; closing its connection releases it: "
        + oneLine(cause);
  }

  /** Who holds a session lock that was released between the try and the question. */
  public static String justReleased() {
    return "a session that has just released it";
  }

  /** Who holds a PostgreSQL advisory lock, as the lock messages name it. */
  public static String postgresHolder(int pid, String application, String address,
      String since) {
    return "backend pid " + pid + " (" + application + " from " + address + ", connected since "
        + since + ")";
  }

  /** Who holds a MySQL or MariaDB named lock, as the lock messages name it. */
  public static String mysqlHolder(long id, String user, String host, long seconds) {
    return "connection " + id + " (" + user + "@" + host + ", for " + seconds + " s)";
  }

  /** The log line of a runner waiting for a lease lock. */
  public static String waitingForLease(String holder) {
    return "Waiting for the migration lock, held by " + holder;
  }

  /** A lease lock not had within the lock timeout. */
  public static String leaseTimedOut(Duration timeout, String holder, Duration lease) {
    return "Gave up waiting for the migration lock after " + timeout + "; it is held by "
        + (holder == null ? "another runner" : holder) + ". If that runner is gone, its lease"
        + " expires " + lease + " after its last renewal";
  }

  /** The warning of a lease taken over from a holder that stopped renewing it. */
  public static String leaseTakenOver(String holder, Duration lease) {
    return "Took over the migration lock of " + holder + ", whose lease expired " + lease + " ago";
  }

  /** The warning of a lease renewal that failed. */
  public static String leaseNotRenewed(String cause) {
    return "Could not renew the migration lock's lease: " + cause;
  }

  /** A lease lost to another runner, so the run stops before its next revision. */
  public static String leaseLost(Duration lease) {
    return "Lost the migration lock: its lease of " + lease + " could not be renewed, so another"
        + " runner may have taken it. Stopped before the next revision; run again to continue";
  }

  /** The warning of a lease that could not be released. */
  public static String leaseNotReleased(Duration lease, String cause) {
    return "Could not release the migration lock; its lease expires in " + lease + ": "
        + oneLine(cause);
  }

  // ---- offline ----

  /** A migration that reads data, which {@code sql()} cannot render. */
  public static String readsDataOffline(RevisionInfo revision, String read) {
    return "Revision " + describe(revision) + " reads data (" + read + "), so what it writes"
        + " depends on the database's contents and cannot be rendered offline. Review its code,"
        + " or run it against a copy of the database.";
  }

  /**
   * What a migration's first read gets while its statements are recorded offline, should it look
   * at the exception: the recording has no data to answer with.
   */
  public static String noDataOffline(String read) {
    return "Offline, without a database, there is no data to read: " + read;
  }

  /** A migration that threw while its statements were recorded offline. */
  public static String threwWhileRecorded(RevisionInfo revision, String verb, Throwable failure) {
    return "Revision " + describe(revision) + "'s " + verb + " threw while its statements were"
        + " recorded: " + failure;
  }

  /** An offline downgrade asked of an {@code @Irreversible} revision. */
  public static String hasNoDowngrade(RevisionInfo revision) {
    return "Revision " + describe(revision) + " is @Irreversible ("
        + revision.irreversibleReason().orElse("") + "): it has no downgrade to record";
  }

  /**
   * The comment of an offline script's step on a database that commits DDL as it runs it (MySQL,
   * MariaDB, H2, HSQLDB), where BEGIN and COMMIT around the step would suggest an atomicity that
   * does not exist. Said instead of them, as Alembic's offline mode leaves them out there.
   */
  public static String ddlCommitsOffline(String database) {
    return "(no BEGIN/COMMIT: " + database + " commits each DDL statement as it runs it, so this"
        + " step is not atomic. If a statement fails, those before it stay applied and the"
        + " version table is not changed: check the schema, then finish or undo the step by"
        + " hand before running the rest)";
  }

  /** Why the offline schema leaves out a statement that is not DDL. */
  public static String notDdl(String verb) {
    return "it is not DDL (" + verb + "), so what it changes is not modelled";
  }

  /** Why the offline schema leaves out a statement jOOQ's parser cannot read. */
  public static String unreadable(String cause) {
    return "jOOQ's parser cannot read it: " + cause;
  }

  /** Why the offline schema leaves out a type, function, trigger, role or grant. */
  public static String outsideTheModel() {
    return "it defines a type, function, procedure, trigger, role or privilege, which have no"
        + " place in the schema model";
  }

  /** Why the offline schema leaves out a statement that fails on the modelled schema. */
  public static String failsOnTheModel(String cause) {
    return "it fails on the schema the statements before it leave: " + cause;
  }

  /** Why the offline schema leaves out a statement the interpreter does not model. */
  public static String notModelled(String cause) {
    return "the DDL interpreter does not model it: " + cause;
  }

  /** Why the offline schema leaves out what a migration runs after it reads data. */
  public static String readsDataAfterwards() {
    return "it reads data, so what it runs after this read depends on the database's contents";
  }

  /** Why the offline schema leaves out a migration that threw. */
  public static String threwAfterwards(Throwable failure) {
    return "its upgrade threw while it was recorded, after the statements above: " + failure;
  }

  // ---- proofs ----

  /** A proof as {@code retort verify} prints it: outcome, proof, revision, detail below. */
  public static String proofLine(String outcome, String proof, RevisionInfo revision,
      String detail) {
    return String.format("%-7s %s: %s%s", outcome, proof, describe(revision),
        detail.isEmpty() ? "" : "\n        " + detail.replace("\n", "\n        "));
  }

  /** Why a proof is skipped: the schema before the revision is unknown. */
  public static String unknownBefore(String since) {
    return "the schema before it is unknown: " + since;
  }

  /** What made a schema unknown: a revision that could not be modelled. */
  public static String notModelledSince(String id) {
    return "revision " + id + " could not be modelled";
  }

  /** What made a schema unknown: a revision that failed. */
  public static String failedSince(String id) {
    return "revision " + id + " failed";
  }

  /** Why a proof is skipped: the revision reads data. */
  public static String readsDataProof() {
    return "it reads data, which the DDL interpreter does not model";
  }

  /** A migration that threw while its statements were recorded: a failure, not a skip. */
  public static String threwProof(String verb, Throwable failure) {
    return "its " + verb + " threw while its statements were recorded: " + failure;
  }

  /** Why a proof is skipped: the revision runs statements that are not DDL. */
  public static String notDdlProof(String verb) {
    return "it runs " + verb + " statements, which the DDL interpreter does not model";
  }

  /** Why a proof is skipped: jOOQ's parser cannot read a statement. */
  public static String unreadableProof(String sql, String cause) {
    return "the interpreter cannot read '" + sql + "': " + cause;
  }

  /**
   * Why a proof is skipped: a statement the interpreter does not model.
   *
   * @param whose {@code its upgrade}, {@code its downgrade}, or a revision on a branch
   */
  public static String runsUnmodelled(String whose, String sql, String cause) {
    return whose + " runs '" + sql + "', which the DDL interpreter does not model (" + cause
        + "), so the schema after it is unknown";
  }

  /** Why a proof fails: the upgrade fails on the schema before it. */
  public static String upgradeDoesNotApply(String cause) {
    return "its upgrade cannot be applied to the schema the revisions before it leave: " + cause;
  }

  /** Why a proof fails: the downgrade fails on the schema the upgrade leaves. */
  public static String downgradeDoesNotApply(String cause) {
    return "its downgrade cannot be applied to the schema its upgrade leaves: " + cause;
  }

  /** Why a proof is skipped: the revision is {@code @Irreversible}. */
  public static String irreversibleProof(String reason) {
    return "it is @Irreversible: " + reason;
  }

  /** Why a proof is skipped: the upgrade writes data. */
  public static String changesDataProof() {
    return "it changes data, which the DDL interpreter does not model (its DDL, if any, is"
        + " applied for the revisions after it)";
  }

  /** Why a proof is skipped, or fails: what its downgrade does. */
  public static String downgradeNotModelled(String reason) {
    return "its downgrade: " + reason;
  }

  /** Why a proof is skipped: the downgrade writes data. */
  public static String downgradeChangesData() {
    return "its downgrade changes data, which the DDL interpreter does not model";
  }

  /** Why a proof fails: the schema after upgrade and downgrade is not the one before. */
  public static String downgradeDiffers() {
    return "the schema after upgrade and downgrade differs from the schema before; the downgrade"
        + " removes too much (-) or leaves behind (+):";
  }

  /** What a skip says about the statements left out of the model. */
  private static final String OUTSIDE_THE_MODEL = "types, functions, procedures, triggers,"
      + " roles and privileges are outside its schema";

  /** Why a proof is skipped although the tables agree: statements left out of the model. */
  public static String partlyProven(List<String> leftOut) {
    return "its tables, keys and indexes come back as they were, but it also runs "
        + quoted(leftOut) + ", which the DDL interpreter does not model (" + OUTSIDE_THE_MODEL
        + "), so whether its downgrade undoes that is not proven; the revisions after it are"
        + " proven without it";
  }

  /**
   * A revision a merge proof applies, as its details name it.
   *
   * @param where {@code before the branches} or {@code on a branch}
   */
  public static String branchRevision(String id, String where) {
    return "revision " + id + " " + where;
  }

  /** Why a merge proof is skipped: what its branches start from does not apply. */
  public static String branchesStartUnapplied(String cause) {
    return "the revisions its branches start from cannot be applied (their downgrade proofs say"
        + " which): " + cause;
  }

  /** Why a merge proof fails: the branches give different schemas in either order. */
  public static String mergeDiffers(List<String> parents) {
    return "the branches of " + parents + " give different schemas when applied in the order"
        + " listed (-) and in the reverse order (+):";
  }

  /** Why a merge proof is skipped although the schemas agree: a branch writes data. */
  public static String mergeChangesData() {
    return "the schemas agree in either order, but a revision on a branch changes data, which"
        + " the DDL interpreter does not model";
  }

  /** Why a merge proof is skipped although the schemas agree: statements left out. */
  public static String mergePartlyProven(List<String> leftOut) {
    return "the tables, keys and indexes agree in either order, but the branches also run "
        + quoted(leftOut) + ", which the DDL interpreter does not model (" + OUTSIDE_THE_MODEL
        + ")";
  }

  /** Why a merge proof fails: the branches cannot both apply in every order. */
  public static String branchesConflict(List<String> parents, String cause) {
    return "the branches of " + parents + " cannot both be applied in every order: " + cause;
  }

  /** A driver's message on one line: PostgreSQL's, for one, adds lines such as "Position: 14". */
  private static String oneLine(String message) {
    return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
  }

  // ---- fleets ----

  /** A fleet given no member. */
  public static String fleetWithoutMembers() {
    return "A fleet needs at least one schema or database: name them (for example tenant_a,"
        + " tenant_b); nothing was run.";
  }

  /** A fleet member named twice. */
  public static String fleetMemberTwice(String member) {
    return "The fleet names '" + member + "' twice: name each schema or database once; nothing"
        + " was run.";
  }

  /** A fleet member whose name cannot be a schema. */
  public static String fleetMemberNotASchema(String member) {
    return "'" + member + "' is not a schema name Retort can use: a plain SQL identifier (ASCII"
        + " letters, digits and _, not starting with a digit, at most 63 characters, no SQL"
        + " keyword). Correct the list; nothing was run.";
  }

  /** A parallelism that is not positive. */
  public static String fleetParallelism(int parallelism) {
    return "The fleet's parallelism must be at least 1, not " + parallelism
        + ": give the number of members to work on at once (default "
        + defaultParallelismNote() + "); nothing was run.";
  }

  private static String defaultParallelismNote() {
    return "twice the processors, at most 8";
  }

  /** A member not started because another failed and the fleet fails fast. */
  public static String fleetSkipped(String failed) {
    return "Not started: " + failed + " failed first and the run fails fast. Fix it and run"
        + " again: the members done stay done.";
  }

  /** A fleet member asked for by a name the fleet lacks. */
  public static String noSuchFleetMember(String member, int members) {
    return "The fleet has no member '" + member + "' (it has " + members + "): name one of its"
        + " schemas or databases.";
  }

  /** A fleet's connection used after its run ended (and closed the connections it kept). */
  public static String fleetConnectionsClosed() {
    return "The fleet run has ended and closed its connections: take a new connection from the"
        + " data source itself.";
  }

  /** A connection used after it was closed. */
  public static String connectionClosed() {
    return "This connection is closed: take a new one from the data source.";
  }

  /** A fleet run interrupted. */
  public static String fleetInterrupted() {
    return "The fleet run was interrupted: the members running were stopped where they were, no"
        + " further member started. Run it again: each member's lock and state make the rerun"
        + " apply only what is left.";
  }

  /** The line an offline script starts with when the dialect cannot switch schemas in SQL. */
  public static String noUseSchemaOffline(String database, String schema) {
    return database + " has no statement for the current schema: run this script in schema "
        + schema;
  }

  private static String quoted(List<String> statements) {
    return statements.stream().map(statement -> "'" + statement.strip() + "'")
        .collect(Collectors.joining(", "));
  }
}

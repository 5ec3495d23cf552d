package dev.retort.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * Every word the command line says of its own: its settings, its connection, its commands'
 * summaries and refusals. What the runtime says (targets, refusals of the recorded state) comes
 * from the runtime and is printed as it is, including its target errors about the sources that
 * {@code create} and {@code merge} read. Tests assert against these entries.
 */
final class CliMessages {

  /** What every error line starts with, on standard error. */
  static final String ERROR_PREFIX = "ERROR: ";

  private CliMessages() {}

  // ---- settings ----

  static String noConfigurationFile(Path file, String defaultFile) {
    return "No configuration file at " + file.toAbsolutePath() + "; pass an existing file to"
        + " --config, or leave it out to use " + defaultFile;
  }

  static String cannotReadConfiguration(Path file, String reason) {
    return "Cannot read " + file + ": " + reason;
  }

  static String noUrl(Path file) {
    return "No database URL: set url in " + file + ", RETORT_URL in the environment, or pass"
        + " --url jdbc:...";
  }

  static String noMigrationsSource(Path file) {
    return "create and merge need migrations.source (the folder of migration classes) and"
        + " migrations.package in " + file;
  }

  static String migrationsSourceNotAFolder(Path folder, Path file) {
    return "migrations.source " + folder + " is not a folder; fix it in " + file;
  }

  static String invalidTableSetting(String reason, Path file) {
    return reason + " Fix schema, version_table, history_table or lock_table in " + file + ".";
  }

  static String invalidDuration(String setting, String value, Path file) {
    return setting + " '" + value + "' is not a duration. Write a positive number with a unit,"
        + " such as 500ms, 30s, 10m or 1h (or ISO-8601, PT30S), in " + file + ", its environment"
        + " variable or its flag.";
  }

  static String classpathEntryMissing(String entry, String setting) {
    return "The classpath entry " + entry + " (from " + setting + ") does not exist. Build the"
        + " project first, or correct the path; relative paths are read from the configuration"
        + " file's folder.";
  }

  // ---- the registry ----

  static String severalRegistries(String runtimeMessage, Path file) {
    return runtimeMessage + "; on the command line, set registry= to one of them in " + file;
  }

  static String noRegistryNamed(String className, List<String> found) {
    return "No registry " + className + " on the classpath; found " + found + ". Fix registry in"
        + " the configuration file.";
  }

  // ---- commands ----

  static String upToDate(String at) {
    return "Up to date at " + at + ".";
  }

  static String pending(int count, String at, String ids) {
    return count + " revision" + (count == 1 ? " is" : "s are") + " pending (the database is at "
        + at + "): " + ids + ". Run upgrade to apply " + (count == 1 ? "it." : "them.");
  }

  static String checkRefused(String reason) {
    return "check: the database is in a state every run refuses, so it is not ready to deploy: "
        + reason;
  }

  static String valid() {
    return "Valid: the applied revisions match this build.";
  }

  static String nothingToRepair() {
    return "Nothing to repair.";
  }

  static String generated(Path file) {
    return "Generating " + file + " ...  done";
  }

  static String multipleHeadsForCreate(String heads) {
    return "Multiple heads are present; please specify the head revision on which the new"
        + " revision should be based, or perform a merge. Heads: " + heads;
  }

  static String notAHead(String id) {
    return "Revision " + id + " is not a head revision; use --splice to create a new branch from"
        + " it";
  }

  static String nothingToMerge(List<String> parents) {
    return "Nothing to merge: " + (parents.isEmpty() ? "no revisions" : "only " + parents.get(0))
        + ". A merge joins two or more heads.";
  }

  static String invalidMessage() {
    return "The message must be one non-empty line without control characters, of at most 512"
        + " characters, like \"Add phone to users\"";
  }

  static String fileExists(Path file) {
    return file + " already exists; use another message";
  }

  static String notAClassName(String template, String name) {
    return "class_name_template '" + template + "' makes '" + name + "' from this message, which"
        + " is not a Java class name; start the template with a letter, e.g. M{seq}_{Message}";
  }

  static String auditWithRevisionOptions() {
    return "history --audit lists the history table's rows; -r and -i apply to the list of"
        + " revisions. Leave them out, or leave out --audit.";
  }

  static String noAudit() {
    return "No command has written the history yet.";
  }

  // ---- the migration sources create and merge read ----

  static String noJavaCompiler() {
    return "create, merge and --from-sources read the migration sources with the JDK's compiler;"
        + " run them with a JDK, not a JRE";
  }

  static String unparsableSources(Path folder, List<String> syntaxErrors) {
    return "Cannot read the migrations in " + folder + ": " + String.join("; ", syntaxErrors)
        + ". Fix the syntax error, then run the command again; nothing was written.";
  }

  static String constantInRevision(String expression) {
    return "A @Revision uses a constant (" + expression + ") where create and merge need a string"
        + " literal; write the id itself";
  }

  /** A reference that may be a label some source declares through a constant. */
  static String labelsUnread(String reference, List<String> unread) {
    return "Cannot tell whether '" + reference + "' is a branch label: the branchLabels of "
        + String.join(", ", unread) + " are constants, which create and merge cannot read"
        + " without compiling. Write those labels as string literals, or name the revision by its"
        + " full id.";
  }

  // ---- --from-sources: the graph commands while the build is broken ----

  /** The notice, on standard error, that the graph did not come from a build. */
  static String readFromSources(Path folder) {
    return "NOTE: the revisions were read from the sources in " + folder + " (--from-sources),"
        + " not from a build: javac has not checked them.";
  }

  static String fromSourcesNeedsBuild(String command) {
    return command + " cannot use --from-sources: it needs the compiled migrations. Fix the"
        + " build (javac's errors), then run it without --from-sources.";
  }

  static String fromSourcesNotNeeded(String command) {
    return command + " reads the migration sources already; leave out --from-sources.";
  }

  static String noMigrationsSourceToRead(Path file) {
    return "--from-sources needs migrations.source (the folder of migration classes) in " + file
        + ".";
  }

  // ---- autogenerate ----

  /** What a comparison detected, printed as Alembic prints it. */
  static String detected(String change) {
    return "INFO " + change;
  }

  /** A review note of a comparison, on standard error. */
  static String reviewNote(String note) {
    return "WARNING: review: " + note;
  }

  /** check --schema's verdict when the migrations do not build the schema wanted. */
  static String schemaDrift(String fromDatabase) {
    return "The migrations do not build " + (fromDatabase != null
        ? "the schema of " + fromDatabase : "the schema file") + ": run create --autogenerate"
        + " \"message\" to write the revision for the difference.";
  }

  static String targetNotUpToDate(List<String> current) {
    return "Target database is not up to date. It is at "
        + (current.isEmpty() ? "<base>" : String.join(", ", current))
        + "; run upgrade first, or leave out --against-database to compare with the migrations."
        + " Nothing was written.";
  }

  static String notInCompiledRegistry(String id) {
    return "Revision " + id + " is in the migration sources but not in the compiled registry:"
        + " build the project first, so that autogenerate sees what every revision does. Nothing"
        + " was written.";
  }

  /** A revision the schema the migrations build leaves out, with the statement, if one. */
  static String leftOutOfComparison(String id, String statement, String reason) {
    return "WARNING: revision " + id + " is not part of the comparison: "
        + (statement == null ? "" : "'" + statement + "' ") + reason
        + ". Check what it changes by hand.";
  }

  static String noSchemaFile(String key, Path file) {
    return "No schema file: set " + key + " in " + file + " (e.g. " + key
        + "=src/main/resources/db/schema.sql), or pass --schema FILE. Nothing was written.";
  }

  static String cannotReadSchema(String url, String reason) {
    return "Cannot read the schema of " + url + ": " + reason;
  }

  // ---- command line ----

  // ---- fleets ----

  static String invalidLockKind(String value, String where) {
    return "Unknown lock '" + value + "' in " + where + ": use automatic (the database's own"
        + " lock, the default) or lease-row (a lease row in the lock table, for CockroachDB and"
        + " others without advisory locks)";
  }

  static String severalMemberSources() {
    return "--schemas, --schemas-from and --schemas-query each name the schemas to work on:"
        + " give one of them";
  }

  static String fleetOptionWithoutMembers(String option) {
    return option + " applies to many schemas at once: add --schemas a,b,c, --schemas-from FILE"
        + " or --schemas-query \"select ...\"";
  }

  static String noSchemasListed(String option) {
    return option + " names no schema: give at least one (for example --schemas"
        + " tenant_a,tenant_b, or a file with one schema per line); nothing was run";
  }

  static String cannotReadSchemasFile(Path file, String reason) {
    return "Cannot read --schemas-from " + file + " (" + reason + "): give a file with one schema"
        + " name per line (# starts a comment); nothing was run";
  }

  static String schemasQueryFailed(String reason) {
    return "--schemas-query failed: " + reason + ". Give a query whose first column is the"
        + " schema names, such as select nspname from pg_namespace where nspname like"
        + " 'tenant_%'; nothing was run";
  }

  static String schemasQueryEmpty() {
    return "--schemas-query returned no rows, so there is no schema to work on: check its"
        + " condition (select nspname from pg_namespace lists every schema); nothing was run";
  }

  static String parallelAtLeastOne(int parallel) {
    return "--parallel must be at least 1, not " + parallel + ": give how many schemas to work"
        + " on at once (default " + dev.retort.runtime.Fleet.defaultParallelism() + " here)";
  }

  /** The redrawn progress line: {@code 812/1000 at head, 3 failed, 2:14 elapsed}. */
  static String fleetProgress(int atHead, int total, int failed, String elapsed) {
    return atHead + "/" + total + " at head, " + failed + " failed, " + elapsed + " elapsed";
  }

  static String fleetSummaryHeading(String command, int members, String elapsed, int parallel) {
    return command + " on " + members + " schemas in " + elapsed + " (" + parallel
        + " at a time):";
  }

  static String fleetFailedNote(int failed) {
    return failed + (failed == 1 ? " schema" : " schemas") + " failed; the others are done."
        + " Fix the cause and run the same command again: it does only what is left";
  }

  static String didYouMean(List<String> suggestions) {
    return "Did you mean " + String.join(" or ", suggestions) + "? ";
  }

  static String usageHint(String command) {
    return "Run '" + command + " --help' for usage.";
  }
}

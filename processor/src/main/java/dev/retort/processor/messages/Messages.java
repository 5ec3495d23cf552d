package dev.retort.processor.messages;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every word the processor says, in one place. Each message states the rule that was broken,
 * names the revisions involved, says how to fix it, and starts with a stable tag that tests,
 * documentation and search engines can rely on.
 */
public final class Messages {

  public static final String DUPLICATE_ID = "[Retort/DuplicateId]";
  public static final String UNKNOWN_PARENT = "[Retort/UnknownParent]";
  public static final String UNKNOWN_DEPENDENCY = "[Retort/UnknownDependency]";
  public static final String DUPLICATE_PARENT = "[Retort/DuplicateParent]";
  public static final String CYCLE = "[Retort/Cycle]";
  public static final String MULTIPLE_HEADS = "[Retort/MultipleHeads]";
  public static final String MULTIPLE_BASES = "[Retort/MultipleBases]";
  public static final String INVALID_ID = "[Retort/InvalidId]";
  public static final String INVALID_BRANCH_LABEL = "[Retort/InvalidBranchLabel]";
  public static final String DUPLICATE_BRANCH_LABEL = "[Retort/DuplicateBranchLabel]";
  public static final String BRANCH_LABEL_IS_REVISION_ID = "[Retort/BranchLabelIsRevisionId]";
  public static final String INVALID_MIGRATION_CLASS = "[Retort/InvalidMigrationClass]";
  public static final String MISSING_DOWNGRADE = "[Retort/MissingDowngrade]";
  public static final String IRREVERSIBLE_WITH_DOWNGRADE = "[Retort/IrreversibleWithDowngrade]";
  public static final String REGISTRY_LOCATION = "[Retort/RegistryLocation]";
  public static final String LATE_REVISION = "[Retort/LateRevision]";
  public static final String NO_CHECKSUM = "[Retort/NoChecksum]";
  public static final String UNRESOLVED_VALUE = "[Retort/UnresolvedValue]";
  public static final String STALE_MARKER = "[Retort/StaleMarker]";
  public static final String INVALID_MESSAGE = "[Retort/InvalidMessage]";
  public static final String INVALID_IRREVERSIBLE_REASON = "[Retort/InvalidIrreversibleReason]";
  public static final String INVALID_OPTION = "[Retort/InvalidOption]";
  public static final String INTERNAL_ERROR = "[Retort/InternalError]";

  /** The processor option that turns multiple heads and bases from errors into warnings. */
  public static final String PERMISSIVE_OPTION = "retort.permissive";

  /** The processor option that names the generated registry class. */
  public static final String REGISTRY_OPTION = "retort.registry";

  /**
   * The processor option that names the command the project runs Retort's commands with, for
   * the fixes the messages suggest: {@code retort} by default, {@code scripts/db_migrate} in the
   * sample.
   */
  public static final String COMMAND_OPTION = "retort.command";

  /** The command the fixes name when {@link #COMMAND_OPTION} is not given. */
  public static final String DEFAULT_COMMAND = "retort";

  /** The longest id the database column and the messages are designed for. */
  public static final int MAX_ID_LENGTH = 32;

  /**
   * The longest message the history table's {@code message} column holds (its size in every
   * database Retort creates it in); a longer one would be cut there without a word.
   */
  public static final int MAX_MESSAGE_LENGTH = 512;

  private Messages() {}

  // ---- ids and labels ----

  public static String invalidId(String command, String subject, String id, String reason) {
    return INVALID_ID + " " + subject + " has the invalid id " + quote(id) + ": " + reason
        + ". Fix: use up to " + MAX_ID_LENGTH + " letters, digits or underscores, such as the"
        + " twelve hex digits `" + command + " create` generates.";
  }

  public static String invalidBranchLabel(String subject, String label, String reason) {
    return INVALID_BRANCH_LABEL + " " + subject + " declares the invalid branch label "
        + quote(label) + ": " + reason + ". Fix: use a word of letters, digits or underscores,"
        + " such as \"billing\".";
  }

  public static String emptyValue() {
    return "it is empty";
  }

  public static String containsWhitespace() {
    return "it contains whitespace";
  }

  public static String containsTargetSyntax(char character) {
    return "it contains '" + character + "', which targets use as syntax"
        + " (label@head, rev+1, rev-1, from:to)";
  }

  public static String containsUnsafeCharacter(char character) {
    return "it contains '" + character + "' (U+" + hex(character)
        + "), which is not an ASCII letter, digit or underscore";
  }

  public static String reservedWord() {
    return "it is a reserved target word (head, heads, base, current)";
  }

  public static String tooLong(int length) {
    return "it has " + length + " characters, more than " + MAX_ID_LENGTH;
  }

  public static String duplicateId(
      String command, String subject, String id, List<String> others) {
    return DUPLICATE_ID + " Revision id " + quote(id) + " is declared by " + subject + " and by "
        + String.join(", ", others) + ". Each revision needs its own id: give one of them a new"
        + " id (`" + command + " create` generates one), and if it was already applied"
        + " somewhere, keep the id that was applied.";
  }

  public static String duplicateParent(String subject, String member, String id) {
    return DUPLICATE_PARENT + " " + subject + " lists " + quote(id) + " twice in " + member
        + ". Fix: remove the repeated id.";
  }

  public static String unknownParent(String subject, String id, List<String> closest) {
    return UNKNOWN_PARENT + " " + subject + " revises " + quote(id)
        + ", but no revision has that id. " + closestIds(closest)
        + " Fix: correct the id in revises, or add the revision it names.";
  }

  public static String unknownDependency(String subject, String id, List<String> closest) {
    return UNKNOWN_DEPENDENCY + " " + subject + " depends on " + quote(id)
        + ", but no revision has that id. " + closestIds(closest)
        + " Fix: correct the id in dependsOn, or add the revision it names.";
  }

  private static String closestIds(List<String> closest) {
    return closest.isEmpty()
        ? "No existing id is close to it."
        : "Closest existing " + (closest.size() == 1 ? "id: " : "ids: ") + String.join(", ", closest)
            + ".";
  }

  // ---- cycles ----

  public static String revisesItself(String subject, String member) {
    return CYCLE + " " + subject + " names itself in " + member + ", so it could never be"
        + " applied. Fix: name the revision it follows instead (leave revises empty for a base).";
  }

  public static String cycle(String subject, List<String> path, List<String> members) {
    return CYCLE + " " + subject + " is part of a cycle: " + String.join(" -> ", path)
        + " (each arrow leads to a revision that revises or depends on the one before it), so"
        + " none of " + String.join(", ", members) + " could ever be applied. Fix: break the"
        + " cycle by correcting the revises or dependsOn that points back to a later revision.";
  }

  // ---- heads and bases ----

  public static String multipleHeads(String command, String subject, List<String> heads,
      List<String> headIds, boolean permissive) {
    String ids = String.join(" ", headIds);
    return MULTIPLE_HEADS + " The revision graph has " + heads.size() + " heads: "
        + String.join(", ", heads) + "; " + subject + " is one of them, no branch label of its"
        + " own sets it apart, and nothing merges it. A single `upgrade head` would not know"
        + " where to go. "
        + (permissive
            ? "Allowed because -A" + PERMISSIVE_OPTION + "=true; merge them with: "
                + command + " merge " + ids + " -m \"Merge heads\""
            : "Fix: merge them with `" + command + " merge " + ids + " -m \"Merge heads\"` (a"
                + " revision with revises = {" + quotedList(headIds) + "}), or, if they are meant"
                + " to stay independent, give every branch but one (the trunk may stay"
                + " unlabelled) branchLabels of its own, or allow several heads with -A"
                + PERMISSIVE_OPTION + "=true.");
  }

  public static String multipleBases(
      String command, String subject, List<String> bases, boolean permissive) {
    return MULTIPLE_BASES + " The revision graph has " + bases.size() + " bases (revisions that"
        + " revise nothing): " + String.join(", ", bases) + "; " + subject + " is one of them and"
        + " starts no labelled branch, and neither does another one. "
        + (permissive
            ? "Allowed because -A" + PERMISSIVE_OPTION + "=true."
            : "Fix: make it revise the revision it follows, or, if it starts an independent"
                + " branch, give it branchLabels (as `" + command + " create --head base"
                + " --branch-label NAME` does; one base, the trunk's, may stay unlabelled), or"
                + " allow several bases with -A" + PERMISSIVE_OPTION + "=true.");
  }

  // ---- messages ----

  public static String invalidMessage(String subject, String reason) {
    return INVALID_MESSAGE + " The message of " + subject + " " + reason + ". history, show and"
        + " the audit trail print a message as one line of at most " + MAX_MESSAGE_LENGTH
        + " characters. Fix: write one line without control characters, and put any longer"
        + " explanation in the class's javadoc.";
  }

  public static String containsLineBreak(char character) {
    return "contains a line break (U+" + hex(character) + "), which would print as a line of its"
        + " own";
  }

  public static String containsControlCharacter(char character) {
    return "contains the control character U+" + hex(character) + ", which terminals act on"
        + " instead of printing it";
  }

  public static String invalidIrreversibleReason(String subject, String reason) {
    return INVALID_IRREVERSIBLE_REASON + " The @Irreversible reason of " + subject + " " + reason
        + ". Retort prints the reason within one line, as a refused downgrade and show do. Fix: say in one line,"
        + " without control characters, why the revision cannot be undone, and put any longer"
        + " explanation in the class's javadoc.";
  }

  public static String saysNothing() {
    return "says nothing (it is empty, or only spaces and invisible characters)";
  }

  public static String messageTooLong(int length) {
    return "has " + length + " characters, more than the " + MAX_MESSAGE_LENGTH
        + " the history table's message column holds";
  }

  // ---- options ----

  public static String invalidCommandOption(String value) {
    return INVALID_OPTION + " -A" + COMMAND_OPTION + "=" + value.replaceAll("\\R", "\\\\n")
        + " contains a line break or a control character. Fix: pass the command as it is typed,"
        + " such as -A" + COMMAND_OPTION + "=scripts/db_migrate.";
  }

  // ---- branch labels ----

  public static String duplicateBranchLabel(String subject, String label, List<String> others) {
    return DUPLICATE_BRANCH_LABEL + " Branch label " + quote(label) + " is declared by "
        + subject + (others.isEmpty() ? " more than once" : " and by " + String.join(", ", others))
        + ". A label names exactly one branch: rename one of them.";
  }

  public static String branchLabelIsRevisionId(String subject, String label, String revision) {
    return BRANCH_LABEL_IS_REVISION_ID + " Branch label " + quote(label) + " of " + subject
        + " is also the id of revision " + revision + ", so the target " + quote(label)
        + " would be ambiguous. Fix: rename the label.";
  }

  // ---- the migration class ----

  public static String notAClass(String className) {
    return INVALID_MIGRATION_CLASS + " @Revision is on " + className + ", which is not a class."
        + " Fix: put @Revision on a public class that implements dev.retort.runtime.Migration.";
  }

  public static String notPublic(String className) {
    return INVALID_MIGRATION_CLASS + " " + className + " must be public, so the generated"
        + " registry can create it. Fix: declare it public.";
  }

  public static String isAbstract(String className) {
    return INVALID_MIGRATION_CLASS + " " + className + " is abstract, so the registry could not"
        + " create it. Fix: make it concrete, or move @Revision to a concrete subclass.";
  }

  public static String isInnerClass(String className) {
    return INVALID_MIGRATION_CLASS + " " + className + " is an inner class, which needs an"
        + " enclosing instance. Fix: declare it static, or make it a top-level class.";
  }

  public static String enclosingNotPublic(String className, String enclosing) {
    return INVALID_MIGRATION_CLASS + " " + className + " is nested in " + enclosing
        + ", which is not public, so the registry could not reach it. Fix: make " + enclosing
        + " public, or make " + className + " a top-level class.";
  }

  /**
   * The registry and the marker record a class by its binary name, in which {@code $} separates
   * a nested class from the class it is nested in.
   */
  public static String dollarInClassName(String className, String simpleName) {
    return INVALID_MIGRATION_CLASS + " " + className + " is named with a '$' (" + simpleName
        + "), which the registry would read as a nested class. Fix: rename " + simpleName
        + " without '$', which javac keeps for nested and generated classes.";
  }

  public static String noPublicNoArgConstructor(String className) {
    return INVALID_MIGRATION_CLASS + " " + className + " has no public constructor without"
        + " parameters, so the registry could not create it. Fix: add one (a migration gets"
        + " everything it needs from the DSLContext passed to upgrade and downgrade).";
  }

  public static String notAMigration(String className, String migrationInterface) {
    return INVALID_MIGRATION_CLASS + " " + className + " does not implement "
        + migrationInterface + ". Fix: add `implements Migration` and its upgrade and downgrade"
        + " methods.";
  }

  public static String runtimeMissing(String migrationInterface) {
    return INVALID_MIGRATION_CLASS + " " + migrationInterface + " is not on the compile"
        + " classpath. Fix: add the dependency dev.retort:retort-runtime.";
  }

  public static String missingDowngrade(String className) {
    return MISSING_DOWNGRADE + " " + className + " does not implement downgrade(DSLContext)."
        + " Fix: write the downgrade that undoes upgrade, or, if it truly cannot be undone,"
        + " annotate the class @Irreversible(\"why\") so a downgrade through it is refused.";
  }

  public static String irreversibleWithDowngrade(String className) {
    return IRREVERSIBLE_WITH_DOWNGRADE + " " + className + " is @Irreversible but implements"
        + " downgrade(DSLContext), which would never run. Fix: remove one of the two.";
  }

  // ---- the registry ----

  public static String noCommonPackage(List<String> packages) {
    return REGISTRY_LOCATION + " The revisions of this compilation share no package ("
        + String.join(", ", packages) + "), so there is no default place for the registry."
        + " Fix: pass -A" + REGISTRY_OPTION + "=com.example.db.Revisions, or annotate one"
        + " package-info.java with @RegistryName(\"Revisions\").";
  }

  public static String revisionInUnnamedPackage(String registry, String revision) {
    return REGISTRY_LOCATION + " " + revision + " is in the unnamed package, which " + registry
        + " cannot name: a class in a named package cannot use one in the unnamed package."
        + " Fix: move the migration into a package, or put the registry in the unnamed package"
        + " with -A" + REGISTRY_OPTION + "=" + registry.substring(registry.lastIndexOf('.') + 1)
        + ".";
  }

  public static String invalidRegistryOption(String value) {
    return REGISTRY_LOCATION + " -A" + REGISTRY_OPTION + "=" + value + " is not a qualified"
        + " class name. Fix: pass a name such as com.example.db.Revisions.";
  }

  public static String invalidRegistryName(String value) {
    return REGISTRY_LOCATION + " @RegistryName(" + quote(value) + ") is not a simple class"
        + " name. Fix: use a Java identifier such as \"Revisions\".";
  }

  public static String registryNameTaken(String registry) {
    return REGISTRY_LOCATION + " " + registry + " is a class of this compilation, so the registry"
        + " cannot take its name. Fix: rename that class, or name the registry with -A"
        + REGISTRY_OPTION + "=pkg.Name or @RegistryName(\"...\") on a package-info.java.";
  }

  public static String registryOfAnotherModule(String registry, List<String> itsRevisions) {
    String named = itsRevisions.isEmpty() ? "" : " (" + itsRevisions.get(0)
        + (itsRevisions.size() > 1 ? " and " + (itsRevisions.size() - 1) + " more" : "") + ")";
    return REGISTRY_LOCATION + " " + registry + " is already the registry of the revisions on"
        + " the classpath" + named + ", which another module compiled; this compilation would"
        + " write a second class of that name, and one would hide the other. Fix: give this"
        + " compilation's registry a name of its own with -A" + REGISTRY_OPTION + "=pkg.Name, or"
        + " with @RegistryName(\"...\") on one of its package-info.java files.";
  }

  public static String severalRegistryNames(List<String> packages) {
    return REGISTRY_LOCATION + " @RegistryName appears on several packages ("
        + String.join(", ", packages) + "), but a compilation has one registry. Fix: keep it"
        + " on one package.";
  }

  public static String lateRevision(String className, String registry) {
    return LATE_REVISION + " " + className + " was generated by another annotation processor"
        + " after " + registry + " had been written, so it is not in the registry. Fix: write"
        + " migrations by hand, or generate them in the first round of processing.";
  }

  public static String staleMarker(String markerClass, String location) {
    return STALE_MARKER + " " + markerClass + " (" + location + ") records revisions compiled"
        + " by another version of Retort's processor, in a form this one cannot read, so the"
        + " revision graph was not checked. Fix: rebuild the jar or module that contains "
        + markerClass + " with this version of Retort.";
  }

  public static String noChecksum(String className) {
    return NO_CHECKSUM + " " + className + " has no source tree in this compilation (it was"
        + " read from a class file, or the compiler offers no trees), so it gets no checksum and"
        + " an edit after it was applied cannot be detected. Fix: compile the migration from its"
        + " source with javac.";
  }

  public static String unresolvedValue(String member, String element) {
    return UNRESOLVED_VALUE + " " + member + " of " + element + " does not compile, so the"
        + " revision graph was not checked and no registry was written. Fix the error javac"
        + " reports for it; the next build checks the graph.";
  }

  public static String internalError(String trace) {
    return INTERNAL_ERROR + " Retort's processor failed; please report this with the trace:\n"
        + trace;
  }

  private static String hex(char character) {
    return String.format("%04X", (int) character);
  }

  private static String quote(String value) {
    return "'" + value + "'";
  }

  private static String quotedList(List<String> values) {
    return values.stream().map(value -> "\"" + value + "\"").collect(Collectors.joining(", "));
  }
}

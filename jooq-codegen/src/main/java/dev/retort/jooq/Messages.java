package dev.retort.jooq;

import java.util.Collection;
import java.util.List;

/** Every message of the code generation's database. */
final class Messages {

  private Messages() {}

  static String unsupportedDialect(String dialect, Collection<String> supported) {
    return "No in-memory H2 mode for dialect " + dialect + "; set the database property dialect"
        + " to one of " + List.copyOf(supported);
  }

  static String unknownDialect(String dialect, Collection<String> supported) {
    return "Unknown dialect " + dialect + " in the database property dialect; use one of "
        + List.copyOf(supported);
  }

  static String unknownNameQuoting(String value, List<?> choices) {
    return "The database property nameQuoting is " + value + "; use one of " + choices
        + ", as the production database's RetortSettings";
  }

  static String notABoolean(String property, String value) {
    return "The database property " + property + " is " + value + "; use true or false";
  }

  static String noRegistry() {
    return "No Retort registry on the code generator's classpath: add the module with the"
        + " @Revision classes (compiled with retort-processor) as a <dependency> of"
        + " jooq-codegen-maven, next to retort-jooq-codegen";
  }

  static String noSuchRegistry(String className, List<String> found) {
    return "No registry " + className + " on the code generator's classpath; found " + found
        + ". Fix the database property registry";
  }

  static String migrationFailed(String id, String className, String dialect, String problem) {
    return "Revision " + id + " (" + className + ") cannot run in the in-memory H2 database that"
        + " imitates " + dialect + ": " + problem + ". Write the statement H2 lacks in a branch"
        + " on db.dialect() (H2 here), or generate jOOQ's classes from a real database";
  }

  static String cannotApply(String problem) {
    return "Cannot apply the migrations to the in-memory H2 database: " + problem;
  }
}

package dev.retort.annotations.internal;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/**
 * What one compilation records about each of its revisions so that a later compilation can see
 * them on the classpath: the processor writes a small marker class per revision in the package
 * {@value #PACKAGE}, annotated with this, and reads every marker of that package back when it
 * validates the revision graph. This is how a chain that spans modules, or an incremental build
 * that recompiles one migration, is validated as a whole.
 *
 * <p>Generated code only; not an API.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AggregatedRevision {

  /** The package that holds every marker class. */
  String PACKAGE = "dev.retort.aggregated";

  /** The fully qualified binary name of the migration class. */
  String className();

  String id();

  String[] revises();

  String[] dependsOn();

  String[] branchLabels();

  String message();

  boolean transactional();

  /** Empty when the migration implements {@code downgrade}; otherwise why it cannot. */
  String irreversibleReason();

  /** The checksum of the migration's source, computed where it was compiled. */
  String checksum();
}

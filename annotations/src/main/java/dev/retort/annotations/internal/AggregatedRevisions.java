package dev.retort.annotations.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What one compilation records about its revisions so that later compilations can see them on
 * the classpath: the processor writes one marker class per registry in the package
 * {@value #PACKAGE}, annotated with this, and reads every marker of that package back when it
 * validates the revision graph. This is how a chain that spans modules, or an incremental build
 * that recompiles one migration, is validated as a whole.
 *
 * <p>One marker per compilation rather than one per revision: javac checks every new file against
 * every file created before it, so thousands of markers would make the build quadratic.
 *
 * <p>Generated code only; not an API.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AggregatedRevisions {

  /** The package that holds every marker class. */
  String PACKAGE = "dev.retort.aggregated";

  /** The qualified name of the registry that was generated together with the marker. */
  String registry();

  /**
   * The revisions' records in the processor's own format ({@link RevisionRecords}), concatenated
   * into as few strings as a class file's string constants allow.
   */
  String[] revisions();
}

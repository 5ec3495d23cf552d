/**
 * JUnit 5 checks of a project's migrations: {@link dev.retort.testing.MigrationTests}.
 */
module dev.retort.testing {
  requires transitive dev.retort.runtime;
  // The lint check (LintChecks) runs the review module's linter.
  requires dev.retort.review;
  requires transitive org.junit.jupiter.api;
  requires com.h2database;
  // H2's data source is referenceable through JNDI.
  requires java.naming;
  // Only so that javac can read the JAXB annotations on jOOQ's Settings; jOOQ runs without it.
  requires static jakarta.xml.bind;

  exports dev.retort.testing;
}

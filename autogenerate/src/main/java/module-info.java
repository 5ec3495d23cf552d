/**
 * Retort's autogenerate: {@link dev.retort.autogenerate.Autogenerate} compares the schema the
 * migrations build with the schema wanted, and {@link dev.retort.autogenerate.SchemaDiff} writes
 * the revision for the difference as jOOQ DSL.
 */
module dev.retort.autogenerate {
  requires transitive dev.retort.runtime;
  requires transitive org.jooq;
  requires com.palantir.javapoet;
  // JavaPoet's API speaks javax.lang.model (Modifier).
  requires java.compiler;
  // Only so that javac can read the JAXB annotations on jOOQ's Settings; jOOQ runs without it.
  requires static jakarta.xml.bind;

  exports dev.retort.autogenerate;
}

/**
 * Retort's runtime: the {@link dev.retort.runtime.Migration} contract, the registry types the
 * generated code builds on, {@link dev.retort.runtime.Retort}, which applies revisions, and the
 * catalogue of its messages. Everything under {@code dev.retort.runtime.internal} is Retort's own
 * and not exported.
 */
module dev.retort.runtime {
  requires transitive dev.retort.annotations;
  requires transitive java.sql;
  requires transitive org.jooq;
  requires java.management;
  requires org.slf4j;
  // Only so that javac can read the JAXB annotations on jOOQ's Settings; jOOQ runs without it.
  requires static jakarta.xml.bind;

  exports dev.retort.runtime;
  exports dev.retort.runtime.messages;

  uses dev.retort.runtime.RevisionRegistry;
  // UrlDataSource finds JDBC drivers that only a class loader it is given can see.
  uses java.sql.Driver;
}

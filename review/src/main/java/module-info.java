/**
 * Code review of migrations without a database: {@link dev.retort.review.Review}, its reports,
 * the dialect families the rules are written for ({@link dev.retort.review.Dialects}), and the
 * catalogue of what they say. The linter ({@code dev.retort.review.lint}) and the schema model it
 * judges against ({@code dev.retort.review.schema}) are public only for this module's own
 * packages, and not exported.
 */
module dev.retort.review {
  requires transitive dev.retort.annotations;
  requires transitive dev.retort.runtime;
  requires transitive org.jooq;
  // Only so that javac can read the JAXB annotations on jOOQ's Settings; jOOQ runs without it.
  requires static jakarta.xml.bind;

  exports dev.retort.review;
  exports dev.retort.review.messages;
}

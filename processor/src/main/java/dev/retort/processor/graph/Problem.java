package dev.retort.processor.graph;

import dev.retort.annotations.Irreversible;
import dev.retort.annotations.Revision;
import java.lang.annotation.Annotation;

/**
 * One finding of a graph check, attached to the revision it should be reported on.
 *
 * @param subject the revision whose annotation the diagnostic points at
 * @param attribute the annotation member at fault, so the diagnostic can point at its value
 * @param value the offending element of that member (an id or label), or {@code null} for the
 *     member as a whole
 * @param occurrence which copy of {@code value} in the member is at fault, counting from 0: a
 *     repeated id is reported at its repeat, not at the first copy
 */
public record Problem(
    Severity severity,
    RevisionNode subject,
    Attribute attribute,
    String value,
    int occurrence,
    String message) {

  /** How bad a finding is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** The annotation member a finding is about: one of {@code @Revision}'s, or the reason. */
  public enum Attribute {
    ID(Revision.class, "id"),
    REVISES(Revision.class, "revises"),
    DEPENDS_ON(Revision.class, "dependsOn"),
    BRANCH_LABELS(Revision.class, "branchLabels"),
    MESSAGE(Revision.class, "message"),
    IRREVERSIBLE_REASON(Irreversible.class, "value"),
    NONE(Revision.class, null);

    private final Class<? extends Annotation> annotation;
    private final String memberName;

    Attribute(Class<? extends Annotation> annotation, String memberName) {
      this.annotation = annotation;
      this.memberName = memberName;
    }

    /** The annotation that holds the member. */
    public Class<? extends Annotation> annotation() {
      return annotation;
    }

    /** The annotation member's name, or {@code null} for the annotation as a whole. */
    public String memberName() {
      return memberName;
    }
  }

  static Problem error(RevisionNode subject, Attribute attribute, String value, String message) {
    return new Problem(Severity.ERROR, subject, attribute, value, 0, message);
  }

  /** An error about the {@code occurrence}-th copy of {@code value} (0 is the first). */
  static Problem error(
      RevisionNode subject, Attribute attribute, String value, int occurrence, String message) {
    return new Problem(Severity.ERROR, subject, attribute, value, occurrence, message);
  }

  static Problem warning(RevisionNode subject, Attribute attribute, String value, String message) {
    return new Problem(Severity.WARNING, subject, attribute, value, 0, message);
  }
}

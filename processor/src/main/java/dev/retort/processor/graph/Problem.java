package dev.retort.processor.graph;

/**
 * One finding of a graph check, attached to the revision it should be reported on.
 *
 * @param subject the revision whose {@code @Revision} the diagnostic points at
 * @param attribute the annotation member at fault, so the diagnostic can point at its value
 * @param value the offending element of that member (an id or label), or {@code null} for the
 *     member as a whole
 */
public record Problem(
    Severity severity, RevisionNode subject, Attribute attribute, String value, String message) {

  /** How bad a finding is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** The member of {@code @Revision} a finding is about. */
  public enum Attribute {
    ID("id"),
    REVISES("revises"),
    DEPENDS_ON("dependsOn"),
    BRANCH_LABELS("branchLabels"),
    NONE(null);

    private final String memberName;

    Attribute(String memberName) {
      this.memberName = memberName;
    }

    /** The annotation member's name, or {@code null} for the annotation as a whole. */
    public String memberName() {
      return memberName;
    }
  }

  static Problem error(RevisionNode subject, Attribute attribute, String value, String message) {
    return new Problem(Severity.ERROR, subject, attribute, value, message);
  }

  static Problem warning(RevisionNode subject, Attribute attribute, String value, String message) {
    return new Problem(Severity.WARNING, subject, attribute, value, message);
  }
}

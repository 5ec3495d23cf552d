package dev.retort.spring.boot;

import dev.retort.runtime.RevisionInfo;
import java.util.List;

/** What the starter's tests look for in a failed start-up. */
public final class Failures {

  private Failures() {}

  /** The first exception of the type among the failure and its causes. */
  public static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    throw new AssertionError("No " + type.getSimpleName() + " in " + failure, failure);
  }

  /** The revisions' ids, in order. */
  public static List<String> ids(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::id).toList();
  }
}

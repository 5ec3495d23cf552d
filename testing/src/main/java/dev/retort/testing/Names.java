package dev.retort.testing;

import dev.retort.runtime.RevisionInfo;

/** How a revision is named in test names and messages: id, class, message. */
final class Names {

  private Names() {}

  static String of(RevisionInfo revision) {
    String simpleName = revision.className().substring(revision.className().lastIndexOf('.') + 1);
    return revision.id() + " (" + simpleName + ")"
        + (revision.message().isEmpty() ? "" : " " + revision.message());
  }
}

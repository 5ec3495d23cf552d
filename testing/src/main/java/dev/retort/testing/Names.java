package dev.retort.testing;

import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.messages.Messages;

/** How a revision is named in test names and messages: as the runtime names it, and its message. */
final class Names {

  private Names() {}

  static String of(RevisionInfo revision) {
    return Messages.describe(revision)
        + (revision.message().isEmpty() ? "" : " " + revision.message());
  }
}

package dev.retort.spring.boot;

import dev.retort.runtime.GeneratedRegistry;
import dev.retort.runtime.Migration;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.runtime.RevisionTable;

/**
 * A registry as the processor writes it after one revision's source was edited: the same graph
 * and migrations, and that revision with another checksum.
 */
public final class EditedRegistry extends GeneratedRegistry {

  private final RevisionRegistry original;

  private EditedRegistry(RevisionRegistry original, RevisionTable table) {
    super(table);
    this.original = original;
  }

  /** The original registry with {@code edited}'s checksum changed. */
  public static EditedRegistry of(RevisionRegistry original, RevisionInfo edited) {
    RevisionTable.Builder rows = RevisionTable.builder(original.revisions().size());
    for (RevisionInfo revision : original.revisions()) {
      rows.add(revision.id(), revision.className(), revision.message(),
          revision.id().equals(edited.id()) ? "edited-" + revision.checksum()
              : revision.checksum(),
          revision.transactional(), revision.irreversibleReason().orElse(null),
          revision.revises().toArray(String[]::new), revision.dependsOn().toArray(String[]::new),
          revision.branchLabels().toArray(String[]::new));
    }
    return new EditedRegistry(original, rows.build(
        original.heads().stream().map(RevisionInfo::id).toArray(String[]::new),
        original.bases().stream().map(RevisionInfo::id).toArray(String[]::new)));
  }

  @Override
  protected Migration newMigration(int index) {
    return original.migration(original.revisions().get(index));
  }
}

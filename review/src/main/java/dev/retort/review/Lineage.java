package dev.retort.review;

import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A revision's ancestors, by its parents and dependencies, as topological indexes of its registry:
 * which revisions {@code lint_since} leaves out, and which revisions build the schema a merge
 * starts from.
 */
final class Lineage {

  private Lineage() {}

  /** The revision and everything it needs, as indexes of the registry's topological order. */
  static BitSet withAncestors(RevisionRegistry registry, RevisionInfo revision) {
    BitSet members = new BitSet();
    List<Integer> pending = new ArrayList<>(List.of(revision.index()));
    while (!pending.isEmpty()) {
      int next = pending.remove(pending.size() - 1);
      if (members.get(next)) {
        continue;
      }
      members.set(next);
      for (int parent : registry.parentIndexes(next)) {
        pending.add(parent);
      }
      for (int dependency : registry.dependencyIndexes(next)) {
        pending.add(dependency);
      }
    }
    return members;
  }
}

package dev.retort.cli;

import dev.retort.cli.MigrationSources.Declared;
import dev.retort.runtime.GeneratedRegistry;
import dev.retort.runtime.InvalidTargetException;
import dev.retort.runtime.Migration;
import dev.retort.runtime.RevisionTable;
import dev.retort.runtime.messages.Messages;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The revisions read from migration sources, as a registry the runtime's resolver can read: in
 * topological order, with the heads and bases a compilation would find. A parent that no source
 * in the folder declares (a revision of a shared migrations jar) is outside it, so the revision
 * that names it starts a line here (and such a dependency is left out). Messages, labels and
 * dependencies are those written as string literals. Nothing in it runs: it has no migration
 * classes.
 */
final class SourceRegistry extends GeneratedRegistry {

  private SourceRegistry(RevisionTable table) {
    super(table);
  }

  /**
   * The registry of declared revisions.
   *
   * @throws InvalidTargetException if they revise each other in a cycle, so no order exists
   */
  static SourceRegistry of(List<Declared> declared, Path folder) {
    Map<String, Declared> byId = new LinkedHashMap<>();
    declared.forEach(revision -> byId.putIfAbsent(revision.id(), revision));
    Map<String, List<String>> parents = new HashMap<>();
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> after = new HashMap<>();
    for (Declared revision : byId.values()) {
      List<String> inside = revision.revises().stream().filter(byId::containsKey).distinct()
          .toList();
      parents.put(revision.id(), inside);
      // A dependency orders the table as a parent does, without being one.
      List<String> before = Stream.concat(inside.stream(),
          revision.dependsOn().stream().filter(byId::containsKey)).distinct().toList();
      waiting.put(revision.id(), before.size());
      before.forEach(parent ->
          after.computeIfAbsent(parent, id -> new ArrayList<>()).add(revision.id()));
    }
    Set<String> revised = new HashSet<>();
    parents.values().forEach(revised::addAll);
    Deque<String> ready = new ArrayDeque<>();
    byId.keySet().stream().filter(id -> waiting.get(id) == 0).forEach(ready::add);
    RevisionTable.Builder table = RevisionTable.builder(byId.size());
    Set<String> heads = new TreeSet<>();
    Set<String> bases = new TreeSet<>();
    int added = 0;
    while (!ready.isEmpty()) {
      String id = ready.removeFirst();
      Declared revision = byId.get(id);
      List<String> revises = parents.get(id);
      String[] dependsOn = revision.dependsOn().stream().filter(byId::containsKey).distinct()
          .toArray(String[]::new);
      table.add(id, revision.className(), revision.message(), "", true, null,
          revises.toArray(String[]::new), dependsOn,
          revision.branchLabels().toArray(String[]::new));
      added++;
      if (revises.isEmpty()) {
        bases.add(id);
      }
      List<String> next = after.getOrDefault(id, List.of());
      if (!revised.contains(id)) {
        heads.add(id);
      }
      for (String child : next) {
        if (waiting.merge(child, -1, Integer::sum) == 0) {
          ready.add(child);
        }
      }
    }
    if (added < byId.size()) {
      List<String> inCycle = byId.keySet().stream().filter(id -> waiting.get(id) > 0).sorted()
          .toList();
      throw new InvalidTargetException(Messages.sourcesInACycle(inCycle, folder.toString()));
    }
    return new SourceRegistry(table.build(heads.toArray(String[]::new),
        bases.toArray(String[]::new)));
  }

  @Override
  protected Migration newMigration(int index) {
    throw new UnsupportedOperationException("A registry read from sources runs nothing");
  }
}

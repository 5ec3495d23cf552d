package dev.retort.cli;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RevisionInfo;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "graph", mixinStandardHelpOptions = true,
    description = {"Print the revision graph as Graphviz dot or Mermaid.",
        "Heads are bold, and the database's current revisions are filled when a database is",
        "configured."})
final class GraphCommand implements Callable<Integer> {

  enum Format { dot, mermaid }

  @Mixin DatabaseOptions database;

  @Option(names = "--format", defaultValue = "dot", description = "dot or mermaid.")
  Format format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Config config = database.config();
    Retort retort = database.retort(config.url() == null ? "jdbc:h2:mem:" : config.url());
    Set<String> current = config.url() == null ? Set.of()
        : retort.current().stream().map(RevisionInfo::id).collect(Collectors.toSet());
    Set<String> heads = retort.heads().stream().map(RevisionInfo::id).collect(Collectors.toSet());
    StringBuilder out = new StringBuilder();
    if (format == Format.dot) {
      out.append("digraph revisions {\n  rankdir=BT;\n  node [shape=box];\n");
      for (RevisionInfo revision : retort.registry().revisions()) {
        out.append("  \"").append(revision.id()).append("\" [label=\"").append(revision.id())
            .append("\\n").append(revision.message().replace("\"", "\\\"")).append('"')
            .append(heads.contains(revision.id()) ? ", penwidth=2" : "")
            .append(current.contains(revision.id()) ? ", style=filled, fillcolor=lightblue" : "")
            .append("];\n");
        for (String parent : revision.revises()) {
          out.append("  \"").append(revision.id()).append("\" -> \"").append(parent)
              .append("\";\n");
        }
        for (String dependency : revision.dependsOn()) {
          out.append("  \"").append(revision.id()).append("\" -> \"").append(dependency)
              .append("\" [style=dashed];\n");
        }
      }
      out.append("}\n");
    } else {
      out.append("graph BT\n");
      for (RevisionInfo revision : retort.registry().revisions()) {
        String label = revision.id() + ": " + revision.message().replace("\"", "'");
        out.append("  ").append(revision.id()).append("[\"").append(label).append("\"]\n");
        for (String parent : revision.revises()) {
          out.append("  ").append(revision.id()).append(" --> ").append(parent).append('\n');
        }
        for (String dependency : revision.dependsOn()) {
          out.append("  ").append(revision.id()).append(" -.-> ").append(dependency).append('\n');
        }
      }
      heads.stream().sorted().forEach(id ->
          out.append("  style ").append(id).append(" stroke-width:3px\n"));
      current.stream().sorted().forEach(id ->
          out.append("  style ").append(id).append(" fill:#add8e6\n"));
    }
    spec.commandLine().getOut().print(out);
    return 0;
  }
}

package dev.retort.processor.writing;

import dev.retort.annotations.internal.AggregatedRevisions;
import dev.retort.processor.graph.RevisionNode;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * Writes the marker class that records a compilation's revisions for later compilations (see
 * {@link AggregatedRevisions}): an empty class in a fixed package, named after the registry.
 */
public final class MarkerWriter {

  private MarkerWriter() {}

  /** The marker's class name: one per registry, so a rebuild replaces its own marker. */
  public static ClassName markerName(ClassName registry) {
    return ClassName.of(AggregatedRevisions.PACKAGE,
        registry.binaryName().replace('.', '_').replace('$', '_'));
  }

  /**
   * The marker's source, printed as the registry is (see {@link RegistryWriter}): one annotation
   * holding the records. The annotation is named in full, since a marker may share its simple
   * name.
   *
   * @param revisions the revisions of the registry's module, sorted here by class name
   */
  public static SourceFile file(
      ClassName registry, List<RevisionNode> revisions, List<Element> originatingElements) {
    ClassName marker = markerName(registry);
    List<String> chunks = RevisionCodec.encodeChunks(revisions.stream()
        .sorted(Comparator.comparing(RevisionNode::className))
        .toList());
    StringBuilder out = new StringBuilder(chunks.stream().mapToInt(String::length).sum() + 512)
        .append("package ").append(marker.packageName()).append(";\n\n")
        .append("/**\n")
        .append(" * Records the revisions of {@code ").append(registry.canonicalName())
        .append("} for later compilations. Generated; not an API.\n")
        .append(" */\n")
        .append("@").append(AggregatedRevisions.class.getCanonicalName()).append("(\n")
        .append("    registry = ").append(StringLiterals.quoted(registry.binaryName()))
        .append(",\n")
        .append("    revisions = {\n");
    for (int i = 0; i < chunks.size(); i++) {
      out.append("        ").append(StringLiterals.quoted(chunks.get(i)))
          .append(i + 1 < chunks.size() ? ",\n" : "\n");
    }
    out.append("    }\n")
        .append(")\n")
        .append("public final class ").append(marker.simpleName()).append(" {\n")
        .append("}\n");
    return new SourceFile(marker.canonicalName(), out.toString(), originatingElements);
  }
}

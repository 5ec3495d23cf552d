package dev.retort.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.retort.annotations.internal.AggregatedRevisions;
import dev.retort.processor.graph.RevisionNode;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the marker class that records a compilation's revisions for later compilations (see
 * {@link AggregatedRevisions}): an empty class in a fixed package, named after the registry.
 */
public final class MarkerWriter {

  private MarkerWriter() {}

  /** The marker's class name: one per registry, so a rebuild replaces its own marker. */
  public static ClassName markerName(ClassName registry) {
    return ClassName.get(AggregatedRevisions.PACKAGE,
        registry.reflectionName().replace('.', '_').replace('$', '_'));
  }

  /**
   * @param revisions the revisions of the registry's module, sorted here by class name
   */
  public static JavaFile file(
      ClassName registry, List<RevisionNode> revisions, List<Element> originatingElements) {
    CodeBlock records = RevisionCodec.encodeChunks(revisions.stream()
            .sorted(Comparator.comparing(RevisionNode::className))
            .toList())
        .stream()
        .map(chunk -> CodeBlock.of("$L", StringLiterals.quoted(chunk)))
        .collect(CodeBlock.joining(",\n", "{\n", "\n}"));
    TypeSpec.Builder marker = TypeSpec.classBuilder(markerName(registry))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Records the revisions of {@code $L} for later compilations. Generated; not"
            + " an API.\n", registry)
        .addAnnotation(AnnotationSpec.builder(AggregatedRevisions.class)
            .addMember("registry", "$S", registry.reflectionName())
            .addMember("revisions", "$L", records)
            .build());
    originatingElements.forEach(marker::addOriginatingElement);
    return JavaFile.builder(AggregatedRevisions.PACKAGE, marker.build()).indent("  ").build();
  }
}

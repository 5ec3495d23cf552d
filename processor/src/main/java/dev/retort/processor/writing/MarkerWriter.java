package dev.retort.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.retort.annotations.internal.AggregatedRevision;
import dev.retort.processor.graph.RevisionNode;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the marker class that records one revision for later compilations (see {@link
 * AggregatedRevision}): an empty class in a fixed package whose annotation holds the revision.
 */
public final class MarkerWriter {

  private MarkerWriter() {}

  /** The marker's class name, derived from the migration's so that each has exactly one. */
  public static ClassName markerName(String migrationBinaryName) {
    return ClassName.get(AggregatedRevision.PACKAGE,
        migrationBinaryName.replace('.', '_').replace('$', '_'));
  }

  public static JavaFile file(RevisionNode revision, Element originatingElement) {
    AnnotationSpec.Builder annotation = AnnotationSpec.builder(AggregatedRevision.class)
        .addMember("className", "$S", revision.className())
        .addMember("id", "$S", revision.id())
        .addMember("revises", "$L", array(revision.revises()))
        .addMember("dependsOn", "$L", array(revision.dependsOn()))
        .addMember("branchLabels", "$L", array(revision.branchLabels()))
        .addMember("message", "$S", revision.message())
        .addMember("transactional", "$L", revision.transactional())
        .addMember("irreversibleReason", "$S",
            revision.irreversibleReason() == null ? "" : revision.irreversibleReason())
        .addMember("checksum", "$S", revision.checksum());
    TypeSpec marker = TypeSpec.classBuilder(markerName(revision.className()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Records revision $L for later compilations. Generated; not an API.\n",
            revision.id())
        .addAnnotation(annotation.build())
        .addOriginatingElement(originatingElement)
        .build();
    return JavaFile.builder(AggregatedRevision.PACKAGE, marker).indent("  ").build();
  }

  private static CodeBlock array(List<String> values) {
    return CodeBlock.of("{$L}",
        values.stream().map(value -> CodeBlock.of("$S", value)).collect(CodeBlock.joining(", ")));
  }
}

package dev.retort.processor;

import dev.retort.annotations.internal.AggregatedRevision;
import dev.retort.processor.graph.RevisionNode;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads the revisions that earlier compilations recorded on the classpath (and, since the markers
 * of this compilation are written before the graph is checked, this compilation's as well).
 */
final class MarkerReader {

  private final Elements elements;

  MarkerReader(Elements elements) {
    this.elements = elements;
  }

  List<RevisionNode> read() {
    PackageElement markers = elements.getPackageElement(AggregatedRevision.PACKAGE);
    if (markers == null) {
      return List.of();
    }
    List<RevisionNode> revisions = new ArrayList<>();
    for (TypeElement marker : ElementFilter.typesIn(markers.getEnclosedElements())) {
      AggregatedRevision recorded = marker.getAnnotation(AggregatedRevision.class);
      if (recorded != null) {
        revisions.add(new RevisionNode(
            recorded.className(),
            recorded.id(),
            List.of(recorded.revises()),
            List.of(recorded.dependsOn()),
            List.of(recorded.branchLabels()),
            recorded.message(),
            recorded.transactional(),
            recorded.irreversibleReason().isEmpty() ? null : recorded.irreversibleReason(),
            recorded.checksum(),
            false));
      }
    }
    return revisions;
  }
}

package dev.retort.processor;

import dev.retort.annotations.internal.AggregatedRevisions;
import dev.retort.processor.graph.RevisionNode;
import dev.retort.processor.writing.RevisionCodec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Reads the revisions that earlier compilations recorded in markers on the classpath. */
final class MarkerReader {

  /** One marker: the registry it was written with, and the revisions of that registry's module. */
  record Marker(String registry, List<RevisionNode> revisions) {}

  private final Elements elements;

  MarkerReader(Elements elements) {
    this.elements = elements;
  }

  List<Marker> read() {
    PackageElement markers = elements.getPackageElement(AggregatedRevisions.PACKAGE);
    if (markers == null) {
      return List.of();
    }
    List<Marker> found = new ArrayList<>();
    for (TypeElement marker : ElementFilter.typesIn(markers.getEnclosedElements())) {
      AggregatedRevisions recorded = marker.getAnnotation(AggregatedRevisions.class);
      if (recorded != null) {
        List<RevisionNode> revisions = new ArrayList<>(recorded.revisions().length);
        for (String record : recorded.revisions()) {
          revisions.add(RevisionCodec.decode(record));
        }
        found.add(new Marker(recorded.registry(), revisions));
      }
    }
    return found;
  }
}

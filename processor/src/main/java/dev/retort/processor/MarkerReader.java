package dev.retort.processor;

import dev.retort.annotations.internal.AggregatedRevisions;
import dev.retort.processor.graph.RevisionNode;
import dev.retort.processor.writing.RevisionCodec;
import java.lang.annotation.AnnotationTypeMismatchException;
import java.lang.annotation.IncompleteAnnotationException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Reads the revisions that earlier compilations recorded in markers on the classpath. */
final class MarkerReader {

  /**
   * One marker: the registry it was written with, and the revisions of that registry's module.
   *
   * @param className the marker class's qualified name
   */
  record Marker(String className, String registry, List<RevisionNode> revisions) {}

  /**
   * The markers on the classpath.
   *
   * @param unreadable the qualified names of markers this processor cannot read: written by
   *     another version of it
   */
  record Markers(List<Marker> readable, List<String> unreadable) {}

  private final Elements elements;

  MarkerReader(Elements elements) {
    this.elements = elements;
  }

  Markers read() {
    PackageElement markers = elements.getPackageElement(AggregatedRevisions.PACKAGE);
    if (markers == null) {
      return new Markers(List.of(), List.of());
    }
    List<Marker> found = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (TypeElement marker : ElementFilter.typesIn(markers.getEnclosedElements())) {
      AggregatedRevisions recorded = marker.getAnnotation(AggregatedRevisions.class);
      if (recorded == null) {
        continue;
      }
      String className = marker.getQualifiedName().toString();
      try {
        List<RevisionNode> revisions = new ArrayList<>();
        for (String records : recorded.revisions()) {
          revisions.addAll(RevisionCodec.decode(records));
        }
        found.add(new Marker(className, recorded.registry(), revisions));
      } catch (IllegalArgumentException | IncompleteAnnotationException
          | AnnotationTypeMismatchException otherVersion) {
        // A record in another format, or an annotation with other members: either way a marker
        // that another version of the processor wrote.
        unreadable.add(className);
      }
    }
    return new Markers(found, unreadable);
  }
}

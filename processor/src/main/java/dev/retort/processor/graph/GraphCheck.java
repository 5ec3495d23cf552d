package dev.retort.processor.graph;

import java.util.List;

/** One rule of the revision graph, checked on the plain model. */
interface GraphCheck {

  List<Problem> check(RevisionGraph graph);
}

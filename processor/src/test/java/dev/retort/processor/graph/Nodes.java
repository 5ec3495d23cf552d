package dev.retort.processor.graph;

import java.util.List;

/** Revision nodes for graph tests, written as briefly as the graphs they form. */
final class Nodes {

  private Nodes() {}

  /** A local revision {@code id} in class {@code com.example.Rev_<id>} that revises {@code parents}. */
  static RevisionNode node(String id, String... parents) {
    return new RevisionNode("com.example.Rev_" + id, id, List.of(parents), List.of(), List.of(),
        "", true, null, "", true);
  }

  static RevisionNode labelled(String id, List<String> labels, String... parents) {
    return new RevisionNode("com.example.Rev_" + id, id, List.of(parents), List.of(), labels,
        "", true, null, "", true);
  }

  static RevisionNode dependent(String id, List<String> dependsOn, String... parents) {
    return new RevisionNode("com.example.Rev_" + id, id, List.of(parents), dependsOn, List.of(),
        "", true, null, "", true);
  }

  static RevisionNode withMessage(String id, String message, String... parents) {
    return new RevisionNode("com.example.Rev_" + id, id, List.of(parents), List.of(), List.of(),
        message, true, null, "", true);
  }

  static RevisionNode irreversible(String id, String reason, String... parents) {
    return new RevisionNode("com.example.Rev_" + id, id, List.of(parents), List.of(), List.of(),
        "", true, reason, "", true);
  }

  static RevisionNode inClass(String className, String id, String... parents) {
    return new RevisionNode(className, id, List.of(parents), List.of(), List.of(),
        "", true, null, "", true);
  }

  static RevisionGraph graph(RevisionNode... nodes) {
    return RevisionGraph.of(List.of(nodes));
  }

  static List<String> ids(List<RevisionNode> nodes) {
    return nodes.stream().map(RevisionNode::id).toList();
  }
}

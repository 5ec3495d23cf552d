package dev.retort.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.retort.processor.messages.Messages;
import dev.retort.runtime.RevisionInfo;
import dev.retort.runtime.RevisionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Random revision graphs, compiled through the real processor. A valid graph (branches merged
 * back, merges of several parents, cross-branch dependencies, labels) must compile, and its
 * registry must list every revision once, each after its parents and dependencies. A graph with
 * one injected defect must fail with that defect's tag, on the class that carries it. No graph
 * may make the processor crash. Each case is a test of its own, named with its seed, so a
 * failure can be rerun alone: {@code GraphFuzzTest.graph(seed)} rebuilds it.
 *
 * <p>The class is most of this module's test time, and a class runs in one JVM: its two
 * factories run at once, on two threads, so the second core does not sit idle while it runs.
 * Each compilation has a compiler and a processor of its own; the counts are synchronized.
 */
@Execution(ExecutionMode.CONCURRENT)
class GraphFuzzTest {

  private static final long FIRST_SEED = 20261124L;
  private static final int VALID_GRAPHS = 400;
  private static final int GRAPHS_PER_DEFECT = 70;

  private static final Map<String, AtomicInteger> CASES = new LinkedHashMap<>();
  private static final long STARTED = System.nanoTime();

  /** A defect injected into a valid graph, and the tag its error must carry. */
  enum Defect {
    DUPLICATE_ID(Messages.DUPLICATE_ID),
    UNKNOWN_PARENT(Messages.UNKNOWN_PARENT),
    UNKNOWN_DEPENDENCY(Messages.UNKNOWN_DEPENDENCY),
    CYCLE(Messages.CYCLE),
    SECOND_HEAD(Messages.MULTIPLE_HEADS),
    SECOND_BASE(Messages.MULTIPLE_BASES),
    INVALID_ID(Messages.INVALID_ID),
    DUPLICATE_LABEL(Messages.DUPLICATE_BRANCH_LABEL),
    LABEL_IS_AN_ID(Messages.BRANCH_LABEL_IS_REVISION_ID);

    final String tag;

    Defect(String tag) {
      this.tag = tag;
    }
  }

  /** One revision of a generated graph. */
  static final class Node {
    final String className;
    String id;
    final List<String> revises = new ArrayList<>();
    final List<String> dependsOn = new ArrayList<>();
    final List<String> labels = new ArrayList<>();

    Node(String className, String id) {
      this.className = className;
      this.id = id;
    }

    String annotation() {
      StringBuilder text = new StringBuilder("@Revision(id = \"").append(escape(id)).append('"');
      append(text, "revises", revises);
      append(text, "dependsOn", dependsOn);
      append(text, "branchLabels", labels);
      return text.append(", message = \"").append(className).append("\")").toString();
    }

    private static void append(StringBuilder text, String member, List<String> values) {
      if (!values.isEmpty()) {
        text.append(", ").append(member).append(" = {")
            .append(values.stream().map(v -> '"' + escape(v) + '"')
                .collect(Collectors.joining(", ")))
            .append('}');
      }
    }

    private static String escape(String value) {
      return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
  }

  /** A generated graph: its revisions in creation order, and what is expected of it. */
  record Graph(long seed, List<Node> nodes, Defect defect, String blamedClass) {

    String describe() {
      return "seed " + seed + (defect == null ? ", valid" : ", " + defect) + ":\n"
          + nodes.stream().map(node -> "  " + node.className + " " + node.annotation())
              .collect(Collectors.joining("\n"));
    }

    JavaFileObject[] sources() {
      return nodes.stream()
          .map(node -> Sources.migration("fuzz.db." + node.className, node.annotation()))
          .toArray(JavaFileObject[]::new);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyValidGraph_compiles_andItsRegistryIsInTopologicalOrder() {
    return IntStream.range(0, VALID_GRAPHS).mapToObj(i -> {
      long seed = FIRST_SEED + i;
      return DynamicTest.dynamicTest("valid graph, seed " + seed, () -> checkValid(graph(seed,
          null)));
    });
  }

  @TestFactory
  Stream<DynamicTest> everyMalformedGraph_failsWithItsTag_onTheClassThatCarriesTheDefect() {
    return Stream.of(Defect.values()).flatMap(defect -> IntStream.range(0, GRAPHS_PER_DEFECT)
        .mapToObj(i -> {
          long seed = FIRST_SEED + 1_000_000L * (defect.ordinal() + 1) + i;
          return DynamicTest.dynamicTest(defect + ", seed " + seed,
              () -> checkMalformed(graph(seed, defect)));
        }));
  }

  private static void checkValid(Graph graph) throws Exception {
    Compilation compilation = Sources.compile(graph.sources());
    assertNoCrash(graph, compilation);
    assertWithMessage("%s\n%s", graph.describe(), compilation.diagnostics())
        .that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
    RevisionRegistry registry =
        RegistryGenerationTest.registryOf(compilation, "fuzz.db.Revisions");
    List<String> order = registry.revisions().stream().map(RevisionInfo::id).toList();
    assertWithMessage(graph.describe()).that(order).containsExactlyElementsIn(
        graph.nodes().stream().map(node -> node.id).toList());
    Set<String> seen = new HashSet<>();
    for (RevisionInfo revision : registry.revisions()) {
      assertWithMessage("%s\n%s comes before its parents or dependencies in %s",
          graph.describe(), revision.id(), order)
          .that(seen).containsAtLeastElementsIn(
              Stream.concat(revision.revises().stream(), revision.dependsOn().stream())
                  .toList());
      seen.add(revision.id());
    }
    Node head = graph.nodes().get(graph.nodes().size() - 1);
    assertWithMessage(graph.describe())
        .that(registry.heads().stream().map(RevisionInfo::id).toList())
        .containsExactly(head.id);
    count("valid");
  }

  private static void checkMalformed(Graph graph) {
    Compilation compilation = Sources.compile(graph.sources());
    assertNoCrash(graph, compilation);
    assertWithMessage("%s\n%s", graph.describe(), compilation.diagnostics())
        .that(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
    String blamedFile = "fuzz/db/" + graph.blamedClass() + ".java";
    boolean blamed = compilation.errors().stream().anyMatch(error ->
        error.getMessage(Locale.ROOT).contains(graph.defect().tag)
            && error.getSource() != null
            && error.getSource().toUri().getPath().endsWith(blamedFile));
    assertWithMessage("%s\nexpected an error tagged %s in %s, got:\n%s", graph.describe(),
        graph.defect().tag, blamedFile, compilation.errors().stream()
            .map(error -> (error.getSource() == null ? "?" : error.getSource().getName()) + ": "
                + error.getMessage(Locale.ROOT))
            .collect(Collectors.joining("\n")))
        .that(blamed).isTrue();
    count(graph.defect().name());
  }

  /** The processor reports problems as diagnostics; an exception reaching javac is a crash. */
  private static void assertNoCrash(Graph graph, Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      String message = diagnostic.getMessage(Locale.ROOT);
      assertWithMessage("%s\nthe processor crashed: %s", graph.describe(), message)
          .that(message.contains(Messages.INTERNAL_ERROR)
              || message.contains("An exception has occurred")
              || message.contains("\tat ")).isFalse();
    }
  }

  /**
   * The graph a seed generates: valid, or with one defect. Valid graphs grow from one base by
   * extending a head, branching from an earlier revision, or merging heads, and end with every
   * head merged into one; some revisions depend on earlier ones or carry a branch label.
   */
  static Graph graph(long seed, Defect defect) {
    Random random = new Random(seed);
    int size = 3 + random.nextInt(10);
    List<Node> nodes = new ArrayList<>();
    List<Node> heads = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Node base = new Node("Rev0", newId(random, ids));
    nodes.add(base);
    heads.add(base);
    while (nodes.size() < size - 1) {
      Node node = new Node("Rev" + nodes.size(), newId(random, ids));
      int action = random.nextInt(10);
      if (action < 2 && nodes.size() > 1) {
        Node from = nodes.get(random.nextInt(nodes.size()));
        node.revises.add(from.id);
        heads.remove(from);
      } else if (action < 4 && heads.size() > 1) {
        List<Node> merged = new ArrayList<>(heads);
        java.util.Collections.shuffle(merged, random);
        merged = merged.subList(0, 2 + random.nextInt(Math.min(2, merged.size() - 1)));
        merged.forEach(parent -> node.revises.add(parent.id));
        heads.removeAll(merged);
      } else {
        Node from = heads.get(random.nextInt(heads.size()));
        node.revises.add(from.id);
        heads.remove(from);
      }
      if (random.nextInt(5) == 0 && nodes.size() > 2) {
        Node earlier = nodes.get(random.nextInt(nodes.size() - 1));
        if (!node.revises.contains(earlier.id)) {
          node.dependsOn.add(earlier.id);
        }
      }
      if (random.nextInt(6) == 0) {
        node.labels.add("label" + nodes.size());
      }
      nodes.add(node);
      heads.add(node);
    }
    Node last = new Node("Rev" + nodes.size(), newId(random, ids));
    heads.forEach(head -> last.revises.add(head.id));
    nodes.add(last);
    if (defect == null) {
      return new Graph(seed, nodes, null, null);
    }
    String blamed = inject(defect, nodes, random, ids);
    return new Graph(seed, nodes, defect, blamed);
  }

  /** Injects the defect and returns the class its error must point at. */
  private static String inject(Defect defect, List<Node> nodes, Random random, Set<String> ids) {
    Node head = nodes.get(nodes.size() - 1);
    Node other = nodes.get(random.nextInt(nodes.size() - 1));
    switch (defect) {
      case DUPLICATE_ID -> {
        // The head: nothing revises it, so its old id leaves no dangling reference behind.
        head.id = other.id;
        return head.className;
      }
      case UNKNOWN_PARENT -> {
        other.revises.add(newId(random, ids));
        return other.className;
      }
      case UNKNOWN_DEPENDENCY -> {
        other.dependsOn.add(newId(random, ids));
        return other.className;
      }
      case CYCLE -> {
        // An earlier revision that also revises the head closes a loop through its descendants.
        other.revises.add(head.id);
        return other.className;
      }
      case SECOND_HEAD -> {
        // Unlabelled: heads on branches with labels of their own are allowed, as in Alembic.
        nodes.forEach(node -> node.labels.clear());
        Node extra = new Node("Rev" + nodes.size(), newId(random, ids));
        extra.revises.add(other.id);
        nodes.add(extra);
        return extra.className;
      }
      case SECOND_BASE -> {
        // Unlabelled, for the same reason: a labelled second base starts a branch of its own.
        nodes.forEach(node -> node.labels.clear());
        Node base = new Node("Rev" + nodes.size(), newId(random, ids));
        nodes.add(base);
        head.revises.add(base.id);
        return base.className;
      }
      case INVALID_ID -> {
        String[] invalid = {"has space", "a@b", "x-1", "plus+1", "c:d", "head", "base", "",
            "é" + head.id.substring(1), "a".repeat(40), "semi;colon", "quo\"te",
            "back\\slash", "tab\there"};
        head.id = invalid[random.nextInt(invalid.length)];
        return head.className;
      }
      case DUPLICATE_LABEL -> {
        Node second = nodes.get(random.nextInt(nodes.size()));
        while (second == other) {
          second = nodes.get(random.nextInt(nodes.size()));
        }
        other.labels.add("shared");
        second.labels.add("shared");
        return other.className;
      }
      case LABEL_IS_AN_ID -> {
        Node named = nodes.get(random.nextInt(nodes.size()));
        other.labels.add(named.id);
        return other.className;
      }
      default -> throw new AssertionError(defect);
    }
  }

  /** A fresh id in the shape `retort create` writes: twelve hex digits. */
  private static String newId(Random random, Set<String> ids) {
    String id;
    do {
      id = String.format(Locale.ROOT, "%012x", random.nextLong() & 0xffffffffffffL);
    } while (!ids.add(id));
    return id;
  }

  private static void count(String kind) {
    synchronized (CASES) {
      CASES.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  /** The figures RELIABILITY.md quotes. */
  @AfterAll
  static void writeSummary() throws IOException {
    int total = CASES.values().stream().mapToInt(AtomicInteger::get).sum();
    String summary = "graphs that passed, each compiled through the processor: " + total + " ("
        + CASES.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "))
        + "); time: " + (System.nanoTime() - STARTED) / 1_000_000_000 + " s\n";
    System.out.print(summary);
    Path file = Path.of("target", "reliability", "graph-fuzz.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, summary, StandardCharsets.UTF_8);
  }
}

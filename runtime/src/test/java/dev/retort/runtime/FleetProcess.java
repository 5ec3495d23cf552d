package dev.retort.runtime;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A fleet upgrade in a JVM of its own, to be killed: started by {@link FleetKills} with a
 * database URL, the schemas' prefix and count, the length of a {@link TestRegistry#chain} and
 * the parallelism. It prints {@code DONE name} as each member finishes and {@code FINISHED} at
 * the end.
 */
final class FleetProcess {

  private FleetProcess() {}

  public static void main(String[] args) {
    String url = args[0];
    List<String> schemas = schemas(args[1], Integer.parseInt(args[2]));
    TestRegistry registry = TestRegistry.chain(Integer.parseInt(args[3])).build();
    Fleet.Result result = Fleet.ofSchemas(TestDatabase.open(url), registry, schemas)
        .withParallelism(Integer.parseInt(args[4]))
        .withListener((member, progress) -> {
          System.out.println("DONE " + member.name() + " " + member.outcome());
          System.out.flush();
        })
        .upgrade();
    System.out.println("FINISHED " + result.failed().size());
    System.out.flush();
    System.exit(result.succeeded() ? 0 : 1);
  }

  /** {@code prefix_0001}, {@code prefix_0002}, ... */
  static List<String> schemas(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("%s_%04d", prefix, i))
        .toList();
  }
}

package dev.retort.autogenerate;

import dev.retort.autogenerate.Corpus.Pair;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every corpus pair's round trip on H2: generate, compile, upgrade, compare, downgrade. */
class CorpusTest {

  @TempDir Path folder;

  @TestFactory
  Stream<DynamicTest> everyPairRoundTripsOnH2() throws Exception {
    List<Pair> pairs = Corpus.PAIRS;
    RoundTrip roundTrip = new RoundTrip(SQLDialect.H2, folder, pairs).prepare();
    return IntStream.range(0, pairs.size()).mapToObj(i -> DynamicTest.dynamicTest(
        pairs.get(i).name(), () -> roundTrip.run(i, TestServers.h2(), TestServers.h2(),
            TestServers.h2())));
  }
}

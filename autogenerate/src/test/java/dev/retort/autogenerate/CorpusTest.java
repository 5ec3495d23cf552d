package dev.retort.autogenerate;

import dev.retort.autogenerate.Corpus.Pair;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every corpus pair's round trip: the revision autogenerate writes for A to B compiles through
 * the processor, upgrades a real database to B and downgrades it to A, and a second
 * autogenerate finds nothing. On H2 (a database per pair) and PostgreSQL (one database for the
 * class, a schema per pair).
 */
class CorpusTest {

  private static String postgresDatabase;

  @TempDir Path folder;

  @TestFactory
  Stream<DynamicTest> everyPairRoundTripsOnH2() throws Exception {
    List<Pair> pairs = Corpus.PAIRS;
    RoundTrip roundTrip = new RoundTrip(SQLDialect.H2, folder, pairs).prepare();
    return Parallel.tests(pairs, i -> roundTrip.run(i, TestServers.h2(), TestServers.h2(),
        TestServers.h2()));
  }

  @TestFactory
  Stream<DynamicTest> everyPairRoundTripsOnPostgres() throws Exception {
    String server = TestServers.postgresServer();
    postgresDatabase = TestServers.createPostgresDatabase(server);
    List<Pair> pairs = Corpus.PAIRS;
    RoundTrip roundTrip = new RoundTrip(SQLDialect.POSTGRES, folder, pairs).prepare();
    return Parallel.tests(pairs, i -> roundTrip.run(i,
        TestServers.postgresSchema(server, postgresDatabase, "p" + i),
        TestServers.postgresSchema(server, postgresDatabase, "p" + i + "_a"),
        TestServers.postgresSchema(server, postgresDatabase, "p" + i + "_b")));
  }

  @AfterAll
  static void dropPostgresDatabase() throws Exception {
    if (postgresDatabase != null) {
      TestServers.dropPostgresDatabase(TestServers.postgresServer(), postgresDatabase);
    }
  }
}

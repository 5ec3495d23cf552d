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
 * The corpus's round trip on random schemas and random edits of them: 200 on H2, 50 on
 * PostgreSQL. Each test is named by its seed; {@code -Dautogenerate.seed=N} starts the seeds
 * elsewhere, and a failing seed is rebuilt by starting there.
 */
class GeneratedSchemasTest {

  private static final long SEED = Long.getLong("autogenerate.seed", 20_261_202L);

  private static String postgresDatabase;

  @TempDir Path folder;

  @TestFactory
  Stream<DynamicTest> twoHundredRandomEditsRoundTripOnH2() throws Exception {
    List<Pair> pairs = RandomSchemas.pairs(SEED, 200);
    RoundTrip roundTrip = new RoundTrip(SQLDialect.H2, folder, pairs, false).prepare();
    return Parallel.tests(pairs, i -> roundTrip.run(i, TestServers.h2(), TestServers.h2(),
        TestServers.h2()));
  }

  @TestFactory
  Stream<DynamicTest> fiftyRandomEditsRoundTripOnPostgres() throws Exception {
    String server = TestServers.postgresServer();
    postgresDatabase = TestServers.createPostgresDatabase(server);
    List<Pair> pairs = RandomSchemas.pairs(SEED + 1_000_000, 50);
    RoundTrip roundTrip = new RoundTrip(SQLDialect.POSTGRES, folder, pairs, false).prepare();
    return Parallel.tests(pairs, i -> roundTrip.run(i,
        TestServers.postgresSchema(server, postgresDatabase, "g" + i),
        TestServers.postgresSchema(server, postgresDatabase, "g" + i + "_a"),
        TestServers.postgresSchema(server, postgresDatabase, "g" + i + "_b")));
  }

  @AfterAll
  static void dropPostgresDatabase() throws Exception {
    if (postgresDatabase != null) {
      TestServers.dropPostgresDatabase(TestServers.postgresServer(), postgresDatabase);
    }
  }
}

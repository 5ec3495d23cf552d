package dev.retort.cli;

import dev.retort.runtime.RevisionProofs;
import dev.retort.runtime.RevisionProofs.Outcome;
import dev.retort.runtime.RevisionProofs.Proof;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.jooq.SQLDialect;
import org.jooq.tools.jdbc.JDBCUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Prove without a database that downgrades undo upgrades and merges commute.",
        "With jOOQ's DDL interpreter: every downgrade undoes its upgrade, and every merge's",
        "branches give the same schema in either order. Data migrations and statements the",
        "interpreter does not model are reported as SKIPPED, not passed. Exits 1 if a proof",
        "fails."})
final class VerifyCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Option(names = "--dialect", paramLabel = "DIALECT",
      description = "jOOQ dialect the migrations are rendered in (default: from the URL, or"
          + " H2 without one).")
  SQLDialect dialect;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Config config = database.config();
    SQLDialect target = dialect != null ? dialect
        : config.url() == null ? SQLDialect.H2 : JDBCUtils.dialect(config.url());
    // Offline: the registry and the dialect are all it needs, never a connection.
    List<Proof> proofs = RevisionProofs.of(database.retort("jdbc:offline:").registry(), target)
        .all();
    PrintWriter out = spec.commandLine().getOut();
    proofs.forEach(proof -> out.println(proof.describe()));
    long failed = count(proofs, Outcome.FAILED);
    out.printf("%d passed, %d failed, %d skipped (not proven)%n",
        count(proofs, Outcome.PASSED), failed, count(proofs, Outcome.SKIPPED));
    return failed == 0 ? 0 : 1;
  }

  private static long count(List<Proof> proofs, Outcome outcome) {
    return proofs.stream().filter(proof -> proof.outcome() == outcome).count();
  }
}

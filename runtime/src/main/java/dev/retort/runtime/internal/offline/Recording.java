package dev.retort.runtime.internal.offline;

import dev.retort.runtime.OfflineSchema.Statement;
import java.util.List;

/**
 * What a migration ran against a connection that only listens: every statement, and how the
 * recording ended.
 */
public sealed interface Recording {

  /** The statements recorded, in order; for a migration that stopped early, those before. */
  List<Statement> statements();

  /** The migration ran to its end. */
  record Complete(List<Statement> statements) implements Recording {
    public Complete {
      statements = List.copyOf(statements);
    }
  }

  /**
   * The migration reads data: what it runs after the read depends on the database's contents,
   * so the recording stopped there.
   *
   * @param read the statement that reads, as rendered
   */
  record ReadsData(List<Statement> statements, String read) implements Recording {
    public ReadsData {
      statements = List.copyOf(statements);
    }
  }

  /** The migration threw something other than a read's refusal. */
  record Threw(List<Statement> statements, RuntimeException failure) implements Recording {
    public Threw {
      statements = List.copyOf(statements);
    }
  }
}

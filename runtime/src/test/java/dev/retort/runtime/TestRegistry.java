package dev.retort.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A registry built by hand for runtime tests, in the shape the processor generates: rows in
 * topological order, heads and bases precomputed. By default revision {@code x} creates table
 * {@code t_x} and its downgrade drops it, so the tables present show what is applied.
 */
final class TestRegistry extends GeneratedRegistry {

  private final List<Migration> migrations;

  private TestRegistry(RevisionTable table, List<Migration> migrations) {
    super(table);
    this.migrations = migrations;
  }

  @Override
  protected Migration newMigration(int index) {
    return migrations.get(index);
  }

  static Builder builder() {
    return new Builder();
  }

  static String tableOf(String id) {
    return "t_" + id;
  }

  /** A straight chain of revisions r0001, r0002, ..., each revising the one before. */
  static Builder chain(int revisions) {
    Builder chain = builder();
    for (int i = 1; i <= revisions; i++) {
      if (i == 1) {
        chain.revision(chainId(i));
      } else {
        chain.revision(chainId(i), chainId(i - 1));
      }
    }
    return chain;
  }

  /** The id of the i-th revision (from 1) of a {@link #chain}. */
  static String chainId(int i) {
    return String.format(java.util.Locale.ROOT, "r%04d", i);
  }

  static final class Builder {
    private final List<Rev> revisions = new ArrayList<>();

    /** Adds a revision; add parents before children. */
    Rev revision(String id, String... revises) {
      Rev revision = new Rev(this, id, revises);
      revisions.add(revision);
      return revision;
    }

    /** A revision added before, to change it. */
    Rev edit(String id) {
      return revisions.stream().filter(revision -> revision.id.equals(id)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("No revision " + id));
    }

    TestRegistry build() {
      RevisionTable.Builder table = RevisionTable.builder(revisions.size());
      List<Migration> migrations = new ArrayList<>();
      List<String> heads = new ArrayList<>();
      List<String> bases = new ArrayList<>();
      for (Rev revision : revisions) {
        table.add(revision.id, "test.Rev_" + revision.id, revision.message, revision.checksum,
            revision.transactional, revision.irreversible, revision.revises,
            revision.dependsOn, revision.labels);
        migrations.add(revision.migration());
        if (revision.revises.length == 0) {
          bases.add(revision.id);
        }
        boolean isParent = revisions.stream()
            .anyMatch(other -> List.of(other.revises).contains(revision.id));
        if (!isParent) {
          heads.add(revision.id);
        }
      }
      return new TestRegistry(
          table.build(heads.toArray(String[]::new), bases.toArray(String[]::new)), migrations);
    }
  }

  static final class Rev {
    private final Builder builder;
    private final String id;
    private final String[] revises;
    private String[] dependsOn = RevisionTable.NONE;
    private String[] labels = RevisionTable.NONE;
    private String message;
    private String checksum;
    private boolean transactional = true;
    private String irreversible;
    private Consumer<DSLContext> upgrade;
    private Consumer<DSLContext> downgrade;

    private Rev(Builder builder, String id, String[] revises) {
      this.builder = builder;
      this.id = id;
      this.revises = revises;
      this.message = "Create " + tableOf(id);
      this.checksum = "sum-" + id;
      this.upgrade = db -> db.createTable(DSL.unquotedName(tableOf(id)))
          .column(DSL.field(DSL.unquotedName("id"), SQLDataType.INTEGER)).execute();
      this.downgrade = db -> db.dropTable(DSL.unquotedName(tableOf(id))).execute();
    }

    Rev dependsOn(String... ids) {
      this.dependsOn = ids;
      return this;
    }

    Rev labels(String... labels) {
      this.labels = labels;
      return this;
    }

    Rev checksum(String checksum) {
      this.checksum = checksum;
      return this;
    }

    Rev nonTransactional() {
      this.transactional = false;
      return this;
    }

    Rev irreversible(String reason) {
      this.irreversible = reason;
      return this;
    }

    Rev upgrade(Consumer<DSLContext> upgrade) {
      this.upgrade = upgrade;
      return this;
    }

    Rev downgrade(Consumer<DSLContext> downgrade) {
      this.downgrade = downgrade;
      return this;
    }

    Rev revision(String id, String... revises) {
      return builder.revision(id, revises);
    }

    TestRegistry build() {
      return builder.build();
    }

    private Migration migration() {
      Consumer<DSLContext> up = upgrade;
      Consumer<DSLContext> down = downgrade;
      return new Migration() {
        @Override
        public void upgrade(DSLContext db) {
          up.accept(db);
        }

        @Override
        public void downgrade(DSLContext db) {
          down.accept(db);
        }
      };
    }
  }
}

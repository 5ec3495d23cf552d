package dev.retort.review;

import dev.retort.annotations.LintRule;
import java.util.EnumSet;
import java.util.Set;
import org.jooq.SQLDialect;

/**
 * Every dialect fact the linter uses, in one place: which rules apply to which database, and
 * which databases run DDL inside a transaction.
 *
 * <ul>
 *   <li><b>PostgreSQL</b> takes table locks for DDL and holds them until the transaction ends,
 *       and has a safe form for most risky changes ({@code CONCURRENTLY}, {@code NOT VALID},
 *       {@code USING INDEX}): every rule applies.
 *   <li><b>MariaDB and MySQL</b> build indexes and unique keys online (InnoDB), and commit before
 *       each DDL statement; they copy the table to add a foreign key or a check, and to change
 *       most column types.
 *   <li><b>Every other database</b> (H2, SQLite, ...): the rules about data lost and about code
 *       that is still running during a deploy, which hold everywhere.
 * </ul>
 */
public enum Dialects {
  POSTGRES,
  MYSQL,
  OTHER;

  private static final Set<LintRule> EVERYWHERE = EnumSet.of(
      LintRule.ADD_COLUMN_NOT_NULL_NO_DEFAULT,
      LintRule.RENAME_COLUMN,
      LintRule.RENAME_TABLE,
      LintRule.DROP_COLUMN,
      LintRule.DROP_TABLE,
      LintRule.UPDATE_WITHOUT_WHERE,
      LintRule.DELETE_WITHOUT_WHERE);

  /** The group a jOOQ dialect belongs to. */
  public static Dialects of(SQLDialect dialect) {
    return switch (dialect.family()) {
      case POSTGRES -> POSTGRES;
      case MARIADB, MYSQL -> MYSQL;
      default -> OTHER;
    };
  }

  /** The rules that judge revisions in this group's databases. */
  public Set<LintRule> rules() {
    return switch (this) {
      case POSTGRES -> EnumSet.allOf(LintRule.class);
      case MYSQL -> {
        Set<LintRule> rules = EnumSet.copyOf(EVERYWHERE);
        rules.addAll(EnumSet.of(LintRule.ADD_FOREIGN_KEY_VALIDATING, LintRule.ADD_CHECK_VALIDATING,
            LintRule.ALTER_COLUMN_TYPE));
        yield rules;
      }
      case OTHER -> EnumSet.copyOf(EVERYWHERE);
    };
  }

  /**
   * Whether DDL runs inside the revision's transaction, so that its locks last until the revision
   * commits. MariaDB, MySQL and H2 commit before each DDL statement.
   */
  public boolean transactionalDdl() {
    return this == POSTGRES;
  }
}

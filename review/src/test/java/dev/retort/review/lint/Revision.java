package dev.retort.review.lint;

import dev.retort.review.schema.Schema;
import dev.retort.review.schema.Statement;
import dev.retort.review.schema.StatementReader;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A revision for the linter's unit tests, built from jOOQ queries and SQL directly: the schema
 * before it, its statements, whether it is transactional, its excuses.
 */
final class Revision {

  private final SQLDialect dialect;
  private final DSLContext dsl;
  private Meta before;
  private final List<Statement> statements = new ArrayList<>();
  private final List<Excuse> excuses = new ArrayList<>();
  private boolean transactional = true;

  private Revision(SQLDialect dialect) {
    this.dialect = dialect;
    this.dsl = DSL.using(dialect);
    this.before = dsl.meta(new Query[0]);
  }

  static Revision on(SQLDialect dialect) {
    return new Revision(dialect);
  }

  /** The shop's users and orders, with rows in production: both tables exist. */
  static Revision onTheShop(SQLDialect dialect) {
    return on(dialect).existing(
        "create table users (id bigint not null primary key, email varchar(255) not null,"
            + " name varchar(100), score numeric(10, 2), seen timestamp(3))",
        "create table orders (id bigint not null primary key, user_id bigint,"
            + " total numeric(12, 2) not null, note varchar(20), placed_at timestamp)");
  }

  DSLContext dsl() {
    return dsl;
  }

  /** DDL the revisions before this one ran. */
  Revision existing(String... ddl) {
    for (String statement : ddl) {
      before = before.apply(dsl.parser().parseQuery(statement));
    }
    return this;
  }

  /** A statement the migration built with the DSL. */
  Revision runs(Query query) {
    StatementReader reader = new StatementReader(dialect);
    statements.add(reader.read(statements.size() + 1, dsl.renderInlined(query), query));
    return this;
  }

  /** A statement the migration ran as plain SQL. */
  Revision runs(String sql) {
    StatementReader reader = new StatementReader(dialect);
    statements.add(reader.read(statements.size() + 1, sql, null));
    return this;
  }

  Revision outsideATransaction() {
    transactional = false;
    return this;
  }

  Revision excusing(Excuse excuse) {
    excuses.add(excuse);
    return this;
  }

  LintResult lint() {
    return new Linter(dialect).lint("a1b2c3", transactional, Schema.of(before), statements,
        excuses);
  }

  /** The names of the rules the revision breaks, in the order found. */
  List<String> rulesBroken() {
    return lint().findings().stream().map(finding -> finding.ruleName()).toList();
  }
}

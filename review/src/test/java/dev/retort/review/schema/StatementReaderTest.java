package dev.retort.review.schema;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.review.schema.Statement.Form;
import dev.retort.review.schema.Statement.Kind;
import org.jooq.SQLDialect;
import org.jooq.impl.QOM;
import org.junit.jupiter.api.Test;

/** Plain SQL as the linter reads it, PostgreSQL's safe forms included. */
class StatementReaderTest {

  private final StatementReader postgres = new StatementReader(SQLDialect.POSTGRES);

  @Test
  void createIndexConcurrently_isAnIndexBuiltConcurrently() {
    Statement statement = postgres.read(1,
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_users_email ON users (email);", null);

    assertThat(statement.kind()).isEqualTo(Kind.DDL);
    assertThat(statement.concurrently()).isTrue();
    assertThat(statement.query()).isInstanceOf(QOM.CreateIndex.class);
    assertThat(((QOM.CreateIndex) statement.query()).$unique()).isTrue();
  }

  @Test
  void aConstraintAddedNotValid_isReadWithoutTheOption() {
    Statement statement = postgres.read(1, "alter table \"Orders\" add constraint fk_user"
        + " foreign key (user_id) references users (id) not valid", null);

    assertThat(statement.notValid()).isTrue();
    assertThat(statement.form()).isEqualTo(new Form.Plain());
    assertThat(statement.query()).isNotNull();
  }

  @Test
  void notValidInsideAStringLiteral_isNotTheOption() {
    Statement statement = postgres.read(1,
        "ALTER TABLE orders ADD CONSTRAINT ck_note CHECK (note <> 'not valid')", null);

    assertThat(statement.notValid()).isFalse();
    assertThat(statement.kind()).isEqualTo(Kind.DDL);
  }

  @Test
  void validateConstraint_namesTheTableAndTheConstraint_quotedOrNot() {
    assertThat(postgres.read(1, "ALTER TABLE ONLY public.orders VALIDATE CONSTRAINT \"FK_User\"",
        null).form()).isEqualTo(new Form.ValidateConstraint("public.orders", "fk_user"));
  }

  @Test
  void uniqueUsingIndex_withoutAConstraintName_isNamedAfterTheIndex() {
    assertThat(postgres.read(1, "ALTER TABLE users ADD UNIQUE USING INDEX ix_users_email", null)
        .form()).isEqualTo(new Form.ConstraintUsingIndex("users", "ix_users_email", false,
            "ix_users_email"));
    assertThat(postgres.read(1, "ALTER TABLE users ADD CONSTRAINT pk PRIMARY KEY USING INDEX ix",
        null).form()).isEqualTo(new Form.ConstraintUsingIndex("users", "pk", true, "ix"));
  }

  @Test
  void aTypeChangeWithUsing_isReadAsATypeChangeThatRewrites() {
    Statement statement = postgres.read(1,
        "ALTER TABLE orders ALTER COLUMN total SET DATA TYPE numeric(14, 2) USING total * 100",
        null);

    assertThat(statement.convertsWithUsing()).isTrue();
    assertThat(statement.query()).isNotNull();
  }

  @Test
  void theseForms_areOnlyPostgres() {
    Statement statement = new StatementReader(SQLDialect.H2)
        .read(1, "CREATE INDEX CONCURRENTLY ix ON orders (user_id)", null);

    assertThat(statement.kind()).isEqualTo(Kind.UNREADABLE);
  }

  @Test
  void dataChangesAndSessionSettings_areToldApart() {
    assertThat(postgres.read(1, "UPDATE orders SET status = 'NEW'", null).kind())
        .isEqualTo(Kind.DATA);
    assertThat(postgres.read(1, "SET lock_timeout = '2s'", null).kind()).isEqualTo(Kind.OTHER);
  }
}

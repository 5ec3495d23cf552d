package com.example.shop.app;

import static com.example.shop.db.Keys.FK_ORDERS_CUSTOMERS;
import static com.example.shop.db.Tables.ORDERS;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.shop.db.tables.records.CustomersRecord;
import dev.retort.runtime.Retort;
import java.math.BigDecimal;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated classes against a database the migrations built: what the code generator saw
 * is what the application gets.
 */
class SalesTest {

  private DSLContext db;
  private Sales sales;

  @BeforeEach
  void upgradeAFreshDatabase() {
    JdbcDataSource dataSource = new JdbcDataSource();
    // H2 as the code generator ran it: in PostgreSQL's mode, folding unquoted names to lower
    // case as PostgreSQL does, so the generated names ("customers") are the database's.
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    Retort.using(dataSource).upgrade("head");
    db = DSL.using(dataSource, SQLDialect.H2);
    sales = new Sales(db);
  }

  @Test
  void queriesThroughTheGeneratedClasses_seeWhatWasStored() {
    CustomersRecord ada = sales.signUp("ada@example.com", "Ada");
    CustomersRecord bob = sales.signUp("bob@example.com", "Bob");
    sales.order(ada, new BigDecimal("12.50"));
    sales.order(ada, new BigDecimal("7.50"));

    assertThat(ada.getId()).isNotNull();
    assertThat(sales.spentByCustomer()).containsExactly(
        "Ada", new BigDecimal("20.00"),
        "Bob", BigDecimal.ZERO);
    assertThat(bob.getId()).isNotEqualTo(ada.getId());
  }

  @Test
  void theGeneratedForeignKey_isTheDatabases() {
    assertThat(FK_ORDERS_CUSTOMERS.getTable()).isEqualTo(ORDERS);

    DataAccessException orphan = assertThrows(DataAccessException.class, () ->
        db.insertInto(ORDERS, ORDERS.CUSTOMER_ID, ORDERS.TOTAL).values(42L, BigDecimal.ONE)
            .execute());
    assertThat(orphan).hasMessageThat().containsMatch("(?i)fk_orders_customers");
  }

  @Test
  void retortsOwnTables_areNotAmongTheGeneratedOnes() {
    assertThat(com.example.shop.db.DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
        .map(table -> table.getName()).toList())
        .containsExactly("customers", "orders");
  }
}

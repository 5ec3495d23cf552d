package com.example.shop.app;

import static com.example.shop.db.Tables.CUSTOMERS;
import static com.example.shop.db.Tables.ORDERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.sum;

import com.example.shop.db.tables.records.CustomersRecord;
import java.math.BigDecimal;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The shop's queries, typed by the classes jOOQ generated from the migrations: a renamed column
 * or a dropped table is a compile error here, not a failure in production.
 */
public final class Sales {

  private final DSLContext db;

  public Sales(DSLContext db) {
    this.db = db;
  }

  /** Signs a customer up; returns the new row, with its generated id. */
  public CustomersRecord signUp(String email, String name) {
    CustomersRecord customer = db.newRecord(CUSTOMERS);
    customer.setEmail(email);
    customer.setName(name);
    customer.store();
    return customer;
  }

  /** Records an order of the customer. */
  public void order(CustomersRecord customer, BigDecimal total) {
    db.insertInto(ORDERS, ORDERS.CUSTOMER_ID, ORDERS.TOTAL)
        .values(customer.getId(), total)
        .execute();
  }

  /** Each customer's name and what they spent, including customers with no order. */
  public Map<String, BigDecimal> spentByCustomer() {
    return db.select(CUSTOMERS.NAME, coalesce(sum(ORDERS.TOTAL), BigDecimal.ZERO))
        .from(CUSTOMERS)
        .leftJoin(ORDERS).on(ORDERS.CUSTOMER_ID.eq(CUSTOMERS.ID))
        .groupBy(CUSTOMERS.NAME)
        .fetchMap(CUSTOMERS.NAME, coalesce(sum(ORDERS.TOTAL), BigDecimal.ZERO));
  }
}

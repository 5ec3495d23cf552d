package com.example.shop.service;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders through jOOQ: the tables revisions 1975ea83b712 and 4d2f8e1a9b3c create. Spring Boot's
 * {@code DSLContext} writes these names unquoted, as the migrations wrote them (the starter sees
 * to that), so {@code name("users")} is the table the database folded to {@code USERS} on H2 and
 * to {@code users} on PostgreSQL.
 */
@Repository
public class Orders {

  private static final Table<?> USERS = table(name("users"));
  private static final Table<?> ORDERS = table(name("orders"));
  private static final Field<Long> USER_ID = field(name("orders", "user_id"), Long.class);
  private static final Field<Long> ORDER_ID = field(name("orders", "id"), Long.class);
  private static final Field<BigDecimal> TOTAL = field(name("orders", "total"), BigDecimal.class);
  private static final Field<LocalDateTime> PLACED_AT =
      field(name("orders", "placed_at"), LocalDateTime.class);
  private static final Field<String> STATUS = field(name("orders", "status"), String.class);
  private static final Field<Long> ID = field(name("users", "id"), Long.class);
  private static final Field<String> EMAIL = field(name("users", "email"), String.class);

  private final DSLContext db;

  Orders(DSLContext db) {
    this.db = db;
  }

  /** Places an order for a user; its status is the column's default. */
  @Transactional
  public Order place(long userId, BigDecimal total) {
    return db.insertInto(ORDERS, USER_ID, TOTAL, PLACED_AT)
        .values(userId, total, LocalDateTime.now().withNano(0))
        .returningResult(ORDER_ID, USER_ID, TOTAL, STATUS)
        .fetchOne(record -> new Order(record.value1(), record.value2(), record.value3(),
            record.value4()));
  }

  /** Every user with how many orders they placed and what they spent, by email. */
  @Transactional(readOnly = true)
  public List<Summary> summaries() {
    return db.select(EMAIL, count(ORDER_ID), coalesce(sum(TOTAL), inline(BigDecimal.ZERO)))
        .from(USERS)
        .leftJoin(ORDERS).on(USER_ID.eq(ID))
        .groupBy(EMAIL)
        .orderBy(EMAIL)
        .fetch(record -> new Summary(record.value1(), record.value2(), record.value3()));
  }

  /** An order as placed. */
  public record Order(long id, long userId, BigDecimal total, String status) {}

  /** One user's orders, summed up. */
  public record Summary(String email, int orders, BigDecimal spent) {}
}

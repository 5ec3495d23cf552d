package dev.retort.autogenerate;

import java.util.List;

/**
 * Schema pairs A to B, one or more per kind of change the comparison detects. Written in SQL
 * that H2 and PostgreSQL both run, so that each side can also be created as it is, to compare
 * with what the generated revisions build.
 */
final class Corpus {

  /** A change from schema {@code a} to schema {@code b}. */
  record Pair(String name, String a, String b) {
    @Override
    public String toString() {
      return name;
    }
  }

  private Corpus() {}

  private static final String USERS = "create table users (id bigint not null,"
      + " email varchar(100) not null, name varchar(50), constraint pk_users primary key (id));";
  private static final String ORDERS = "create table orders (id bigint not null, user_id bigint"
      + " not null, total decimal(12, 2) not null, constraint pk_orders primary key (id),"
      + " constraint fk_orders_user foreign key (user_id) references users (id));";

  static final List<Pair> PAIRS = List.of(
      new Pair("create a table", "", USERS),
      new Pair("drop a table", USERS + ORDERS, USERS),
      new Pair("add a nullable column", USERS,
          USERS.replace("name varchar(50),", "name varchar(50), phone varchar(30),")),
      new Pair("add a not null column with a default", USERS,
          USERS.replace("name varchar(50),", "name varchar(50),"
              + " verified boolean default false not null,")),
      new Pair("drop a column", USERS, USERS.replace(" name varchar(50),", "")),
      new Pair("widen a varchar", USERS, USERS.replace("varchar(100)", "varchar(255)")),
      new Pair("narrow a varchar", USERS, USERS.replace("varchar(50)", "varchar(20)")),
      new Pair("integer to bigint", "create table t (n integer);", "create table t (n bigint);"),
      new Pair("decimal precision", "create table t (d decimal(10, 2));",
          "create table t (d decimal(14, 4));"),
      new Pair("set not null", USERS, USERS.replace("name varchar(50)",
          "name varchar(50) not null")),
      new Pair("drop not null", USERS, USERS.replace("email varchar(100) not null",
          "email varchar(100)")),
      new Pair("add a default", USERS, USERS.replace("name varchar(50)",
          "name varchar(50) default 'anonymous'")),
      new Pair("change a default", "create table t (status varchar(20) default 'NEW' not null);",
          "create table t (status varchar(20) default 'PLACED' not null);"),
      new Pair("drop a default", "create table t (n integer default 7);",
          "create table t (n integer);"),
      new Pair("add a primary key", "create table t (id bigint not null, v integer);",
          "create table t (id bigint not null, v integer, constraint pk_t primary key (id));"),
      new Pair("drop a primary key",
          "create table t (id bigint not null, v integer, constraint pk_t primary key (id));",
          "create table t (id bigint not null, v integer);"),
      new Pair("composite primary key",
          "create table t (a bigint not null, b bigint not null, constraint pk_t primary key (a));",
          "create table t (a bigint not null, b bigint not null,"
              + " constraint pk_t primary key (a, b));"),
      new Pair("add a unique key", USERS, USERS.replace("primary key (id)",
          "primary key (id), constraint uk_users_email unique (email)")),
      new Pair("drop a unique key", USERS.replace("primary key (id)",
          "primary key (id), constraint uk_users_email unique (email)"), USERS),
      new Pair("composite unique key", USERS, USERS.replace("primary key (id)",
          "primary key (id), constraint uk_users_email_name unique (email, name)")),
      new Pair("add a foreign key", USERS + ORDERS.replace(", constraint fk_orders_user"
          + " foreign key (user_id) references users (id)", ""), USERS + ORDERS),
      new Pair("drop a foreign key", USERS + ORDERS, USERS + ORDERS.replace(
          ", constraint fk_orders_user foreign key (user_id) references users (id)", "")),
      new Pair("composite foreign key",
          "create table p (a bigint not null, b bigint not null, constraint pk_p primary key (a, b));",
          "create table p (a bigint not null, b bigint not null, constraint pk_p primary key (a, b));"
              + " create table c (id bigint not null, pa bigint, pb bigint,"
              + " constraint pk_c primary key (id),"
              + " constraint fk_c_p foreign key (pa, pb) references p (a, b));"),
      new Pair("new self-referencing table", "",
          "create table node (id bigint not null, parent_id bigint, constraint pk_node primary key"
              + " (id), constraint fk_node_parent foreign key (parent_id) references node (id));"),
      new Pair("self reference added",
          "create table node (id bigint not null, parent_id bigint, constraint pk_node primary key"
              + " (id));",
          "create table node (id bigint not null, parent_id bigint, constraint pk_node primary key"
              + " (id), constraint fk_node_parent foreign key (parent_id) references node (id));"),
      new Pair("tables that reference each other", "",
          "create table a (id bigint not null, b_id bigint, constraint pk_a primary key (id));"
              + " create table b (id bigint not null, a_id bigint, constraint pk_b primary key (id),"
              + " constraint fk_b_a foreign key (a_id) references a (id));"
              + " alter table a add constraint fk_a_b foreign key (b_id) references b (id);"),
      new Pair("drop tables that reference each other",
          USERS + "create table a (id bigint not null, b_id bigint, constraint pk_a primary key (id));"
              + " create table b (id bigint not null, a_id bigint, constraint pk_b primary key (id),"
              + " constraint fk_b_a foreign key (a_id) references a (id));"
              + " alter table a add constraint fk_a_b foreign key (b_id) references b (id);",
          USERS),
      new Pair("a chain of new tables", "",
          "create table c_root (id bigint not null, constraint pk_c_root primary key (id));"
              + " create table b_mid (id bigint not null, c_id bigint,"
              + " constraint pk_b_mid primary key (id),"
              + " constraint fk_b_mid_c foreign key (c_id) references c_root (id));"
              + " create table a_leaf (id bigint not null, b_id bigint,"
              + " constraint pk_a_leaf primary key (id),"
              + " constraint fk_a_leaf_b foreign key (b_id) references b_mid (id));"),
      new Pair("add a check", "create table t (n integer);",
          "create table t (n integer, constraint ck_t_n check (n > 0));"),
      new Pair("drop a check", "create table t (n integer, constraint ck_t_n check (n > 0));",
          "create table t (n integer);"),
      new Pair("add an index", USERS + ORDERS,
          USERS + ORDERS + "create index ix_orders_user on orders (user_id);"),
      new Pair("drop an index", USERS + ORDERS + "create index ix_orders_user on orders (user_id);",
          USERS + ORDERS),
      new Pair("add a unique index", USERS, USERS + "create unique index ux_users_email"
          + " on users (email);"),
      new Pair("composite index", USERS, USERS + "create index ix_users_name_email"
          + " on users (name, email);"),
      new Pair("rename an index", USERS + "create index ix_a on users (name);",
          USERS + "create index ix_b on users (name);"),
      new Pair("probably a rename", USERS, USERS.replace("name varchar(50)",
          "full_name varchar(50)")),
      new Pair("add a sequence", USERS, USERS + "create sequence order_numbers start with 100"
          + " increment by 10;"),
      new Pair("alter a sequence", "create sequence s start with 1 increment by 1;",
          "create sequence s start with 1 increment by 5;"),
      new Pair("drop a sequence", USERS + "create sequence s;", USERS),
      new Pair("add a view", USERS, USERS + "create view active_users as select id, email"
          + " from users where name is not null;"),
      new Pair("change a view", USERS + "create view v as select id from users;",
          USERS + "create view v as select id, email from users;"),
      new Pair("drop a view", USERS + "create view v as select id from users;", USERS),
      new Pair("table comment", USERS, USERS + "comment on table users is 'Who can sign in';"),
      new Pair("column comment", USERS + "comment on column users.email is 'login';",
          USERS + "comment on column users.email is 'where we write';"),
      new Pair("several changes at once", USERS + ORDERS,
          USERS.replace("name varchar(50),", "name varchar(50), phone varchar(30),")
              + ORDERS.replace("total decimal(12, 2) not null,", "total decimal(12, 2) not null,"
                  + " status varchar(20) default 'PLACED' not null,")
              + "create index ix_orders_user on orders (user_id);"
              + "create table payments (id bigint not null, order_id bigint not null,"
              + " amount decimal(12, 2) not null, constraint pk_payments primary key (id),"
              + " constraint fk_payments_order foreign key (order_id) references orders (id));"),
      new Pair("dates, times and a current default", "",
          "create table events (id bigint not null, on_day date not null, happened_at timestamp"
              + " default current_timestamp not null, done boolean default false,"
              + " constraint pk_events primary key (id));"),
      new Pair("quoted mixed-case names", "",
          "create table \"Customer\" (\"Id\" bigint not null, name varchar(20),"
              + " constraint \"PK_Customer\" primary key (\"Id\"));"),
      new Pair("an identity column", "",
          "create table things (id bigint generated by default as identity not null,"
              + " label varchar(40), constraint pk_things primary key (id));"),
      new Pair("drop an indexed column", USERS + "create index ix_users_name on users (name);",
          USERS.replace(" name varchar(50),", "")),
      new Pair("a new table that references an existing one", USERS,
          USERS + "create table sessions (id bigint not null, user_id bigint not null,"
              + " constraint pk_sessions primary key (id),"
              + " constraint fk_sessions_user foreign key (user_id) references users (id));"));
}

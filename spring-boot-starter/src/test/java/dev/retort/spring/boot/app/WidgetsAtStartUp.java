package dev.retort.spring.boot.app;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** What the repository and a jOOQ query found when this bean was created. */
public final class WidgetsAtStartUp {

  private final List<String> throughJpa;
  private final List<String> throughJooq;

  WidgetsAtStartUp(WidgetRepository repository, DSLContext dsl) {
    this.throughJpa = repository.findAll().stream().map(Widget::getName).toList();
    this.throughJooq = dsl.select(DSL.field(DSL.name("name"), String.class))
        .from(DSL.table(DSL.name("widgets")))
        .fetch(0, String.class);
  }

  public List<String> throughJpa() {
    return throughJpa;
  }

  public List<String> throughJooq() {
    return throughJooq;
  }
}

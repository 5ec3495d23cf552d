package dev.retort.spring.boot.app;

import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A test application that reads the migrated table while its beans are being created, through
 * a JPA repository and a jOOQ query, with Hibernate validating the schema: it starts only if the
 * migrations ran first.
 */
@SpringBootApplication
public class WidgetApplication {

  @Bean
  WidgetsAtStartUp widgetsAtStartUp(WidgetRepository repository, DSLContext dsl) {
    return new WidgetsAtStartUp(repository, dsl);
  }
}

package dev.retort.spring.boot.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link RetortMigrationInitializer} beans initialize the database, so
 * that the beans its {@code DependsOnDatabaseInitializationDetector}s find (JPA, jOOQ, JDBC
 * templates) and the later initializers ({@code spring.sql.init} scripts) depend on them.
 * Registered in {@code META-INF/spring.factories}.
 */
final class RetortDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(RetortMigrationInitializer.class);
  }
}

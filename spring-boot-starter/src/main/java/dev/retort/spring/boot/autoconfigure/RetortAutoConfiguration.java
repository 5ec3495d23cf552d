package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RevisionRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * Migrates the application's database with its Retort registry when the application starts,
 * before anything that uses the database is created.
 *
 * <p>Active when Retort's runtime is on the classpath, there is a database (a {@code DataSource}
 * bean or {@code retort.url}), there is a registry (one generated on the classpath, or a {@link
 * RevisionRegistry} bean) and {@code retort.enabled} is not {@code false}. It defines a {@link
 * Retort} bean and a {@link RetortMigrationInitializer} that upgrades or validates as {@code
 * retort.mode} says; each gives way to a bean of the application's own.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Retort.class)
@Conditional({RetortAutoConfiguration.DatabaseCondition.class,
    RetortAutoConfiguration.RegistryCondition.class})
@ConditionalOnBooleanProperty(name = "retort.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetortProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class RetortAutoConfiguration {

  /** Used by Spring. */
  RetortAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  Retort retort(RetortProperties properties, ObjectProvider<DataSource> dataSource,
      @RetortDataSource ObjectProvider<DataSource> retortDataSource,
      ObjectProvider<RevisionRegistry> registry,
      ObjectProvider<RetortSettingsCustomizer> customizers) {
    RetortSettings settings = SettingsMapper.settings(properties);
    for (RetortSettingsCustomizer customizer : customizers.orderedStream().toList()) {
      settings = customizer.customize(settings);
      if (settings == null) {
        throw new IllegalStateException(Messages.customizerReturnedNull(customizer));
      }
    }
    DataSource migrated = MigrationDataSource.choose(properties,
        retortDataSource.getIfAvailable(), dataSource.getIfUnique());
    return Retort.using(migrated, registry.getIfAvailable(RevisionRegistry::onClasspath))
        .withSettings(settings);
  }

  /**
   * The initializer for the one Retort bean. An application with several Retort beans (one per
   * database) declares a {@link RetortMigrationInitializer} for each.
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnSingleCandidate(Retort.class)
  RetortMigrationInitializer retortMigrationInitializer(Retort retort,
      RetortProperties properties, ObjectProvider<RetortMigrationStrategy> strategy) {
    return new RetortMigrationInitializer(retort, properties, strategy.getIfAvailable());
  }

  /** A database to migrate: a {@code DataSource} bean, or a URL of Retort's own. */
  static final class DatabaseCondition extends AnyNestedCondition {

    DatabaseCondition() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(DataSource.class)
    static final class DataSourceBean {}

    @ConditionalOnProperty("retort.url")
    static final class RetortUrl {}
  }

  /**
   * Revisions to apply: a registry the processor generated (found through its {@code
   * ServiceLoader} entry, without loading a class), or a {@code RevisionRegistry} bean.
   */
  static final class RegistryCondition extends AnyNestedCondition {

    RegistryCondition() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnResource(resources = "classpath:META-INF/services/dev.retort.runtime.RevisionRegistry")
    static final class GeneratedRegistry {}

    @ConditionalOnBean(RevisionRegistry.class)
    static final class RegistryBean {}
  }
}

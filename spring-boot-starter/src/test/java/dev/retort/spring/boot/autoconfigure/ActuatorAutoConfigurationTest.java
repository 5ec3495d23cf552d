package dev.retort.spring.boot.autoconfigure;

import static com.google.common.truth.Truth.assertThat;

import dev.retort.runtime.Retort;
import dev.retort.spring.boot.TestDatabases;
import dev.retort.spring.boot.actuate.RetortEndpoint;
import dev.retort.spring.boot.actuate.RetortHealthIndicator;
import dev.retort.spring.boot.widgets.Revisions;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conditions of the endpoint's and the health contributor's auto-configurations. */
class ActuatorAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
          RetortAutoConfiguration.class, RetortEndpointAutoConfiguration.class,
          RetortHealthContributorAutoConfiguration.class))
      .withPropertyValues("spring.datasource.url=" + TestDatabases.h2(), "retort.mode=none");

  @Test
  void theEndpoint_isThereWhenExposed() {
    runner.withPropertyValues("management.endpoints.web.exposure.include=retort")
        .run(context -> assertThat(context.getBeansOfType(RetortEndpoint.class)).hasSize(1));
  }

  @Test
  void theEndpoint_isNotThereUnlessExposed() {
    runner.run(context -> assertThat(context.getBeansOfType(RetortEndpoint.class)).isEmpty());
  }

  @Test
  void theEndpoint_isNotThereWithoutARetortBean() {
    runner.withPropertyValues("management.endpoints.web.exposure.include=retort",
            "retort.enabled=false")
        .run(context -> assertThat(context.getBeansOfType(RetortEndpoint.class)).isEmpty());
  }

  @Test
  void theHealthContributor_isThereByDefault_forTheRetortBean() {
    runner.run(context -> assertThat(context.getBean("retortHealthContributor"))
        .isInstanceOf(RetortHealthIndicator.class));
  }

  @Test
  void theHealthContributor_canBeDisabled() {
    runner.withPropertyValues("management.health.retort.enabled=false").run(context ->
        assertThat(context.getBeansOfType(HealthContributor.class)).isEmpty());
  }

  @Test
  void theHealthContributor_isNotThereWithoutSpringBootsHealthSupport() {
    runner.withClassLoader(new FilteredClassLoader(HealthContributor.class)).run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(context.containsBean("retortHealthContributor")).isFalse();
    });
  }

  @Test
  void severalRetortBeans_getOneIndicatorEachUnderTheirNames() {
    runner.withUserConfiguration(TwoRetorts.class).run(context -> {
      HealthContributor contributor = context.getBean("retortHealthContributor",
          HealthContributor.class);
      assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
      CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
      assertThat(composite.getContributor("orders")).isInstanceOf(RetortHealthIndicator.class);
      assertThat(composite.getContributor("billing")).isInstanceOf(RetortHealthIndicator.class);
      assertThat(context.getBeansOfType(RetortMigrationInitializer.class)).isEmpty();
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoRetorts {
    @Bean
    Retort orders(DataSource dataSource) {
      return Retort.using(dataSource, Revisions.REGISTRY);
    }

    @Bean
    Retort billing(DataSource dataSource) {
      return Retort.using(dataSource, Revisions.REGISTRY);
    }
  }
}

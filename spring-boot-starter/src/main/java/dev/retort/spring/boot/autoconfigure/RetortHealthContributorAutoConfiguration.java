package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.Retort;
import dev.retort.spring.boot.actuate.RetortHealthIndicator;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * The {@code retort} health contributor, when Spring Boot's health support is on the classpath,
 * {@code management.health.retort.enabled} is not {@code false} and there is a {@link Retort}
 * bean; with several Retort beans, one indicator per bean under their names.
 */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass({Retort.class, HealthContributor.class,
    ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(Retort.class)
@ConditionalOnEnabledHealthIndicator("retort")
public final class RetortHealthContributorAutoConfiguration {

  /** Used by Spring. */
  RetortHealthContributorAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(name = {"retortHealthIndicator", "retortHealthContributor"})
  HealthContributor retortHealthContributor(Map<String, Retort> retorts) {
    if (retorts.size() == 1) {
      return new RetortHealthIndicator(retorts.values().iterator().next());
    }
    return CompositeHealthContributor.fromMap(retorts, RetortHealthIndicator::new);
  }
}

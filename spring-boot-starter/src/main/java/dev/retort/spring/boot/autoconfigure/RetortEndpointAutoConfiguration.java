package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.Retort;
import dev.retort.spring.boot.actuate.RetortEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Actuator's {@code retort} endpoint, when Actuator is on the classpath, the endpoint is
 * available ({@code management.endpoints.web.exposure.include=retort} for HTTP) and there is a
 * {@link Retort} bean.
 */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass({Retort.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnAvailableEndpoint(RetortEndpoint.class)
public final class RetortEndpointAutoConfiguration {

  /** Used by Spring. */
  RetortEndpointAutoConfiguration() {}

  @Bean
  @ConditionalOnBean(Retort.class)
  @ConditionalOnMissingBean
  RetortEndpoint retortEndpoint(ApplicationContext context) {
    return new RetortEndpoint(context);
  }
}

package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.PasswordMask;
import dev.retort.runtime.RetortException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Reports a start-up that Retort stopped as the command line does: the problem on one line
 * (the runtime's message, which says what changed), then the fix. A property's fix says where
 * the property was set. Neither quotes the migration password.
 */
final class RetortFailureAnalyzer extends AbstractFailureAnalyzer<RetortException> {

  private final Environment environment;

  /** Created by Spring Boot from {@code META-INF/spring.factories}. */
  RetortFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, RetortException cause) {
    String password = environment.getProperty(Messages.PASSWORD);
    String description =
        PasswordMask.of(password, null).mask(Messages.oneLine(cause.getMessage()));
    String action = cause instanceof InvalidRetortPropertyException invalid
        ? Messages.fixProperty(invalid.property(), Messages.origin(origin(invalid.property())))
        : Messages.actionFor(cause);
    return new FailureAnalysis(description, action, cause);
  }

  /** Where the property was set (a file and line, the environment), when Spring knows. */
  private Object origin(String property) {
    ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      ConfigurationProperty found = source.getConfigurationProperty(name);
      if (found != null) {
        return found.getOrigin();
      }
    }
    return null;
  }
}

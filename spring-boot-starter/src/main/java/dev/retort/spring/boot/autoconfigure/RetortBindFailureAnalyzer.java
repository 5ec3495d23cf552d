package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.PasswordMask;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Reports a {@code retort.*} value Spring could not convert (a mode that does not exist, a
 * duration without a unit it knows) in the command line's words, with the values that would
 * work and where the wrong one was set. Runs before Spring Boot's own analyzer for binding
 * failures, and leaves every other property to it.
 */
final class RetortBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException>
    implements Ordered {

  private final Environment environment;

  /** Created by Spring Boot from {@code META-INF/spring.factories}. */
  RetortBindFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
    ConfigurationProperty property = cause.getProperty();
    String name = cause.getName().toString();
    if (property == null || !name.startsWith("retort.")) {
      return null;
    }
    Object value = PasswordMask.of(environment.getProperty(Messages.PASSWORD), null)
        .mask(String.valueOf(property.getValue()));
    String origin = Messages.origin(property.getOrigin());
    Class<?> type = cause.getTarget().getType().resolve(Object.class);
    if (type.isEnum()) {
      List<String> allowed = Arrays.stream(type.getEnumConstants())
          .map(constant -> Messages.propertyValue((Enum<?>) constant)).toList();
      return new FailureAnalysis(Messages.notOneOf(name, value, allowed),
          Messages.setOneOf(name, allowed, origin), cause);
    }
    if (type == Duration.class) {
      return new FailureAnalysis(Messages.notADuration(name, value),
          Messages.writeADuration(name, origin), cause);
    }
    if (type == boolean.class || type == Boolean.class) {
      List<String> allowed = List.of("true", "false");
      return new FailureAnalysis(Messages.notBound(name, value, "boolean"),
          Messages.setOneOf(name, allowed, origin), cause);
    }
    return null;
  }

  @Override
  public int getOrder() {
    return 0;
  }
}

package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.Retort;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Makes the {@link DSLContext} that Spring Boot's jOOQ support auto-configures write names as
 * the migrations do: unquoted by default, quoted with {@code retort.name-quoting=quoted}, or as
 * the settings of the application's own {@link Retort} bean say.
 *
 * <p>Active when Spring Boot's jOOQ support is on the classpath, there is one {@code Retort} bean
 * or one marked {@code @Primary} among several (otherwise there is no one rule to follow), and
 * neither {@code retort.enabled} nor {@code retort.jooq.enabled} is {@code false}. A render setting the
 * application chose itself is kept (see {@link JooqNameQuoting}); a {@code DSLContext} the
 * application builds itself is left alone.
 */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass({Retort.class, DefaultConfigurationCustomizer.class})
@ConditionalOnSingleCandidate(Retort.class)
@ConditionalOnBooleanProperty(name = {"retort.enabled", "retort.jooq.enabled"},
    matchIfMissing = true)
public final class RetortJooqAutoConfiguration {

  /** Used by Spring. */
  RetortJooqAutoConfiguration() {}

  @Bean
  DefaultConfigurationCustomizer retortJooqNameQuoting(Retort retort) {
    return new JooqNameQuoting(retort.settings());
  }
}

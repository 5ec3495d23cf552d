package dev.retort.spring.boot.autoconfigure;

import dev.retort.runtime.RetortSettings;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DefaultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.core.Ordered;

/**
 * Gives the jOOQ configuration Spring Boot auto-configures the migrations' rule for names ({@link
 * RetortSettings#jooqSettings()}), so that the application's {@code DSL.name("users")} reaches
 * the table a migration created with {@code createTable("users")}.
 *
 * <p>A choice the application made itself is kept: settings whose {@code renderQuotedNames} is
 * not jOOQ's default (from a {@code Settings} bean or {@code spring.jooq.config}) are left as
 * they are, and the application's customizers run after this one (it has order {@value
 * #ORDER}). To keep jOOQ's own default for the application's queries, set {@code
 * retort.jooq.enabled=false}. The settings are copied, never changed in place: a {@code Settings}
 * bean stays as the application declared it.
 */
final class JooqNameQuoting implements DefaultConfigurationCustomizer, Ordered {

  /** Before the application's customizers, which have no order or a later one. */
  static final int ORDER = 0;

  private static final Logger log = LoggerFactory.getLogger(JooqNameQuoting.class);

  /**
   * What jOOQ renders unless told otherwise. Settings that name this value explicitly cannot be
   * told from settings that name none, so they get the migrations' rule too.
   */
  private static final RenderQuotedNames JOOQ_DEFAULT = new Settings().getRenderQuotedNames();

  private final RenderQuotedNames rule;

  /** The rule of these settings, which the migrations are run with. */
  JooqNameQuoting(RetortSettings settings) {
    this.rule = settings.jooqSettings().getRenderQuotedNames();
  }

  @Override
  public void customize(DefaultConfiguration configuration) {
    Settings settings = configuration.settings();
    RenderQuotedNames chosen = settings.getRenderQuotedNames();
    if (chosen != null && chosen != JOOQ_DEFAULT) {
      log.debug("The application's jOOQ settings render names {}; {} leaves them so", chosen,
          Messages.NAME_QUOTING);
      return;
    }
    configuration.set(((Settings) settings.clone()).withRenderQuotedNames(rule));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}

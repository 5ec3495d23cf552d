package dev.retort.spring.boot.autoconfigure;

import static com.google.common.truth.Truth.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RetortSettings.NameQuoting;
import dev.retort.spring.boot.Failures;
import dev.retort.spring.boot.TestDatabases;
import dev.retort.spring.boot.widgets.Revisions;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The application's auto-configured jOOQ {@code DSLContext} writes names as the migrations do,
 * so that {@code DSL.name("widgets")} finds the table {@code createTable("widgets")} made; and
 * it is left alone whenever the application chose otherwise. On real contexts and H2, which
 * folds unquoted names to upper case and so tells the two rules apart.
 */
class RetortJooqAutoConfigurationTest {

  private static final String REGISTRY_ENTRY =
      "META-INF/services/dev.retort.runtime.RevisionRegistry";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
          JooqAutoConfiguration.class, RetortAutoConfiguration.class,
          RetortJooqAutoConfiguration.class))
      .withPropertyValues("spring.datasource.url=" + TestDatabases.h2());

  // ---- the rule ----

  @Test
  void byDefault_theDslContextWritesNamesUnquoted_andFindsTheMigratedTable() {
    runner.run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      DSLContext dsl = context.getBean(DSLContext.class);
      assertThat(dsl.settings().getRenderQuotedNames())
          .isEqualTo(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
      assertThat(dsl.render(widgets(dsl))).isEqualTo("select name from widgets");
      assertThat(widgets(dsl).fetch(0, String.class)).containsExactly("first");
    });
  }

  @Test
  void nameQuotingQuoted_quotesTheMigrationsAndTheDslContextAlike() {
    runner.withPropertyValues("retort.name-quoting=quoted").run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      DSLContext dsl = context.getBean(DSLContext.class);
      assertThat(dsl.settings().getRenderQuotedNames())
          .isEqualTo(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED);
      assertThat(dsl.render(widgets(dsl))).isEqualTo("select \"name\" from \"widgets\"");
      assertThat(widgets(dsl).fetch(0, String.class)).containsExactly("first");
    });
  }

  @Test
  void theRule_isTheRetortBeans_afterTheSettingsCustomizers() {
    runner.withBean(RetortSettingsCustomizer.class,
            () -> settings -> settings.withNameQuoting(NameQuoting.QUOTED))
        .run(context -> {
          assertThat(context.getBean(Retort.class).settings().nameQuoting())
              .isEqualTo(NameQuoting.QUOTED);
          assertThat(renderQuotedNames(context))
              .isEqualTo(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED);
          DSLContext dsl = context.getBean(DSLContext.class);
          assertThat(widgets(dsl).fetch(0, String.class)).containsExactly("first");
        });
  }

  @Test
  void theRule_isThatOfTheApplicationsOwnRetortBean() {
    runner.withUserConfiguration(QuotedRetort.class).run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(renderQuotedNames(context)).isEqualTo(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED);
    });
  }

  // ---- when the application chose ----

  @Test
  void jooqEnabledFalse_leavesTheDslContextAsJooqMakesIt_soItsQuotedNamesMissTheTable() {
    runner.withPropertyValues("retort.jooq.enabled=false").run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(context.getBeansOfType(DefaultConfigurationCustomizer.class)).isEmpty();
      DSLContext dsl = context.getBean(DSLContext.class);
      assertThat(dsl.settings().getRenderQuotedNames())
          .isEqualTo(new Settings().getRenderQuotedNames());
      assertThat(dsl.render(widgets(dsl))).isEqualTo("select \"name\" from \"widgets\"");
      RuntimeException missed = assertThrows(RuntimeException.class, () -> widgets(dsl).fetch());
      SQLException notFound = Failures.cause(missed, SQLException.class);
      assertThat(notFound.getMessage())
          .contains("Table \"widgets\" not found");
    });
  }

  @Test
  void aSettingsBeanThatChoseHowToRenderNames_isKept() {
    runner.withBean(Settings.class,
            () -> new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS))
        .run(context -> assertThat(renderQuotedNames(context))
            .isEqualTo(RenderQuotedNames.ALWAYS));
  }

  @Test
  void aSettingsBeanForOtherThings_getsTheRule_andIsNotChangedItself() {
    Settings bean = new Settings().withRenderSchema(false);
    runner.withBean(Settings.class, () -> bean).run(context -> {
      DSLContext dsl = context.getBean(DSLContext.class);
      assertThat(dsl.settings().getRenderQuotedNames())
          .isEqualTo(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
      assertThat(dsl.settings().isRenderSchema()).isFalse();
      assertThat(bean.getRenderQuotedNames()).isEqualTo(new Settings().getRenderQuotedNames());
    });
  }

  @Test
  void theApplicationsOwnCustomizer_runsAfterRetorts_evenToRestoreJooqsDefault() {
    runner.withBean(DefaultConfigurationCustomizer.class, () -> configuration -> configuration
            .settings().setRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED))
        .run(context -> assertThat(renderQuotedNames(context))
            .isEqualTo(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED));
  }

  @Test
  void theApplicationsOwnDslContext_isLeftAlone() {
    runner.withBean("ownDsl", DSLContext.class,
            () -> DSL.using(SQLDialect.H2, new Settings()))
        .run(context -> {
          assertThat(context.getStartupFailure()).isNull();
          assertThat(context.getBean(DSLContext.class).settings().getRenderQuotedNames())
              .isEqualTo(new Settings().getRenderQuotedNames());
        });
  }

  // ---- when there is nothing to follow ----

  @Test
  void retortEnabledFalse_leavesTheDslContextAlone() {
    runner.withPropertyValues("retort.enabled=false").run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(context.getBeansOfType(DefaultConfigurationCustomizer.class)).isEmpty();
      assertThat(renderQuotedNames(context)).isEqualTo(new Settings().getRenderQuotedNames());
    });
  }

  @Test
  void noRegistry_leavesTheDslContextAlone() {
    runner.withClassLoader(new FilteredClassLoader(new ClassPathResource(REGISTRY_ENTRY)))
        .run(context -> {
          assertThat(context.getStartupFailure()).isNull();
          assertThat(context.getBeansOfType(Retort.class)).isEmpty();
          assertThat(context.getBeansOfType(DefaultConfigurationCustomizer.class)).isEmpty();
        });
  }

  @Test
  void severalRetortBeansAndNoPrimary_leaveTheDslContextAlone() {
    runner.withUserConfiguration(TwoRetorts.class).run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(context.getBeansOfType(DefaultConfigurationCustomizer.class)).isEmpty();
      assertThat(renderQuotedNames(context)).isEqualTo(new Settings().getRenderQuotedNames());
    });
  }

  @Test
  void withoutSpringBootsJooqSupport_theApplicationMigratesAsBefore() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
            RetortAutoConfiguration.class, RetortJooqAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + TestDatabases.h2())
        .withClassLoader(new FilteredClassLoader(DefaultConfigurationCustomizer.class))
        .run(context -> {
          assertThat(context.getStartupFailure()).isNull();
          assertThat(context.getBeansOfType(DefaultConfigurationCustomizer.class)).isEmpty();
          assertThat(RetortAutoConfigurationTest.names(context.getBean(DataSource.class)))
              .containsExactly("first");
        });
  }

  // ---- helpers ----

  private static ResultQuery<?> widgets(DSLContext dsl) {
    return dsl.select(field(name("name"), String.class)).from(table(name("widgets")));
  }

  private static RenderQuotedNames renderQuotedNames(AssertableApplicationContext context) {
    assertThat(context.getStartupFailure()).isNull();
    return context.getBean(DSLContext.class).settings().getRenderQuotedNames();
  }

  @Configuration(proxyBeanMethods = false)
  static class QuotedRetort {
    @Bean
    Retort ownRetort(DataSource dataSource) {
      return Retort.using(dataSource, Revisions.REGISTRY)
          .withSettings(RetortSettings.defaults().withNameQuoting(NameQuoting.QUOTED));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoRetorts {
    @Bean
    Retort quotedRetort(DataSource dataSource) {
      return Retort.using(dataSource, Revisions.REGISTRY)
          .withSettings(RetortSettings.defaults().withNameQuoting(NameQuoting.QUOTED));
    }

    @Bean
    Retort unquotedRetort(DataSource dataSource) {
      return Retort.using(dataSource, Revisions.REGISTRY);
    }
  }
}

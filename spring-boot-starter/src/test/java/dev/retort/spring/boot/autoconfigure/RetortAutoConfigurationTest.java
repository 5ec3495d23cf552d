package dev.retort.spring.boot.autoconfigure;

import static com.google.common.truth.Truth.assertThat;
import static dev.retort.spring.boot.Failures.ids;

import dev.retort.runtime.Retort;
import dev.retort.runtime.RetortSettings;
import dev.retort.runtime.RetortSettings.NameQuoting;
import dev.retort.runtime.RetortSettings.TransactionMode;
import dev.retort.runtime.RevisionRegistry;
import dev.retort.spring.boot.Failures;
import dev.retort.spring.boot.TestDatabases;
import dev.retort.spring.boot.widgets.Revisions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Every condition and property of {@link RetortAutoConfiguration}, on real contexts and H2. */
class RetortAutoConfigurationTest {

  private static final String REGISTRY_ENTRY =
      "META-INF/services/dev.retort.runtime.RevisionRegistry";

  /** The tables of the H2 database's PUBLIC schema, named as H2 stores them. */
  private static final String TABLES_AS_STORED =
      "select table_name from information_schema.tables where table_schema = 'PUBLIC'";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
          RetortAutoConfiguration.class));

  private ApplicationContextRunner onH2() {
    return onH2(TestDatabases.h2());
  }

  private ApplicationContextRunner onH2(String url) {
    return runner.withPropertyValues("spring.datasource.url=" + url);
  }

  // ---- conditions ----

  @Test
  void aDataSourceAndARegistry_upgradeTheDatabaseToEveryHead_atStartUp() {
    onH2().run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(context.getBeansOfType(RetortMigrationInitializer.class)).hasSize(1);
      assertThat(ids(context.getBean(Retort.class).current()))
          .containsExactly(Revisions.W3_UNIQUE_WIDGET_NAMES.id());
      assertThat(names(context.getBean(DataSource.class))).containsExactly("first");
    });
  }

  @Test
  void noDataSource_backsOff() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RetortAutoConfiguration.class))
        .run(context -> {
          assertThat(context.getStartupFailure()).isNull();
          assertThat(context.getBeansOfType(Retort.class)).isEmpty();
        });
  }

  @Test
  void noDataSource_butRetortUrl_migratesThatDatabaseThroughAConnectionOfItsOwn() {
    String url = TestDatabases.h2();
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RetortAutoConfiguration.class))
        .withPropertyValues("retort.url=" + url, "retort.user=sa")
        .run(context -> {
          assertThat(context.getStartupFailure()).isNull();
          assertThat(names(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "")))
              .containsExactly("first");
        });
  }

  @Test
  void noRegistry_backsOff() {
    onH2().withClassLoader(new FilteredClassLoader(new ClassPathResource(REGISTRY_ENTRY)))
        .run(context -> {
          assertThat(context.getStartupFailure()).isNull();
          assertThat(context.getBeansOfType(Retort.class)).isEmpty();
          assertThat(tables(context.getBean(DataSource.class))).doesNotContain("widgets");
        });
  }

  @Test
  void noGeneratedRegistry_butARegistryBean_migratesWithTheBean() {
    onH2().withClassLoader(new FilteredClassLoader(new ClassPathResource(REGISTRY_ENTRY)))
        .withBean(RevisionRegistry.class, () -> Revisions.REGISTRY)
        .run(context -> {
          assertThat(context.getStartupFailure()).isNull();
          assertThat(context.getBean(Retort.class).registry()).isSameInstanceAs(Revisions.REGISTRY);
          assertThat(tables(context.getBean(DataSource.class))).contains("widgets");
        });
  }

  @Test
  void noRuntimeOnTheClasspath_backsOff() {
    onH2().withClassLoader(new FilteredClassLoader(Retort.class)).run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(context.getBeanNamesForType(RetortMigrationInitializer.class)).isEmpty();
    });
  }

  @Test
  void enabledFalse_backsOff_andTouchesNothing() {
    onH2().withPropertyValues("retort.enabled=false").run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(context.getBeansOfType(Retort.class)).isEmpty();
      assertThat(tables(context.getBean(DataSource.class))).isEmpty();
    });
  }

  @Test
  void theApplicationsOwnRetortAndInitializer_replaceTheAutoConfiguredOnes() {
    onH2().withUserConfiguration(OwnBeans.class).run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(context.getBean(Retort.class).settings().versionTable()).isEqualTo("own_version");
      assertThat(context.getBeansOfType(RetortMigrationInitializer.class).keySet())
          .containsExactly("ownInitializer");
      assertThat(tables(context.getBean(DataSource.class))).contains("own_version");
    });
  }

  // ---- mode and target ----

  @Test
  void modeNone_createsTheRetortBean_butTouchesNothing() {
    onH2().withPropertyValues("retort.mode=none").run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(context.getBeansOfType(Retort.class)).hasSize(1);
      assertThat(tables(context.getBean(DataSource.class))).isEmpty();
    });
  }

  @Test
  void modeIsBoundWhateverItsCase() {
    onH2().withPropertyValues("retort.mode=NONE").run(context ->
        assertThat(tables(context.getBean(DataSource.class))).isEmpty());
  }

  @Test
  void validateMode_onADatabaseNeverMigrated_failsStartUp_withEveryRevisionPending() {
    String url = TestDatabases.h2();
    onH2(url).withPropertyValues("retort.mode=validate").run(context -> {
      PendingRevisionsException failure = failure(context, PendingRevisionsException.class);
      assertThat(ids(failure.pending())).containsExactly(Revisions.W1_CREATE_WIDGETS.id(),
          Revisions.W2_SEED_FIRST_WIDGET.id(), Revisions.W3_UNIQUE_WIDGET_NAMES.id()).inOrder();
      assertThat(tables(url)).doesNotContain("widgets");
    });
  }

  @Test
  void aTarget_stopsTheUpgradeThere() {
    onH2().withPropertyValues("retort.target=" + Revisions.W1_CREATE_WIDGETS.id()).run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(ids(context.getBean(Retort.class).current()))
          .containsExactly(Revisions.W1_CREATE_WIDGETS.id());
      assertThat(names(context.getBean(DataSource.class))).isEmpty();
    });
  }

  @Test
  void aTargetThatNamesNoRevision_failsStartUp_namingTheProperty() {
    String url = TestDatabases.h2();
    onH2(url).withPropertyValues("retort.target=deadbeef0000").run(context -> {
      InvalidRetortPropertyException failure =
          failure(context, InvalidRetortPropertyException.class);
      assertThat(failure.property()).isEqualTo(Messages.TARGET);
      assertThat(failure).hasMessageThat().startsWith(Messages.invalidProperty(Messages.TARGET,
          ""));
      assertThat(failure).hasMessageThat().contains("deadbeef0000");
      assertThat(tables(url)).doesNotContain("widgets");
    });
  }

  @Test
  void anEmptyTarget_failsStartUp() {
    onH2().withPropertyValues("retort.target= ").run(context ->
        assertThat(failure(context, InvalidRetortPropertyException.class))
            .hasMessageThat().isEqualTo(
                Messages.invalidProperty(Messages.TARGET, Messages.emptyTarget())));
  }

  // ---- state tables, lock, transactions ----

  @Test
  void theDefaultsOfTheProperties_areTheRuntimesDefaults() {
    RetortProperties properties = new RetortProperties();
    RetortSettings defaults = RetortSettings.defaults();

    assertThat(properties.getVersionTable()).isEqualTo(defaults.versionTable());
    assertThat(properties.getHistoryTable()).isEqualTo(defaults.historyTable());
    assertThat(properties.getLockTable()).isEqualTo(defaults.lockTable());
    assertThat(properties.getLockTimeout()).isEqualTo(defaults.lockTimeout());
    assertThat(properties.getLeaseDuration()).isEqualTo(defaults.leaseDuration());
    assertThat(properties.getTransactionMode()).isEqualTo(defaults.transactionMode());
    assertThat(properties.getSchema()).isEqualTo(defaults.schema());
    assertThat(properties.getNameQuoting()).isEqualTo(defaults.nameQuoting());
  }

  @Test
  void lockAndTransactionProperties_reachTheSettings() {
    onH2().withPropertyValues("retort.mode=none", "retort.lock-timeout=45s",
            "retort.lease-duration=5s", "retort.transaction-mode=single")
        .run(context -> {
          RetortSettings settings = context.getBean(Retort.class).settings();
          assertThat(settings.lockTimeout()).isEqualTo(Duration.ofSeconds(45));
          assertThat(settings.leaseDuration()).isEqualTo(Duration.ofSeconds(5));
          assertThat(settings.transactionMode()).isEqualTo(TransactionMode.SINGLE);
        });
  }

  @Test
  void schemaAndTableNames_placeTheStateTables() {
    runner.withPropertyValues(
            "spring.datasource.url=" + TestDatabases.h2() + ";INIT=CREATE SCHEMA IF NOT EXISTS OPS",
            "retort.schema=ops", "retort.version-table=shop_version",
            "retort.history-table=shop_history", "retort.lock-table=shop_lock")
        .run(context -> {
          assertThat(context.getStartupFailure()).isNull();
          assertThat(context.getBean(Retort.class).settings().schema()).isEqualTo("ops");
          assertThat(tables(context.getBean(DataSource.class), "OPS"))
              .containsAtLeast("shop_version", "shop_history", "shop_lock");
          assertThat(tables(context.getBean(DataSource.class)))
              .containsNoneOf("retort_version", "retort_history", "retort_lock");
        });
  }

  @Test
  void aTableNameThatIsNoIdentifier_failsStartUp_namingTheProperty_beforeTouchingAnything() {
    String url = TestDatabases.h2();
    onH2(url).withPropertyValues("retort.history-table=history; drop table users").run(context -> {
      InvalidRetortPropertyException failure =
          failure(context, InvalidRetortPropertyException.class);
      assertThat(failure.property()).isEqualTo(Messages.HISTORY_TABLE);
      assertThat(failure).hasMessageThat().contains("must be a plain SQL identifier");
      assertThat(tables(url)).isEmpty();
    });
  }

  @Test
  void aLockTimeoutOfZero_failsStartUp_namingTheProperty() {
    onH2().withPropertyValues("retort.lock-timeout=0s").run(context ->
        assertThat(failure(context, InvalidRetortPropertyException.class).property())
            .isEqualTo(Messages.LOCK_TIMEOUT));
  }

  @Test
  void aNegativeLeaseDuration_failsStartUp_namingTheProperty() {
    onH2().withPropertyValues("retort.lease-duration=-5s").run(context ->
        assertThat(failure(context, InvalidRetortPropertyException.class).property())
            .isEqualTo(Messages.LEASE_DURATION));
  }

  // ---- name quoting ----

  @Test
  void byDefault_theMigrationsNamesAreUnquoted_soTheDatabaseFoldsThem() {
    onH2().run(context -> {
      assertThat(context.getBean(Retort.class).settings().nameQuoting())
          .isEqualTo(NameQuoting.UNQUOTED);
      assertThat(strings(context.getBean(DataSource.class), TABLES_AS_STORED))
          .contains("WIDGETS");
    });
  }

  @Test
  void nameQuotingQuoted_writesTheMigrationsNamesQuoted_inTheirCase() {
    onH2().withPropertyValues("retort.name-quoting=quoted").run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(context.getBean(Retort.class).settings().nameQuoting())
          .isEqualTo(NameQuoting.QUOTED);
      DataSource dataSource = context.getBean(DataSource.class);
      assertThat(strings(dataSource, TABLES_AS_STORED)).contains("widgets");
      assertThat(strings(dataSource, "select \"name\" from \"widgets\"")).containsExactly("first");
    });
  }

  @Test
  void aNameQuotingThatDoesNotExist_isAnalysedWithTheChoices() {
    onH2().withPropertyValues("retort.name-quoting=lower").run(context -> {
      FailureAnalysis analysis = new RetortBindFailureAnalyzer(new StandardEnvironment())
          .analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).isEqualTo(Messages.notOneOf(Messages.NAME_QUOTING,
          "lower", List.of("unquoted", "quoted")));
      assertThat(analysis.getAction()).endsWith(" to unquoted or quoted.");
    });
  }

  @Test
  void anEmptyNameQuoting_keepsTheDefault_asSpringBootDoesForAnEmptyEnumProperty() {
    onH2().withPropertyValues("retort.name-quoting=").run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(context.getBean(Retort.class).settings().nameQuoting())
          .isEqualTo(NameQuoting.UNQUOTED);
    });
  }

  @Test
  void aCustomizer_canQuoteNamesAfterTheProperties() {
    onH2().withBean(RetortSettingsCustomizer.class,
            () -> settings -> settings.withNameQuoting(NameQuoting.QUOTED))
        .run(context -> assertThat(context.getBean(Retort.class).settings().nameQuoting())
            .isEqualTo(NameQuoting.QUOTED));
  }

  // ---- connections ----

  @Test
  void aUser_migratesTheApplicationsDatabaseAsThatUser() {
    runner.withPropertyValues("spring.datasource.url=" + TestDatabases.h2()
                + ";INIT=CREATE USER IF NOT EXISTS MIGRATOR PASSWORD 'm1grator-Secret' ADMIN",
            "retort.user=migrator", "retort.password=m1grator-Secret")
        .run(context -> {
          assertThat(context.getStartupFailure()).isNull();
          assertThat(context.getBean(Retort.class).auditTrail(1).get(0).databaseUser())
              .isEqualTo("MIGRATOR");
        });
  }

  @Test
  void aPasswordWithoutUserOrUrl_failsStartUp_ratherThanBeingIgnored() {
    onH2().withPropertyValues("retort.password=Sup3r-Secret").run(context -> {
      InvalidRetortPropertyException failure =
          failure(context, InvalidRetortPropertyException.class);
      assertThat(failure.property()).isEqualTo(Messages.PASSWORD);
      assertThat(failure).hasMessageThat().doesNotContain("Sup3r-Secret");
    });
  }

  @Test
  void aUrlThatIsNotJdbc_failsStartUp_withoutQuotingIt() {
    onH2().withPropertyValues("retort.url=postgresql://db/shop?password=Sup3r-Secret")
        .run(context -> {
          InvalidRetortPropertyException failure =
              failure(context, InvalidRetortPropertyException.class);
          assertThat(failure).hasMessageThat()
              .isEqualTo(Messages.invalidProperty(Messages.URL, Messages.notAJdbcUrl()));
        });
  }

  @Test
  void aUrlNoDriverAccepts_failsStartUp_withoutQuotingIt() {
    onH2().withPropertyValues("retort.url=jdbc:nosuchdb://db/shop?password=Sup3r-Secret")
        .run(context -> {
          InvalidRetortPropertyException failure =
              failure(context, InvalidRetortPropertyException.class);
          assertThat(failure).hasMessageThat()
              .isEqualTo(Messages.invalidProperty(Messages.URL, Messages.noDriverFor()));
          for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).doesNotContain("Sup3r-Secret");
          }
        });
  }

  @Test
  void aRetortDataSourceBean_isMigratedInsteadOfThePrimaryOne() {
    String other = TestDatabases.h2();
    onH2().withUserConfiguration(SecondDataSource.class)
        .withPropertyValues("second.url=" + other)
        .run(context -> {
          assertThat(context.getStartupFailure()).isNull();
          assertThat(tables(context.getBean("second", DataSource.class))).contains("widgets");
          assertThat(tables(context.getBean("primary", DataSource.class))).isEmpty();
        });
  }

  @Test
  void severalDataSourcesAndNoPrimary_failStartUp_sayingHowToChoose() {
    runner.withUserConfiguration(TwoDataSources.class).run(context ->
        assertThat(failure(context, dev.retort.runtime.RetortException.class))
            .hasMessageThat().isEqualTo(Messages.noSingleDataSource()));
  }

  // ---- strategy and customizers ----

  @Test
  void aStrategyBean_replacesTheUpgrade() {
    AtomicReference<Retort> given = new AtomicReference<>();
    onH2().withBean(RetortMigrationStrategy.class, () -> retort -> {
      given.set(retort);
      retort.upgrade(Revisions.W2_SEED_FIRST_WIDGET.id());
    }).run(context -> {
      assertThat(context.getStartupFailure()).isNull();
      assertThat(given.get()).isSameInstanceAs(context.getBean(Retort.class));
      assertThat(ids(given.get().current())).containsExactly(Revisions.W2_SEED_FIRST_WIDGET.id());
    });
  }

  @Test
  void aStrategyBean_doesNotRunWithModeNone() {
    AtomicReference<Retort> given = new AtomicReference<>();
    onH2().withPropertyValues("retort.mode=none")
        .withBean(RetortMigrationStrategy.class, () -> given::set)
        .run(context -> assertThat(given.get()).isNull());
  }

  @Test
  void customizers_changeTheSettingsInTheirOrder_afterTheProperties() {
    onH2().withPropertyValues("retort.version-table=from_properties")
        .withUserConfiguration(Customizers.class)
        .run(context -> {
          assertThat(context.getStartupFailure()).isNull();
          assertThat(context.getBean(Retort.class).settings().versionTable())
              .isEqualTo("from_properties_first_second");
        });
  }

  // ---- failure analysis ----

  @Test
  void anInvalidProperty_isAnalysedAsOneLineProblemAndTheFix() {
    onH2().withPropertyValues("retort.version-table=1st").run(context -> {
      FailureAnalysis analysis = new RetortFailureAnalyzer(new StandardEnvironment())
          .analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).startsWith(
          Messages.invalidProperty(Messages.VERSION_TABLE, "The version table name"));
      assertThat(analysis.getDescription()).doesNotContain("\n");
      assertThat(analysis.getAction()).startsWith("Fix " + Messages.VERSION_TABLE);
    });
  }

  @Test
  void aModeThatDoesNotExist_isAnalysedWithTheModesThatDo() {
    onH2().withPropertyValues("retort.mode=upgarde").run(context -> {
      FailureAnalysis analysis = new RetortBindFailureAnalyzer(new StandardEnvironment())
          .analyze(context.getStartupFailure());
      List<String> modes = List.of("upgrade", "validate", "none");
      assertThat(analysis.getDescription())
          .isEqualTo(Messages.notOneOf(Messages.MODE, "upgarde", modes));
      assertThat(analysis.getAction()).startsWith("Set " + Messages.MODE + " (in ");
      assertThat(analysis.getAction()).contains("retort.mode");
      assertThat(analysis.getAction()).endsWith(" to upgrade, validate or none.");
    });
  }

  @Test
  void aTransactionModeThatDoesNotExist_isAnalysedWithThePropertysSpelling() {
    onH2().withPropertyValues("retort.transaction-mode=each").run(context ->
        assertThat(new RetortBindFailureAnalyzer(new StandardEnvironment())
            .analyze(context.getStartupFailure()).getAction())
            .endsWith(" to per-revision or single."));
  }

  @Test
  void aDurationWithoutAUnitSpringKnows_isAnalysedWithExamples() {
    onH2().withPropertyValues("retort.lock-timeout=ten minutes").run(context -> {
      FailureAnalysis analysis = new RetortBindFailureAnalyzer(new StandardEnvironment())
          .analyze(context.getStartupFailure());
      assertThat(analysis.getDescription())
          .isEqualTo(Messages.notADuration(Messages.LOCK_TIMEOUT, "ten minutes"));
    });
  }

  @Test
  void aBindingFailureOfAnotherProperty_isLeftToSpringBoot() {
    onH2().withPropertyValues("spring.datasource.hikari.maximum-pool-size=many").run(context ->
        assertThat(new RetortBindFailureAnalyzer(new StandardEnvironment())
            .analyze(context.getStartupFailure())).isNull());
  }

  // ---- helpers ----

  private static <T extends Throwable> T failure(AssertableApplicationContext context,
      Class<T> type) {
    assertThat(context.getStartupFailure()).isNotNull();
    return Failures.cause(context.getStartupFailure(), type);
  }

  static List<String> names(DataSource dataSource) throws SQLException {
    return strings(dataSource, "select name from widgets order by id");
  }

  /** The tables of the H2 database, in lower case, however they were created. */
  static List<String> tables(DataSource dataSource) throws SQLException {
    return tables(dataSource, "PUBLIC");
  }

  static List<String> tables(String h2Url) throws SQLException {
    return tables(new SimpleDriverDataSource(new org.h2.Driver(), h2Url, "sa", ""));
  }

  static List<String> tables(DataSource dataSource, String schema) throws SQLException {
    return strings(dataSource, "select lower(table_name) from information_schema.tables"
        + " where table_schema = '" + schema + "'");
  }

  private static List<String> strings(DataSource dataSource, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet rows = connection.createStatement().executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    @Bean
    Retort ownRetort(DataSource dataSource) {
      return Retort.using(dataSource, Revisions.REGISTRY)
          .withSettings(RetortSettings.defaults().withVersionTable("own_version"));
    }

    @Bean
    RetortMigrationInitializer ownInitializer(Retort retort) {
      return new RetortMigrationInitializer(retort, new RetortProperties(), null);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class SecondDataSource {
    @Bean
    @Primary
    DataSource primary(org.springframework.core.env.Environment environment) {
      return new SimpleDriverDataSource(new org.h2.Driver(),
          environment.getProperty("spring.datasource.url"), "sa", "");
    }

    @Bean
    @RetortDataSource
    DataSource second(org.springframework.core.env.Environment environment) {
      return new SimpleDriverDataSource(new org.h2.Driver(),
          environment.getProperty("second.url"), "sa", "");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoDataSources {
    @Bean
    DataSource one() {
      return new SimpleDriverDataSource(new org.h2.Driver(), TestDatabases.h2(), "sa", "");
    }

    @Bean
    DataSource two() {
      return new SimpleDriverDataSource(new org.h2.Driver(), TestDatabases.h2(), "sa", "");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Customizers {
    @Bean
    @Order(2)
    RetortSettingsCustomizer second() {
      return settings -> settings.withVersionTable(settings.versionTable() + "_second");
    }

    @Bean
    @Order(1)
    RetortSettingsCustomizer first() {
      return settings -> settings.withVersionTable(settings.versionTable() + "_first");
    }
  }
}

package com.example.shop.service;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Spring's AOT processing of the service ({@code spring-boot:process-aot}, bound to {@code
 * process-classes}) generated. Retort finds its registry through {@code ServiceLoader} and
 * creates migrations with generated constructor calls, so it needs no reflection: no hint may
 * open the runtime, the registry or a migration class. The starter's own hints are the ones
 * Spring adds for any starter, listed here so that a new one fails this test.
 */
class AotProcessingTest {

  private static final Path AOT = Path.of("target", "spring-aot", "main");

  /**
   * Spring's hints for the starter: auto-configurations and spring.factories entries it
   * instantiates, the bound properties class, and the endpoint's JSON types.
   */
  private static final Set<String> STARTER_HINTS = Set.of(
      "dev.retort.spring.boot.autoconfigure.RetortAutoConfiguration",
      "dev.retort.spring.boot.autoconfigure.RetortEndpointAutoConfiguration",
      "dev.retort.spring.boot.autoconfigure.RetortHealthContributorAutoConfiguration",
      "dev.retort.spring.boot.autoconfigure.RetortMigrationInitializer",
      "dev.retort.spring.boot.autoconfigure.RetortProperties",
      "dev.retort.spring.boot.autoconfigure.RetortProperties$Jooq",
      "dev.retort.spring.boot.autoconfigure.RetortJooqAutoConfiguration",
      "dev.retort.spring.boot.autoconfigure.RetortDatabaseInitializerDetector",
      "dev.retort.spring.boot.autoconfigure.RetortFailureAnalyzer",
      "dev.retort.spring.boot.autoconfigure.RetortBindFailureAnalyzer",
      "dev.retort.spring.boot.actuate.RetortEndpoint",
      "dev.retort.spring.boot.actuate.RetortEndpoint$RetortReport",
      "dev.retort.spring.boot.actuate.RetortEndpoint$ContextRetortBeans",
      "dev.retort.spring.boot.actuate.RetortEndpoint$RetortBean",
      "dev.retort.spring.boot.actuate.RetortEndpoint$Revision",
      "dev.retort.spring.boot.actuate.RetortEndpoint$HistoryRow");

  @Test
  void noReflectionHint_opensTheRuntimeTheRegistryOrAMigration() throws Exception {
    List<JsonNode> hints = reflectionHints();
    assertThat(hints).isNotEmpty();

    List<String> opened = new ArrayList<>();
    for (JsonNode hint : hints) {
      String type = hint.get("type").isString() ? hint.get("type").asString() : "";
      boolean retort = type.startsWith("dev.retort.runtime.")
          || type.startsWith("dev.retort.annotations.")
          || type.startsWith("com.example.shop.db.");
      Set<String> members = new TreeSet<>(hint.propertyNames());
      members.removeAll(Set.of("type", "condition"));
      if (retort && !members.isEmpty()) {
        opened.add(type + " " + members);
      }
      if (type.startsWith("com.example.shop.db.")) {
        opened.add(type);
      }
    }
    assertThat(opened).isEmpty();
  }

  @Test
  void theStartersHints_areOnlyThoseSpringAddsForAnyStarter() throws Exception {
    Set<String> starter = new TreeSet<>();
    for (JsonNode hint : reflectionHints()) {
      if (hint.get("type").isString() && hint.get("type").asString().startsWith("dev.retort.spring.")) {
        starter.add(hint.get("type").asString());
      }
    }
    assertThat(starter).containsExactlyElementsIn(STARTER_HINTS);
  }

  @Test
  void theMigrationInitializer_isWiredBeforeEverythingThatUsesTheDatabase() throws Exception {
    assertThat(dependsOnInitializer("org/springframework/boot/hibernate/autoconfigure/"
        + "HibernateJpaConfiguration__BeanDefinitions.java")).isTrue();
    assertThat(dependsOnInitializer("org/springframework/boot/jooq/autoconfigure/"
        + "JooqAutoConfiguration__BeanDefinitions.java")).isTrue();
    assertThat(dependsOnInitializer("org/springframework/boot/jdbc/autoconfigure/"
        + "JdbcTemplateConfiguration__BeanDefinitions.java")).isTrue();
  }

  private static boolean dependsOnInitializer(String source) throws Exception {
    return Files.readString(AOT.resolve("sources").resolve(source))
        .contains("setDependsOn(\"retortMigrationInitializer\"");
  }

  private static List<JsonNode> reflectionHints() throws Exception {
    Path metadata = AOT.resolve("resources/META-INF/native-image/dev.retort/"
        + "retort-example-spring-boot/reachability-metadata.json");
    List<JsonNode> hints = new ArrayList<>();
    JsonMapper.builder().build().readTree(Files.readString(metadata)).get("reflection")
        .forEach(hints::add);
    return hints;
  }
}

package dev.retort.spring.boot.autoconfigure;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata the build generates into the starter's jar, which IDEs read to
 * complete and document {@code retort.*} properties.
 */
class ConfigurationMetadataTest {

  private static JsonNode metadata;

  @BeforeAll
  static void read() throws Exception {
    Path classes = Path.of(RetortProperties.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    metadata = JsonMapper.builder().build().readTree(Files.readString(
        classes.resolve("META-INF/spring-configuration-metadata.json")));
  }

  @Test
  void nameQuoting_isDescribed_withItsDefault_andBothValues() {
    JsonNode property = property("retort.name-quoting");
    assertThat(property.get("type").asString())
        .isEqualTo("dev.retort.runtime.RetortSettings$NameQuoting");
    assertThat(property.get("defaultValue").asString()).isEqualTo("unquoted");
    assertThat(property.get("description").asString()).contains("DSLContext");
    assertThat(hintValues("retort.name-quoting")).containsExactly("unquoted", "quoted");
  }

  @Test
  void jooqEnabled_isDescribed_andOnByDefault() {
    JsonNode property = property("retort.jooq.enabled");
    assertThat(property.get("type").asString()).isEqualTo("java.lang.Boolean");
    assertThat(property.get("defaultValue").asBoolean()).isTrue();
    assertThat(property.get("description").asString()).contains("retort.name-quoting");
  }

  private static JsonNode property(String name) {
    for (JsonNode property : metadata.get("properties")) {
      if (property.get("name").asString().equals(name)) {
        return property;
      }
    }
    throw new AssertionError("No metadata for " + name);
  }

  private static List<String> hintValues(String name) {
    List<String> values = new ArrayList<>();
    for (JsonNode hint : metadata.get("hints")) {
      if (hint.get("name").asString().equals(name)) {
        hint.get("values").forEach(value -> values.add(value.get("value").asString()));
      }
    }
    return values;
  }
}

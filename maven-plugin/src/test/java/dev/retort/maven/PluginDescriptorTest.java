package dev.retort.maven;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The descriptor Maven reads the goals from, as maven-plugin-plugin wrote it from the mojos. */
class PluginDescriptorTest {

  private static final Map<String, Element> goals = new LinkedHashMap<>();

  @BeforeAll
  static void readTheDescriptor() throws Exception {
    Element plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile()).getDocumentElement();
    NodeList mojos = plugin.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      goals.put(child(mojo, "goal"), mojo);
    }
  }

  @Test
  void theGoals_areTheCommandLinesCommands() {
    assertThat(goals.keySet()).containsExactly("check", "current", "downgrade", "heads",
        "history", "sql", "upgrade", "validate", "verify");
  }

  @Test
  void everyGoal_masksItsPassword_andReadsTheProjectsRuntimeClasspath() {
    goals.forEach((goal, mojo) -> {
      assertWithMessage(goal).that(child(mojo, "configurator")).isEqualTo("retort");
      assertWithMessage(goal).that(child(mojo, "requiresDependencyResolution"))
          .isEqualTo("runtime");
      assertWithMessage(goal).that(parameters(mojo)).containsAtLeast("url", "user", "password",
          "serverId", "configFile", "skip");
    });
  }

  @Test
  void checkAndVerify_bindToTheVerifyPhase() {
    assertThat(child(goals.get("check"), "phase")).isEqualTo("verify");
    assertThat(child(goals.get("verify"), "phase")).isEqualTo("verify");
  }

  private static List<String> parameters(Element mojo) {
    List<String> names = new ArrayList<>();
    NodeList parameters = mojo.getElementsByTagName("parameter");
    for (int i = 0; i < parameters.getLength(); i++) {
      names.add(child((Element) parameters.item(i), "name"));
    }
    return names;
  }

  /** The text of the element's direct child of that name, or null. */
  private static String child(Element element, String name) {
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
        return child.getTextContent().trim();
      }
    }
    return null;
  }
}

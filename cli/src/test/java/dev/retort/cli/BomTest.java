package dev.retort.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Using Retort from another project: the BOM manages every published module at the build's
 * version, and the README's Maven snippet is complete (a version property, the BOM import, the
 * processor path at that version).
 */
class BomTest {

  private static final Path ROOT = Path.of("..");
  /**
   * Modules that are not published, and everything under examples/: they use Retort rather than
   * make it up.
   */
  private static final Set<String> UNPUBLISHED = Set.of("sample", "benchmarks", "bom");

  private static Document xml(String text) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String child(Element element, String name) {
    NodeList children = element.getElementsByTagName(name);
    return children.getLength() == 0 ? null : children.item(0).getTextContent().strip();
  }

  @Test
  void theBom_managesEveryPublishedModule_atTheBuildsVersion() throws Exception {
    Document root = xml(Files.readString(ROOT.resolve("pom.xml")));
    Document bom = xml(Files.readString(ROOT.resolve("bom/pom.xml")));
    String version = child(root.getDocumentElement(), "version");

    assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(version);
    List<String> managed = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      managed.add(child((Element) dependencies.item(i), "artifactId"));
    }
    NodeList modules = root.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      String module = modules.item(i).getTextContent().strip();
      if (UNPUBLISHED.contains(module) || module.startsWith("examples/")) {
        continue;
      }
      Document pom = xml(Files.readString(ROOT.resolve(module).resolve("pom.xml")));
      String packaging = child(pom.getDocumentElement(), "packaging");
      if (packaging == null || packaging.equals("jar")) {
        String artifactId = pom.getDocumentElement().getElementsByTagName("artifactId").item(1)
            .getTextContent().strip();
        assertWithMessage(module).that(managed).contains(artifactId);
      }
    }
  }

  @Test
  void theReadmesMavenSnippet_definesTheVersion_importsTheBom_andSaysHowToInstall()
      throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String section = readme.substring(readme.indexOf("## Using it in a Maven build"));
    Matcher block = Pattern.compile("(?s)```xml\n(.*?)```").matcher(section);
    assertThat(block.find()).isTrue();
    Document snippet = xml("<project>" + block.group(1) + "</project>");
    Document root = xml(Files.readString(ROOT.resolve("pom.xml")));

    assertThat(child(snippet.getDocumentElement(), "retort.version"))
        .isEqualTo(child(root.getDocumentElement(), "version"));
    Element imported = (Element) snippet.getElementsByTagName("dependencyManagement").item(0);
    assertThat(child(imported, "artifactId")).isEqualTo("retort-bom");
    assertThat(child(imported, "version")).isEqualTo("${retort.version}");
    assertThat(child(imported, "scope")).isEqualTo("import");
    Element path = (Element) snippet.getElementsByTagName("path").item(0);
    assertThat(child(path, "artifactId")).isEqualTo("retort-processor");
    assertThat(child(path, "version")).isEqualTo("${retort.version}");
    assertThat(section).contains("./mvnw install");
    assertThat(section).contains("JDK 17");
    assertThat(section).contains("slf4j-simple");
  }
}

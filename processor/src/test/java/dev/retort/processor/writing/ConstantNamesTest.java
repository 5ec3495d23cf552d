package dev.retort.processor.writing;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConstantNamesTest {

  @Test
  void aClassName_becomesUpperSnakeCase_withAcronymsAndDigitsKeptTogether() {
    assertThat(ConstantNames.fromClassName("com.example.AddHTMLPage2Users"))
        .isEqualTo("ADD_HTML_PAGE2_USERS");
    assertThat(ConstantNames.fromClassName("com.example.Outer$V1_Init"))
        .isEqualTo("OUTER_V1_INIT");
    assertThat(ConstantNames.fromClassName("Default__Package")).isEqualTo("DEFAULT_PACKAGE");
  }

  /**
   * The names are in applications' code, so they stay as the regular expressions that first
   * defined them made them, for any class name.
   */
  @Test
  void everyClassName_getsTheNameTheRegularExpressionsGave() {
    Random random = new Random(19);
    String alphabet = "aZbYcX09_$éÄ";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder name = new StringBuilder();
      for (int length = 1 + random.nextInt(12); name.length() < length; ) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String binaryName = "p.q." + name;
      assertWithMessage(binaryName).that(ConstantNames.fromClassName(binaryName))
          .isEqualTo(byRegularExpressions(binaryName));
    }
  }

  private static String byRegularExpressions(String binaryName) {
    String simpleName = binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '_');
    String snake = simpleName
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2");
    return snake.toUpperCase(Locale.ROOT).replaceAll("_+", "_");
  }
}

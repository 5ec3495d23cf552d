package dev.retort.processor.writing;

import static com.google.common.truth.Truth.assertThat;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringLiteralsTest {

  @Test
  void aStringOnOneLine_isEscapedExactlyAsJavaPoetsDollarSEscapesIt() {
    List<String> values = List.of("", "plain 12:ab", "it's", "say \"hi\"", "back\\slash",
        "tab\there", "nul\0", "del\u007f", "caf\u00e9 \u2713 \u65e5\u672c", "$S $L $$",
        "{@code x}", "bell\u0007 nel\u0085");

    for (String value : values) {
      assertThat(StringLiterals.quoted(value)).isEqualTo(CodeBlock.of("$S", value).toString());
    }
  }

  @Test
  void lineBreaksAndLineSeparators_areEscaped_soTheLiteralStaysOnOneLine() {
    assertThat(StringLiterals.quoted("two\nlines\r\n")).isEqualTo("\"two\\nlines\\r\\n\"");
    assertThat(StringLiterals.quoted("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
    assertThat(StringLiterals.quoted("\\u0041")).isEqualTo("\"\\\\u0041\"");
  }
}

package dev.retort.processor.writing;

import static com.google.common.truth.Truth.assertThat;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringLiteralsTest {

  @Test
  void anAsciiStringOnOneLine_isEscapedExactlyAsJavaPoetsDollarSEscapesIt() {
    List<String> values = List.of("", "plain 12:ab", "it's", "say \"hi\"", "back\\slash",
        "tab\there", "nul\0", "del\u007f", "$S $L $$", "{@code x}", "bell\u0007 ~");

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

  /** Whatever the build's {@code -encoding}, the generated source reads back as it was written. */
  @Test
  void everyCharacterBeyondAscii_isAUnicodeEscape_soTheLiteralIsAscii() {
    assertThat(StringLiterals.quoted("caf\u00e9 nel\u0085 \u65e5\u672c"))
        .isEqualTo("\"caf\\u00e9 nel\\u0085 \\u65e5\\u672c\"");
    // A character beyond the basic plane, and a surrogate without its pair, escape char by char.
    assertThat(StringLiterals.quoted("\uD83D\uDE00 \uDC00"))
        .isEqualTo("\"\\ud83d\\ude00 \\udc00\"");
    assertThat(StringLiterals.quoted("\uFFFF")).isEqualTo("\"\\uffff\"");
  }

  @Test
  void aSourceWithNamesBeyondAscii_isWrittenWithUnicodeEscapes_andAnAsciiOneIsKeptAsItIs() {
    String ascii = "package a;\nclass B { String s = \"\\u00e9\"; }\n";
    assertThat(StringLiterals.asciiSource(ascii)).isSameInstanceAs(ascii);
    assertThat(StringLiterals.asciiSource("class \u524aB\u00e9 {}"))
        .isEqualTo("class \\u524aB\\u00e9 {}");
  }

  /** JLS 3.3: a backslash starts an escape only after an even run of backslashes. */
  @Test
  void aBackslashRightBeforeACharacterBeyondAscii_becomesAnEscapeToo_soTheNextOneIsRead() {
    assertThat(StringLiterals.asciiSource("\\\u00e9")).isEqualTo("\\u005c\\u00e9");
    assertThat(StringLiterals.asciiSource("\\\\\u00e9")).isEqualTo("\\\\\\u00e9");
    assertThat(StringLiterals.asciiSource("\\\\\\\u00e9"))
        .isEqualTo("\\\\\\u005c\\u00e9");
  }
}
